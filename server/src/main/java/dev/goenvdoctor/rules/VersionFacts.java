package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.go.GoInstallation;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.probe.go.GoSetting;
import dev.goenvdoctor.probe.go.InstallKind;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.GoDirective;
import dev.goenvdoctor.probe.workspace.GoModFile;
import dev.goenvdoctor.snapshot.Snapshot;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the "Versions and pins" and "Tools" rules read from a snapshot, in one place: the go each layer
 * runs with its parsed version, the Go installations a setting can point at, the go.mod or go.work
 * that governs each folder, a go env setting as one layer's go sees it, and short display forms.
 */
final class VersionFacts {
  private VersionFacts() {}

  /** One layer's go with its version parsed for comparison. */
  record LayerGo(Layer layer, ResolvedGo go, GoVersion version) {
    LayerId id() {
      return layer.id();
    }

    String who() {
      return VersionFacts.who(layer.id());
    }

    /** True for the layers whose go VS Code's own settings choose (go.goroot, go.alternateTools.go, go.toolsEnvVars). */
    boolean ofVsCode() {
      return layer.id() == LayerId.VSCODE_GO || layer.id() == LayerId.GOPLS;
    }
  }

  /** An installation a setting may point at, with its version parsed and the directory to write into a setting. */
  record Installed(GoInstallation installation, GoVersion version, String settingPath) {
    String label() {
      return settingPath + " (" + version.toolchainName() + ")";
    }
  }

  /** A go line or toolchain line of the go.mod or go.work that governs a workspace folder. */
  record ModuleLine(GoModFile file, GoDirective directive, GoVersion version, String shortName) {
    String display() {
      return shortName + ":" + (directive.lineLocation().range().startLine() + 1);
    }
  }

  /** How people call a layer in a message. */
  static String who(LayerId id) {
    return switch (id) {
      case EDITOR -> "the editor";
      case LOGIN -> "the desktop session";
      case TERMINAL -> "your terminal";
      case VSCODE_GO -> "VS Code";
      case GOPLS -> "gopls";
    };
  }

  /** The go of every layer that was learned and whose version is known, in report order. */
  static List<LayerGo> allLayers(Snapshot snapshot) {
    List<LayerGo> out = new ArrayList<>();
    for (Layer layer : snapshot.layers()) {
      if (layer.source() == LayerSource.UNAVAILABLE || layer.go().isEmpty()) {
        continue;
      }
      ResolvedGo go = layer.go().get();
      go.version().flatMap(GoVersion::parse).ifPresent(v -> out.add(new LayerGo(layer, go, v)));
    }
    return out;
  }

  /**
   * The layers whose go matters for editing and building: what the VS Code Go extension runs, what gopls
   * runs, and the terminal. The editor's own inherited environment counts only when the extension's
   * layer is missing: when it is there, it is what VS Code really runs (its settings may pick another go).
   */
  static List<LayerGo> editorRelevant(Snapshot snapshot) {
    List<LayerGo> all = allLayers(snapshot);
    boolean vscodeKnown = all.stream().anyMatch(l -> l.id() == LayerId.VSCODE_GO);
    return all.stream().filter(l -> switch (l.id()) {
      case VSCODE_GO, GOPLS, TERMINAL -> true;
      case EDITOR -> !vscodeKnown;
      case LOGIN -> false;
    }).toList();
  }

  /**
   * Installations a setting can safely point at: working Go roots with a known version, not a toolchain
   * the go command downloaded into the module cache, not an unfinished golang.org/dl download or an old
   * snap revision. The snap is named through {@code /snap/go/current}, which survives refreshes.
   */
  static List<Installed> usableInstallations(Snapshot snapshot) {
    List<Installed> out = new ArrayList<>();
    for (GoInstallation i : snapshot.installations().installations()) {
      if (!i.isGoRoot() || i.kind() == InstallKind.TOOLCHAIN_MODULE) {
        continue;
      }
      if ((i.kind() == InstallKind.GOLANG_DL || i.kind() == InstallKind.SNAP) && !i.problems().isEmpty()) {
        continue;
      }
      Optional<GoVersion> version = i.version().flatMap(GoVersion::parse);
      if (version.isEmpty() || !version.get().prerelease().isEmpty()) {
        continue;
      }
      String path = i.kind() == InstallKind.SNAP ? "/snap/go/current" : i.goroot();
      out.add(new Installed(i, version.get(), path));
    }
    return out;
  }

