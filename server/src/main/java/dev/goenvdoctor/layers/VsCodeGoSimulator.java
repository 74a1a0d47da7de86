package dev.goenvdoctor.layers;

import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Replays what the VS Code Go extension does at activation, without running VS Code, on top of the
 * editor layer (vscode-go v0.5x, extension/src: goEnv.ts setGOROOTEnvVar and toolExecutionEnvironment,
 * util.ts getBinPathWithExplanation, utils/pathUtils.ts getBinPathWithPreferredGopathGorootWithExplanation,
 * goInstallTools.ts updateGoVarsFromConfig, goEnvironmentStatus.ts addGoRuntimeBaseToPATH):
 * <ol>
 *   <li>{@code go.goroot}, when it names an existing directory, becomes GOROOT of the extension host.
 *   <li>{@code go} is looked up: {@code go.alternateTools.go} (absolute and executable), then GOBIN, then
 *       GOROOT/bin ({@code go.goroot}, else GOROOT), then PATH ({@code /snap/bin/go} rewritten to
 *       {@code /snap/go/current/bin/go}), then {@code /usr/local/go/bin/go}, {@code /usr/local/bin/go}.
 *   <li>{@code go env} of that go sets the extension's GOROOT and fills GOPATH, GOPROXY, GOBIN, GOMODCACHE
 *       when unset; when the go was not found on PATH, GOROOT/bin is prepended to PATH (only while
 *       {@code go.terminal.activateEnvironment} is true).
 *   <li>Tools, gopls included, run with that environment plus {@code go.toolsEnvVars} (each value replaces
 *       the variable wholesale) and GOPATH from {@code go.gopath}; gopls finds go through its own PATH.
 * </ol>
 * The selected Go of "Go: Choose Go Environment" lives in VS Code's workspace state, which is not on disk
 * in a readable form; the layer notes say so when it could matter.
 */
public final class VsCodeGoSimulator {
  private static final List<String> DEFAULT_GO_PATHS = List.of("/usr/local/go/bin/go", "/usr/local/bin/go");
  private static final List<String> GO_ENV_FILLED = List.of("GOPATH", "GOPROXY", "GOBIN", "GOMODCACHE");

  private final Root root;
  private final GoLocator locator;
  /** Runs {@code go env} for a chosen go with an environment; empty map when running is not allowed. */
  private final BiFunction<ResolvedGo, Map<String, String>, Map<String, String>> goEnv;

  public VsCodeGoSimulator(Root root, GoLocator locator,
      BiFunction<ResolvedGo, Map<String, String>, Map<String, String>> goEnv) {
    this.root = root;
    this.locator = locator;
    this.goEnv = goEnv;
  }

