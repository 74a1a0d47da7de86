package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers "which go does this PATH run, and what is it really?" without running anything: the PATH
 * search execvp does, then through shims and wrappers (snap, golang.org/dl, goenv, asdf, mise) to the
 * go binary that ends up running, its GOROOT (as cmd/go's findGOROOT computes it) and the file and
 * line that chose the version.
 */
public final class GoResolver {
  /** A shim whose {@code system} choice leads to another shim: stop after this many hops. */
  private static final int MAX_DELEGATIONS = 4;

  private final Root root;

  /** A resolver reading the machine through {@code root}. */
  public GoResolver(Root root) {
    this.root = root;
  }

  /**
   * Resolves {@code go} for {@code pathEntries} (PATH split on {@code :}, empty entries kept), the
   * environment {@code env} (read for HOME, GOROOT, GOENV and the version managers' variables) and the
   * working directory {@code workingDirectory} (a machine path: where pin files are searched and what
   * empty or relative PATH entries mean). Never throws.
   */
  public GoResolution resolve(List<String> pathEntries, Map<String, String> env, String workingDirectory) {
    return resolve(pathEntries, env, Root.normalize(workingDirectory), new HashSet<>(), 0);
  }

  private GoResolution resolve(List<String> entries, Map<String, String> env, String cwd, Set<String> skipDirs, int depth) {
    PathSearch.Result search = PathSearch.find(root, entries, cwd, "go", skipDirs);
    if (search.hit().isEmpty()) {
      List<String> problems = List.of("no executable 'go' in any PATH entry"
          + (skipDirs.isEmpty() ? "" : " (leaving out " + String.join(", ", skipDirs) + ")"));
      return new GoResolution(Optional.empty(), Optional.empty(), CommandKind.NOT_FOUND, search.notes(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), GorootSource.NONE, "nothing runs",
          Optional.empty(), Optional.empty(), List.of(), problems);
    }
    PathSearch.Hit hit = search.hit().get();
    String command = hit.command();
    SymlinkChain chain = hit.chain();
    String real = chain.realPath();
    UserDirs dirs = UserDirs.from(root, env);

    List<String> script = scriptLines(real);
    Classified classified = classify(command, chain, script, env, cwd, dirs);
    CommandKind kind = classified.kind();
    Optional<Selected> selected = classified.selected();

    List<String> notes = new ArrayList<>(search.notes());
    if (kind == CommandKind.UNKNOWN_SCRIPT) {
      notes.add(command + " is a script (" + script.get(0).strip() + "); what it runs is not interpreted");
    }
    // A shim resolving to "system" runs the next go on PATH without its own directory.
    if (selected.isPresent() && selected.get().systemSkipDir().isPresent() && depth < MAX_DELEGATIONS) {
      Set<String> skip = new HashSet<>(skipDirs);
      skip.add(selected.get().systemSkipDir().get());
      GoResolution inner = resolve(entries, env, cwd, skip, depth + 1);
      notes.add("'system' runs the next go on PATH without " + selected.get().systemSkipDir().get() + ": "
          + inner.command().orElse("none"));
      inner.searchNotes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
      List<String> problems = new ArrayList<>(inner.problems());
      return new GoResolution(Optional.of(command), Optional.of(chain), kind, notes, selected.map(Selected::selection),
          inner.executable(), inner.executableRoot(), inner.version(), inner.goroot(), inner.gorootSource(), inner.gorootFrom(),
          inner.gorootProvenance(), inner.installKind(), inner.installEvidence(), problems);
    }
    return finish(command, chain, kind, notes, selected, env, dirs);
  }

  private record Classified(CommandKind kind, Optional<Selected> selected) {}

  /** What the PATH hit is, and for shims and wrappers what they select. Order matters: snap and mise shims are symlinks. */
  private Classified classify(String command, SymlinkChain chain, List<String> script, Map<String, String> env, String cwd,
      UserDirs dirs) {
    String real = chain.realPath();
    if (SnapSelector.isSnapCommand(command, chain)) {
      return new Classified(CommandKind.SNAP, Optional.of(SnapSelector.select(root, command)));
    }
    if (MiseSelector.isMiseShim(command, real, dirs)) {
      return new Classified(CommandKind.MISE_SHIM, Optional.of(MiseSelector.select(root, env, cwd, dirs, command)));
    }
    if (!script.isEmpty()) {
      if (GoenvSelector.isGoenvShim(command, script)) {
        return new Classified(CommandKind.GOENV_SHIM, Optional.of(GoenvSelector.select(root, env, cwd, dirs, command, script)));
      }
      if (AsdfSelector.isAsdfShim(script)) {
        return new Classified(CommandKind.ASDF_SHIM, Optional.of(AsdfSelector.select(root, env, cwd, dirs, command, script)));
      }
      return new Classified(CommandKind.UNKNOWN_SCRIPT, Optional.empty());
    }
    // A go1.x.y binary outside any Go tree is a golang.org/dl wrapper (the name is all we read here).
    if (GorootFinder.fromExecutable(root, real).isEmpty() && DlWrapper.isWrapperName(real.substring(real.lastIndexOf('/') + 1))) {
      return new Classified(CommandKind.GOLANG_DL_WRAPPER, Optional.of(DlWrapperSelector.select(root, env, real)));
    }
    return new Classified(CommandKind.GO_BINARY, Optional.empty());
  }

  private GoResolution finish(String command, SymlinkChain chain, CommandKind kind, List<String> notes,
      Optional<Selected> selected, Map<String, String> env, UserDirs dirs) {
    List<String> problems = new ArrayList<>();
    selected.flatMap(s -> s.selection().message()).ifPresent(problems::add);

    Optional<String> executable;
    if (kind == CommandKind.GO_BINARY) {
      executable = Optional.of(chain.realPath());
    } else {
      executable = selected.flatMap(Selected::executable).map(e -> root.resolve(e).realPath());
    }
    if (executable.isPresent() && kind != CommandKind.GO_BINARY && !root.isExecutableFile(executable.get())) {
      problems.add(executable.get() + " (what " + command + " runs) is missing or not executable");
    }
    Optional<String> executableRoot = executable.flatMap(e -> GorootFinder.fromExecutable(root, e));
    Optional<String> version = executableRoot.flatMap(r -> GoRoot.inspect(root, r).version());

    // The environment the go binary itself starts with, after the wrapper's own export.
    Map<String, String> goEnv = new HashMap<>(env);
    boolean exported = false;
    if (selected.isPresent() && selected.get().gorootExport().isPresent()) {
      String current = env.getOrDefault("GOROOT", "");
      if (selected.get().exportOverrides() || current.isEmpty()) {
        goEnv.put("GOROOT", selected.get().gorootExport().get());
        exported = true;
      }
    }

    Optional<String> goroot = Optional.empty();
    GorootSource source;
    String from;
    Optional<Provenance> provenance = Optional.empty();
    String fromEnv = goEnv.getOrDefault("GOROOT", "");
    GoEnvFile userFile = GoEnvFile.read(root, goEnv);
    Optional<GoEnvEntry> fileRoot = userFile.get("GOROOT").filter(e -> !e.value().isEmpty());
    if (kind == CommandKind.UNKNOWN_SCRIPT) {
      source = GorootSource.NONE;
      from = "unknown: what " + command + " runs is not interpreted";
    } else if (executable.isEmpty() && kind != CommandKind.GO_BINARY) {
      source = GorootSource.NONE;
      from = "nothing runs";
    } else if (!fromEnv.isEmpty()) {
      goroot = Optional.of(fromEnv.startsWith("/") ? Root.normalize(fromEnv) : fromEnv);
      source = exported ? GorootSource.SET_BY_WRAPPER : GorootSource.ENVIRONMENT;
      from = exported ? "exported by " + selected.get().selection().manager() + " before running go" : "GOROOT environment variable";
    } else if (fileRoot.isPresent()) {
      String v = fileRoot.get().value();
      goroot = Optional.of(v.startsWith("/") ? Root.normalize(v) : v);
      source = GorootSource.USER_ENV_FILE;
      from = fileRoot.get().location().display();
      provenance = Optional.of(new Provenance(fileRoot.get().location(), fileRoot.get().key() + "=" + v));
    } else if (executableRoot.isPresent()) {
      goroot = executableRoot;
      source = GorootSource.EXECUTABLE_LOCATION;
      from = executable.get() + " sits in " + executableRoot.get() + "/bin (it holds pkg/tool)";
    } else {
      source = GorootSource.BUILT_IN_DEFAULT;
      from = "the default built into " + executable.orElse(command) + " (no pkg/tool next to it)";
    }
    if (goroot.isPresent() && (source == GorootSource.ENVIRONMENT || source == GorootSource.USER_ENV_FILE
        || source == GorootSource.SET_BY_WRAPPER)) {
      checkGoroot(goroot.get(), version, executableRoot, problems);
    }

    Optional<InstallKind> installKind = Optional.empty();
    List<String> evidence = List.of();
    Optional<VersionSelection> selection = selected.map(Selected::selection);
    if (executableRoot.isPresent()) {
      InstallClassifier.Classification c = new InstallClassifier(root, dirs).classify(
          root.resolve(executableRoot.get()).realPath(), List.of(executableRoot.get()));
      installKind = Optional.of(c.kind());
      evidence = c.evidence();
      // gvm has no shim to follow; its choice is read from its default environment instead.
      if (c.kind() == InstallKind.GVM && selection.isEmpty() && dirs.gvmRoot().isPresent()) {
        selection = Optional.of(GvmSelection.describe(root, dirs.gvmRoot().get(), executableRoot.get()));
      }
    }
    return new GoResolution(Optional.of(command), Optional.of(chain), kind, notes, selection,
        executable, executableRoot, version, goroot, source, from, provenance, installKind, evidence, problems);
  }

  /** What the go command says about a GOROOT set by hand that is missing or of another version. */
  private void checkGoroot(String goroot, Optional<String> binaryVersion, Optional<String> executableRoot, List<String> problems) {
    if (!goroot.startsWith("/")) {
      problems.add("GOROOT=" + goroot + " is relative: it depends on the working directory");
      return;
    }
    if (!root.isDirectory(goroot)) {
      problems.add("go: cannot find GOROOT directory: " + goroot);
      return;
    }
    Optional<String> rootVersion = GoRoot.inspect(root, goroot).version();
    if (binaryVersion.isPresent() && rootVersion.isPresent() && !binaryVersion.get().equals(rootVersion.get())) {
      problems.add("GOROOT " + goroot + " holds " + rootVersion.get() + " but the go binary comes from "
          + executableRoot.orElse("?") + " (" + binaryVersion.get() + "): builds fail with compile: version \""
          + rootVersion.get() + "\" does not match go tool version \"" + binaryVersion.get() + "\"");
    }
  }

  /** The lines of {@code path} when it is a {@code #!} script (bounded); empty for binaries and unreadable files. */
  private List<String> scriptLines(String path) {
    Optional<byte[]> head = root.readBytes(path, TextFiles.MAX_SMALL_FILE);
    if (head.isEmpty() || head.get().length < 2 || head.get()[0] != '#' || head.get()[1] != '!') {
      return List.of();
    }
    return TextFiles.splitLines(new String(head.get(), StandardCharsets.UTF_8));
  }
}