  /**
   * The installation to recommend for {@code minimum}: one some layer already runs (the user chose it
   * once), else the newest that meets it.
   */
  static Optional<Installed> bestMeeting(Snapshot snapshot, GoVersion minimum) {
    List<Installed> meeting = usableInstallations(snapshot).stream().filter(i -> i.version().atLeast(minimum)).toList();
    for (LayerGo l : allLayers(snapshot)) {
      Optional<Installed> used = meeting.stream().filter(i -> runs(l.go(), i)).findFirst();
      if (used.isPresent()) {
        return used;
      }
    }
    return meeting.stream().max(Comparator.comparing(Installed::version));
  }

  /** True when {@code go} is the {@code bin/go} of {@code installed}. */
  static boolean runs(ResolvedGo go, Installed installed) {
    GoInstallation i = installed.installation();
    return go.realPath().equals(i.goBinary().realPath()) || go.realPath().equals(Root.join(i.realPath(), "bin/go"));
  }

  /** The installation whose {@code bin/go} is the file {@code realPath}, if one was found. */
  static Optional<GoInstallation> installationOfBinary(Snapshot snapshot, String realPath) {
    return snapshot.installations().installations().stream()
        .filter(i -> i.goBinary().ok() && i.goBinary().realPath().equals(realPath)
            || Root.join(i.realPath(), "bin/go").equals(realPath))
        .findFirst();
  }

  /** The go line of the go.mod or go.work governing each workspace folder (nearest first), once per file. */
  static List<ModuleLine> goLines(Snapshot snapshot) {
    return lines(snapshot, true);
  }

  /** The toolchain line of the go.mod or go.work governing each workspace folder, once per file. */
  static List<ModuleLine> toolchainLines(Snapshot snapshot) {
    return lines(snapshot, false);
  }

  private static List<ModuleLine> lines(Snapshot snapshot, boolean goLine) {
    Map<String, ModuleLine> byFile = new LinkedHashMap<>();
    for (FolderFacts folder : snapshot.workspace().folders()) {
      Optional<GoModFile> mod = Anchors.governingModule(folder);
      if (mod.isEmpty() || byFile.containsKey(mod.get().path())) {
        continue;
      }
      Optional<GoDirective> directive = goLine ? mod.get().go() : mod.get().toolchain();
      directive.ifPresent(d -> GoVersion.parse(d.value()).ifPresent(v ->
          byFile.put(mod.get().path(), new ModuleLine(mod.get(), d, v, shortPath(mod.get().path(), folder.folder())))));
    }
    return List.copyOf(byFile.values());
  }

  /** A path as the go command prints it from the folder ({@code go.mod}, {@code sub/go.mod}). */
  static String shortPath(String path, String folder) {
    String prefix = folder.endsWith("/") ? folder : folder + "/";
    return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }

  /**
   * The value the go command of {@code layer} uses for {@code name}: the layer's environment, else the
   * user env file, else {@code $GOROOT/go.env} of that go (cmd/go cfg.Getenv).
   */
  static GoSetting setting(Snapshot snapshot, Layer layer, String name) {
    Optional<GoRoot> goroot = layer.go().flatMap(g -> goRootOf(snapshot, g));
    return GoSetting.lookup(name, layer.environment(), snapshot.goEnvFile(), goroot);
  }

