package dev.goenvdoctor.rules;

import dev.goenvdoctor.layers.VsCodeGoSettings;
import dev.goenvdoctor.layers.VsCodeSettingsMerger;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.go.GoEnvFile;
import dev.goenvdoctor.probe.go.GoInstallation;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.probe.go.InstallKind;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.GoDirective;
import dev.goenvdoctor.probe.workspace.GoModFile;
import dev.goenvdoctor.probe.workspace.SettingEntry;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Shared reading helpers of the "Which go runs where" rules: the layers that may speak, how to name them
 * in a message, the merged VS Code settings, the startup statement behind a line, the go.mod {@code go}
 * line, and the Go installations that could be offered in a fix.
 */
final class WhichGoFacts {
  private WhichGoFacts() {}

  /** The machine as the snapshot read it (a scenario directory or {@code /}). */
  static Root root(Snapshot snapshot) {
    return Root.of(Path.of(snapshot.machine().root()));
  }

  /**
   * The layers whose contents are known. The two computed layers are built on the editor layer, so they
   * only count when the editor layer is known too.
   */
  static List<Layer> known(Snapshot snapshot) {
    boolean editorKnown = snapshot.layer(LayerId.EDITOR).map(WhichGoFacts::isKnown).orElse(false);
    List<Layer> out = new ArrayList<>();
    for (Layer layer : snapshot.layers()) {
      boolean computed = layer.id() == LayerId.VSCODE_GO || layer.id() == LayerId.GOPLS;
      if (isKnown(layer) && (!computed || editorKnown)) {
        out.add(layer);
      }
    }
    return out;
  }

  static Optional<Layer> known(Snapshot snapshot, LayerId id) {
    return known(snapshot).stream().filter(l -> l.id() == id).findFirst();
  }

  static boolean isKnown(Layer layer) {
    return layer.source() != LayerSource.UNAVAILABLE;
  }

  /** How a message names a layer: "the editor", "your terminal", ... */
  static String name(LayerId id) {
    return switch (id) {
      case EDITOR -> "the editor";
      case LOGIN -> "your login shell";
      case TERMINAL -> "your terminal";
      case VSCODE_GO -> "the VS Code Go extension";
      case GOPLS -> "gopls";
    };
  }