  /** Computes the vscode-go and gopls layers for one workspace folder. */
  public VsCodeGoLayers simulate(Layer editor, VsCodeGoSettings settings, String workspaceFolder, String home) {
    Map<String, String> process = new HashMap<>(editor.environment());
    Map<String, Provenance> origins = new HashMap<>(editor.origins());
    Map<String, Provenance> pathOrigins = pathOrigins(editor);
    List<String> notes = new ArrayList<>();

    Optional<String> gorootSetting = settings.goroot()
        .map(s -> VsCodeVariables.expand(s.value(), process, workspaceFolder, home))
        .filter(s -> !s.isBlank());
    if (gorootSetting.isPresent()) {
      if (root.isDirectory(gorootSetting.get())) {
        process.put("GOROOT", gorootSetting.get());
        settings.goroot().flatMap(Setting::where).ifPresent(p -> origins.put("GOROOT", p));
      } else {
        notes.add("go.goroot setting is ignored. " + gorootSetting.get() + " is not a valid GOROOT directory.");
      }
    }

    Lookup lookup = lookUpGo(settings, gorootSetting, process, workspaceFolder, home);
    Optional<ResolvedGo> go = lookup.command().map(c -> locator.describe(c, lookup.why(), process, workspaceFolder));
    if (go.isEmpty()) {
      notes.add("The Go extension finds no go: it looked in go.alternateTools.go, GOBIN, GOROOT/bin, PATH, "
          + String.join(", ", DEFAULT_GO_PATHS) + ".");
    }

    Map<String, String> toolsEnv = withToolsEnvVars(process, settings, workspaceFolder, home, origins);
    go.ifPresent(g -> {
      Map<String, String> reported = goEnv.apply(g, toolsEnv);
      Optional<String> goroot = Optional.ofNullable(reported.get("GOROOT")).filter(s -> !s.isBlank()).or(g::goroot);
      for (String name : GO_ENV_FILLED) {
        String value = reported.get(name);
        if (!process.containsKey(name) && value != null && !value.isBlank()) {
          process.put(name, value.trim());
        }
      }
      boolean foundOnPath = lookup.via() == Via.PATH;
      if (!foundOnPath && settings.terminalActivateEnvironment() && goroot.isPresent()) {
        String bin = goroot.get() + "/bin";
        List<String> entries = new ArrayList<>(splitPath(process.get("PATH")));
        entries.remove(bin);
        entries.add(0, bin);
        process.put("PATH", String.join(":", entries));
        notes.add("The Go extension prepends " + bin + " to PATH because it found go through "
            + lookup.why() + ", not through PATH.");
      }
    });

    Layer vscodeGo = layer(LayerId.VSCODE_GO, withToolsEnvVars(process, settings, workspaceFolder, home, origins),
        origins, pathOrigins, go, notes, settings);

    Map<String, String> goplsEnv = withToolsEnvVars(process, settings, workspaceFolder, home, origins);
    settings.gopath().map(s -> VsCodeVariables.expand(s.value(), process, workspaceFolder, home))
        .filter(s -> !s.isBlank()).ifPresent(gp -> goplsEnv.put("GOPATH", gp));
    List<String> goplsNotes = new ArrayList<>();
    Optional<ResolvedGo> goplsGo = locator.lookUp(splitPath(goplsEnv.get("PATH")), goplsEnv, workspaceFolder);
    if (goplsGo.isEmpty()) {
      goplsNotes.add("gopls would find no go on its PATH.");
    }
    Lookup goplsBinary = lookUpGopls(settings, process, workspaceFolder, home);
    if (!settings.useLanguageServer()) {
      goplsNotes.add("go.useLanguageServer is false: the Go extension does not start gopls.");
    }
    Layer gopls = layer(LayerId.GOPLS, goplsEnv, origins, pathOrigins, goplsGo, goplsNotes, settings);
    return new VsCodeGoLayers(vscodeGo, gopls, goplsBinary.command(), goplsBinary.why());
  }

  private enum Via { ALTERNATE_TOOL, GOBIN, GOPATH, GOROOT, PATH, DEFAULT, NONE }

  private record Lookup(Optional<String> command, Via via, String why) {}

  private Lookup lookUpGo(VsCodeGoSettings settings, Optional<String> gorootSetting, Map<String, String> env,
      String workspaceFolder, String home) {
    Optional<String> alternate = settings.alternateGo()
        .map(s -> VsCodeVariables.expand(s.value(), env, workspaceFolder, home)).filter(s -> !s.isBlank());
    if (alternate.isPresent() && alternate.get().startsWith("/") && root.isExecutableFile(alternate.get())) {
      return new Lookup(alternate, Via.ALTERNATE_TOOL, "go.alternateTools.go");
    }
    String name = alternate.filter(a -> !a.startsWith("/")).orElse("go");
    Optional<Lookup> found = firstIn(env.get("GOBIN"), name, false, Via.GOBIN, "GOBIN");
    if (found.isEmpty()) {
      String goroot = gorootSetting.orElse(env.getOrDefault("GOROOT", ""));
      found = firstIn(goroot, name, true, Via.GOROOT, gorootSetting.isPresent() ? "go.goroot" : "GOROOT");
    }
    if (found.isEmpty()) {
      found = firstIn(env.get("PATH"), name, false, Via.PATH, "PATH")
          .map(l -> l.command().get().equals("/snap/bin/go") && name.equals("go")
              ? new Lookup(Optional.of("/snap/go/current/bin/go"), Via.PATH,
                  "PATH (/snap/bin/go, which the extension replaces with /snap/go/current/bin/go)")
              : l);
    }
    if (found.isEmpty() && name.equals("go")) {
      found = DEFAULT_GO_PATHS.stream().filter(root::isExecutableFile).findFirst()
          .map(p -> new Lookup(Optional.of(p), Via.DEFAULT, "its default location " + p));
    }
    return found.orElse(new Lookup(Optional.empty(), Via.NONE, "nothing"));
  }