  /** Where a go env setting came from, as evidence: the startup line or settings key, the env file line. */
  static Optional<Provenance> provenance(Layer layer, GoSetting setting) {
    return switch (setting.source()) {
      case ENVIRONMENT -> Optional.ofNullable(layer.origins().get(setting.name()));
      case USER_ENV_FILE, GOROOT_GO_ENV -> setting.location().map(l -> new Provenance(l, setting.name() + "=" + setting.value()));
      case UNSET -> Optional.empty();
    };
  }

  /** {@code GOTOOLCHAIN=local (~/.profile:9)}: a setting and where it came from, for a message. */
  static String describe(Snapshot snapshot, Layer layer, GoSetting setting) {
    String where = provenance(layer, setting).map(p -> display(snapshot, p.location()))
        .orElse(setting.source() == GoSetting.Source.ENVIRONMENT ? "the environment" : "");
    return setting.name() + "=" + setting.value() + (where.isEmpty() ? "" : " (" + where + ")");
  }

  private static Optional<GoRoot> goRootOf(Snapshot snapshot, ResolvedGo go) {
    Optional<GoInstallation> byBinary = installationOfBinary(snapshot, go.realPath());
    if (byBinary.isPresent()) {
      return Optional.of(byBinary.get().root());
    }
    return go.goroot().flatMap(dir -> snapshot.installations().installations().stream()
        .filter(i -> i.realPath().equals(dir) || i.goroot().equals(dir)).map(GoInstallation::root).findFirst()
        .or(() -> root(snapshot).map(r -> GoRoot.inspect(r, dir))));
  }

  /**
   * The file line that made a layer run its go: the version manager's pin that chose it, the setting that
   * named it (go.goroot, go.alternateTools.go), or the line that put its directory on PATH.
   */
  static Optional<Provenance> whyThisGo(LayerGo l) {
    if (l.go().selectedBy().isPresent()) {
      return l.go().selectedBy();
    }
    if (l.go().why().startsWith("go.goroot") || l.go().why().startsWith("GOROOT")) {
      return Optional.ofNullable(l.layer().origins().get("GOROOT"));
    }
    String dir = Root.parent(l.go().command());
    return l.layer().path().stream().filter(e -> e.dir().startsWith("/") && Root.normalize(e.dir()).equals(dir))
        .findFirst().flatMap(PathEntry::origin);
  }

  /** The machine the snapshot was taken of, for the few rules that look at one more file. */
  static Optional<Root> root(Snapshot snapshot) {
    String prefix = snapshot.machine().root();
    if (prefix == null || prefix.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Root.of(Path.of(prefix)));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** {@code ~/.profile:9}: a location with the home directory shortened, as users write it. */
  static String display(Snapshot snapshot, Location location) {
    return tilde(snapshot, location.display());
  }

  /** A path with the user's home directory written as {@code ~}. */
  static String tilde(Snapshot snapshot, String path) {
    String home = snapshot.machine().home();
    if (home != null && home.length() > 1 && (path.equals(home) || path.startsWith(home + "/"))) {
      return "~" + path.substring(home.length());
    }
    return path;
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  static String join(List<String> parts) {
    if (parts.isEmpty()) {
      return "";
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** {@code VS Code and gopls run}: the layers of one sentence, capitalised, and the verb. */
  static String subject(List<LayerGo> layers) {
    String names = join(layers.stream().map(LayerGo::who).toList());
    return capitalize(names) + (layers.size() == 1 ? " runs" : " run");
  }

  /** The first letter upper-cased, to start a sentence with a layer's name. */
  static String capitalize(String s) {
    // gopls is a program's name and stays lower case, as its authors write it.
    return s.isEmpty() || s.startsWith("gopls") ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** {@code /usr/bin/go -> /usr/lib/go-1.18/bin/go (go1.18.1)}: how a layer's go is shown. */
  static String label(ResolvedGo go) {
    String version = go.version().map(v -> " (" + v + ")").orElse("");
    return go.command().equals(go.realPath()) ? go.realPath() + version : go.command() + " -> " + go.realPath() + version;
  }
}