  /** "the editor", "the editor and gopls", "the editor, your login shell and gopls". */
  static String names(List<LayerId> ids) {
    List<String> parts = ids.stream().distinct().map(WhichGoFacts::name).toList();
    if (parts.isEmpty()) {
      return "no layer";
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** The text with its first letter in upper case; "gopls" keeps its lower case, as its name is written. */
  static String capitalize(String s) {
    return s == null || s.isEmpty() || s.startsWith("gopls") ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** "runs" for one layer, "run" for several. */
  static String verb(List<?> layers, String singular, String plural) {
    return layers.size() == 1 ? singular : plural;
  }

  /** A path with the home directory written as {@code ~}, as people read it. */
  static String tilde(Snapshot snapshot, String path) {
    String home = snapshot.machine().home();
    if (home == null || home.isEmpty() || home.equals("/") || path == null) {
      return path;
    }
    if (path.equals(home)) {
      return "~";
    }
    return path.startsWith(home + "/") ? "~" + path.substring(home.length()) : path;
  }

  /** {@code ~/.bashrc:114}. */
  static String where(Snapshot snapshot, Provenance p) {
    return where(snapshot, p.location());
  }

  static String where(Snapshot snapshot, Location location) {
    return tilde(snapshot, location.file()) + ":" + (location.range().startLine() + 1);
  }

  /** {@code /usr/local/go/bin/go (go1.22.5)}. */
  static String label(ResolvedGo go) {
    return go.realPath() + go.version().map(v -> " (" + v + ")").orElse("");
  }

  /** True when two layers run the same file at the same version. */
  static boolean sameGo(ResolvedGo a, ResolvedGo b) {
    return a.realPath().equals(b.realPath()) && a.version().equals(b.version());
  }

  /** The PATH entry of {@code layer} whose directory is {@code dir} (the first one). */
  static Optional<PathEntry> entry(Layer layer, String dir) {
    String wanted = Root.normalize(dir);
    return layer.path().stream().filter(e -> e.dir().startsWith("/") && Root.normalize(e.dir()).equals(wanted)).findFirst();
  }

  /** The index of {@code dir} in the layer's PATH, or -1. */
  static int indexOf(Layer layer, String dir) {
    String wanted = Root.normalize(dir);
    for (int i = 0; i < layer.path().size(); i++) {
      String d = layer.path().get(i).dir();
      if (d.startsWith("/") && Root.normalize(d).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  /** The directory a layer found its go in ({@code /usr/bin} for {@code /usr/bin/go}). */
  static String commandDir(ResolvedGo go) {
    return Root.parent(go.command());
  }

  /** The VS Code Go settings as the extension sees them (user, then the first folder's file). */
  static VsCodeGoSettings settings(Snapshot snapshot) {
    Optional<SettingsFile> user = snapshot.workspace().userSettings().stream()
        .filter(s -> s.scope() == SettingsFile.Scope.USER).findFirst();
    Optional<SettingsFile> folder = snapshot.workspace().folders().stream().findFirst().flatMap(FolderFacts::folderSettings);
    return VsCodeSettingsMerger.merge(user, folder);
  }

  /** The settings files that apply: the first folder's {@code .vscode/settings.json}, then the user's. */
  static List<SettingsFile> settingsFiles(Snapshot snapshot) {
    List<SettingsFile> out = new ArrayList<>();
    snapshot.workspace().folders().stream().findFirst().flatMap(FolderFacts::folderSettings).ifPresent(out::add);
    snapshot.workspace().userSettings().stream().filter(s -> s.scope() == SettingsFile.Scope.USER).findFirst().ifPresent(out::add);
    return out;
  }

  /** A setting found in a settings file, with the file. */
  record SettingHit(SettingsFile file, SettingEntry entry) {}

  /** The setting whose key sits at {@code location} (what a settings provenance points at). */
  static Optional<SettingHit> settingAt(Snapshot snapshot, Location location) {
    for (SettingsFile file : settingsFiles(snapshot)) {
      for (SettingEntry e : file.entries()) {
        if (e.keyLocation().equals(location)) {
          return Optional.of(new SettingHit(file, e));
        }
      }
    }
    return Optional.empty();
  }

  /** The effective entry at {@code path}: the folder's file wins over the user's. */
  static Optional<SettingHit> setting(Snapshot snapshot, List<String> path) {
    for (SettingsFile file : settingsFiles(snapshot)) {
      Optional<SettingEntry> e = file.entry(path);
      if (e.isPresent()) {
        return Optional.of(new SettingHit(file, e.get()));
      }
    }
    return Optional.empty();
  }

  /** The static reading of one shell mode. */
  static Optional<StaticShellResult> reading(Snapshot snapshot, ShellMode mode) {
    return snapshot.startup().stream().filter(r -> r.mode() == mode).findFirst();
  }

  /** The statement of a shell mode's reading that sits at {@code location}'s line. */
  static Optional<StartupStatement> statement(Snapshot snapshot, ShellMode mode, Location location) {
    return reading(snapshot, mode).flatMap(r -> r.statements().stream()
        .filter(s -> s.provenance() != null && sameLine(s.provenance().location(), location)).findFirst());
  }

  static boolean sameLine(Location a, Location b) {
    return a.file().equals(b.file()) && a.range().startLine() == b.range().startLine();
  }

  /**
   * Why a login shell (what the desktop session builds) does not run the line at {@code location}, when
   * it does not: "below the interactive-only guard at ~/.bashrc:6", or "in ~/.zshrc, which a login
   * shell does not read". Empty when the login shell runs it, or when that is not known.
   */
  static Optional<String> whyLoginSkips(Snapshot snapshot, Location location) {
    Optional<StaticShellResult> login = reading(snapshot, ShellMode.LOGIN);
    if (login.isEmpty()) {
      return Optional.empty();
    }
    Optional<StartupStatement> inLogin = statement(snapshot, ShellMode.LOGIN, location);
    if (inLogin.map(StartupStatement::executed).orElse(false)) {
      return Optional.empty();
    }
    if (inLogin.isPresent() && inLogin.get().afterGuard()) {
      return Optional.of("below the interactive-only guard at " + where(snapshot, inLogin.get().guard())
          + ", where a non-interactive login shell (what the desktop session builds) stops reading");
    }
    boolean terminalRuns = statement(snapshot, ShellMode.TERMINAL, location).map(StartupStatement::executed).orElse(false);
    if (terminalRuns && !login.get().filesRead().contains(location.file())) {
      return Optional.of("in " + tilde(snapshot, location.file())
          + ", which a login shell (what the desktop session builds) does not read");
    }
    return Optional.empty(); // the login shell reads the file but skipped the line for another reason (a condition)
  }

  /** The {@code go} line of the workspace's governing go.mod or go.work, parsed. */
  static Optional<GoVersion> goLine(Snapshot snapshot) {
    return goDirective(snapshot).flatMap(d -> GoVersion.parse(d.value()));
  }

  static Optional<GoDirective> goDirective(Snapshot snapshot) {
    for (FolderFacts folder : snapshot.workspace().folders()) {
      Optional<GoDirective> go = Anchors.governingModule(folder).flatMap(GoModFile::go);
      if (go.isPresent()) {
        return go;
      }
    }
    return Optional.empty();
  }

  /** True when {@code version} (e.g. "go1.22.5") meets the go.mod {@code go} line; true when there is none. */
  static boolean meetsGoLine(Snapshot snapshot, Optional<String> version) {
    Optional<GoVersion> line = goLine(snapshot);
    if (line.isEmpty()) {
      return true;
    }
    return version.flatMap(GoVersion::parse).map(v -> v.atLeast(line.get())).orElse(false);
  }

  /** An installation that works (a Go root with an executable bin/go and a known version). */
  record Usable(GoInstallation installation, GoVersion version, String gorootSetting) {}

  /** The working installations, newest first; for a snap the GOROOT to name is {@code /snap/go/current}, never a revision. */
  static List<Usable> usableInstallations(Snapshot snapshot) {
    List<Usable> out = new ArrayList<>();
    for (GoInstallation i : snapshot.installations().installations()) {
      Optional<GoVersion> v = i.version().flatMap(GoVersion::parse);
      if (!i.isGoRoot() || !i.root().goBinaryExecutable() || v.isEmpty()) {
        continue;
      }
      String dir = i.kind() == InstallKind.SNAP ? "/snap/go/current" : i.goroot();
      out.add(new Usable(i, v.get(), dir));
    }
    out.sort(Comparator.comparing(Usable::version).reversed());
    return out;
  }

  /** The Go root a binary belongs to by its location ({@code <exe>/../..}), when that is a Go root. */
  static Optional<GoRoot> ownRoot(Root root, String realExecutable) {
    String dir = Root.parent(Root.parent(realExecutable));
    GoRoot r = GoRoot.inspect(root, dir);
    return r.isGoRoot() ? Optional.of(r) : Optional.empty();
  }

  /** The Go user env file a layer's go commands read. */
  static GoEnvFile envFile(Root root, Layer layer) {
    return GoEnvFile.read(root, layer.environment());
  }

  /** The layer's value of a variable, when set and not empty (an empty value does not count for cmd/go). */
  static Optional<String> value(Layer layer, String name) {
    return layer.get(name).filter(v -> !v.isEmpty());
  }

  /** The real path of a directory (symlinks followed), or its normalised path when it does not resolve. */
  static String real(Root root, String path) {
    return path.startsWith("/") ? root.resolve(path).realPath() : path;
  }
}