  private Lookup lookUpGopls(VsCodeGoSettings settings, Map<String, String> env, String workspaceFolder, String home) {
    Optional<String> alternate = settings.alternateGopls()
        .map(s -> VsCodeVariables.expand(s.value(), env, workspaceFolder, home)).filter(s -> !s.isBlank());
    if (alternate.isPresent() && alternate.get().startsWith("/") && root.isExecutableFile(alternate.get())) {
      return new Lookup(alternate, Via.ALTERNATE_TOOL, "go.alternateTools.gopls");
    }
    String name = alternate.filter(a -> !a.startsWith("/")).orElse("gopls");
    List<Optional<Lookup>> candidates = new ArrayList<>();
    candidates.add(firstIn(env.get("GOBIN"), name, false, Via.GOBIN, "GOBIN"));
    settings.toolsGopath().map(s -> VsCodeVariables.expand(s.value(), env, workspaceFolder, home))
        .ifPresent(tg -> candidates.add(firstIn(tg, name, true, Via.GOPATH, "go.toolsGopath")));
    String gopath = settings.gopath().map(s -> VsCodeVariables.expand(s.value(), env, workspaceFolder, home))
        .orElse(env.getOrDefault("GOPATH", ""));
    candidates.add(firstIn(gopath, name, true, Via.GOPATH, "GOPATH/bin"));
    candidates.add(firstIn(env.getOrDefault("GOROOT", ""), name, true, Via.GOROOT, "GOROOT/bin"));
    candidates.add(firstIn(env.get("PATH"), name, false, Via.PATH, "PATH"));
    return candidates.stream().flatMap(Optional::stream).findFirst()
        .orElse(new Lookup(Optional.empty(), Via.NONE, "not found in GOBIN, GOPATH/bin, GOROOT/bin or PATH"));
  }

  /** Like the extension's getBinPathFromEnvVar: each ':'-separated dir (plus "bin" when asked), joined with the name. */
  private Optional<Lookup> firstIn(String list, String name, boolean appendBin, Via via, String what) {
    if (list == null || list.isEmpty()) {
      return Optional.empty();
    }
    for (String dir : list.split(":", -1)) {
      if (!dir.startsWith("/")) {
        continue; // Node joins a relative dir onto the extension host's cwd, which is not the workspace.
      }
      String candidate = Root.normalize(dir + (appendBin ? "/bin/" : "/") + name);
      if (root.isExecutableFile(candidate)) {
        return Optional.of(new Lookup(Optional.of(candidate), via, what + " (" + dir + ")"));
      }
    }
    return Optional.empty();
  }

  private Map<String, String> withToolsEnvVars(Map<String, String> process, VsCodeGoSettings settings,
      String workspaceFolder, String home, Map<String, Provenance> origins) {
    Map<String, String> env = new HashMap<>(process);
    settings.toolsEnvVars().forEach((name, setting) -> {
      env.put(name, VsCodeVariables.expand(setting.value(), process, workspaceFolder, home));
      setting.where().ifPresent(p -> origins.put(name, p));
    });
    return env;
  }

  private static Map<String, Provenance> pathOrigins(Layer editor) {
    Map<String, Provenance> byDir = new LinkedHashMap<>();
    for (PathEntry e : editor.path()) {
      e.origin().ifPresent(p -> byDir.putIfAbsent(e.dir(), p));
    }
    return byDir;
  }

  private Layer layer(LayerId id, Map<String, String> env, Map<String, Provenance> origins,
      Map<String, Provenance> pathOrigins, Optional<ResolvedGo> go, List<String> notes, VsCodeGoSettings settings) {
    Provenance pathSetting = settings.toolsEnvVars().containsKey("PATH")
        ? settings.toolsEnvVars().get("PATH").where().orElse(null) : null;
    List<PathEntry> path = new ArrayList<>();
    for (String dir : splitPath(env.get("PATH"))) {
      Optional<Provenance> origin = Optional.ofNullable(pathSetting).or(() -> Optional.ofNullable(pathOrigins.get(dir)));
      path.add(new PathEntry(dir, origin, PathEntry.classify(dir, root::isDirectory)));
    }
    return new Layer(id, LayerSource.COMPUTED, env, path, origins, go, notes);
  }

  static List<String> splitPath(String path) {
    return path == null || path.isEmpty() ? List.of() : List.of(path.split(":", -1));
  }
}
