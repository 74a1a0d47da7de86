package dev.goenvdoctor.rules;

import dev.goenvdoctor.layers.VsCodeVariables;
import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.BuildInfo;
import dev.goenvdoctor.probe.binary.GoBinaryProbe;
import dev.goenvdoctor.probe.go.GoResolution;
import dev.goenvdoctor.probe.go.GoResolver;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.SettingEntry;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.snapshot.Snapshot;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the "VS Code settings" rules share: the effective value of a setting (a folder's
 * {@code .vscode/settings.json} wins over the user's settings, as in VS Code and as the vscode-go layer is
 * built), vscode-go's variable expansion, and short descriptions of settings files and Go roots for messages.
 */
final class VsCodeSettingsFacts {

  private VsCodeSettingsFacts() {}

  /** One setting as VS Code applies it: the entry and the file it is in (the file a fix edits). */
  record Located(SettingsFile file, SettingEntry entry) {
    /** The key and value as written, at the key's line: what evidence shows. */
    Provenance provenance() {
      List<String> path = entry.path();
      return new Provenance(entry.keyLocation(), "\"" + path.get(path.size() - 1) + "\": " + entry.sourceText());
    }

    Optional<String> string() {
      return entry.stringValue();
    }
  }

  /** The user settings the vscode-go layer reads: the first user settings file found. */
  static Optional<SettingsFile> userSettings(Snapshot snapshot) {
    return snapshot.workspace().userSettings().stream().filter(s -> s.scope() == SettingsFile.Scope.USER).findFirst();
  }

  /** The first workspace folder's own {@code .vscode/settings.json}. */
  static Optional<SettingsFile> folderSettings(Snapshot snapshot) {
    return snapshot.workspace().folders().stream().findFirst().flatMap(FolderFacts::folderSettings);
  }

  /** The first workspace folder (what {@code ${workspaceFolder}} means), or null. */
  static String workspaceFolder(Snapshot snapshot) {
    return snapshot.workspace().folders().stream().findFirst().map(FolderFacts::folder)
        .orElse(snapshot.machine().workspaceFolders().stream().findFirst().orElse(null));
  }

  /** The entry at {@code path} as VS Code applies it: the folder's value, else the user's. */
  static Optional<Located> effective(Snapshot snapshot, List<String> path) {
    Optional<Located> folder = folderSettings(snapshot).flatMap(f -> f.entry(path).map(e -> new Located(f, e)));
    return folder.or(() -> userSettings(snapshot).flatMap(u -> u.entry(path).map(e -> new Located(u, e))));
  }

  /** A boolean setting's effective value, {@code fallback} when unset or not a boolean. */
  static boolean flag(Snapshot snapshot, String key, boolean fallback) {
    return effective(snapshot, List.of(key)).map(l -> l.entry().value())
        .filter(Boolean.class::isInstance).map(Boolean.class::cast).orElse(fallback);
  }

  /** The VS Code Go extension's expansion of a path setting: see {@link VsCodeVariables}. */
  static String expand(String value, Map<String, String> environment, String workspaceFolder, String home) {
    return VsCodeVariables.expand(value, environment, workspaceFolder, home);
  }


  /**
   * A fix that sets {@code path} to {@code value} in the file the setting came from: minimal edits in the
   * folder's settings, one change in the user's settings file.
   */
  static Optional<Fix> setWhereItIs(Snapshot snapshot, Located where, String title, boolean preferred,
      List<String> path, Object value) {
    boolean folderFile = folderSettings(snapshot).map(f -> f.path().equals(where.file().path())).orElse(false);
    if (folderFile) {
      return SettingsFixes.set(snapshot, title, preferred, path, value);
    }
    Map<List<String>, Object> change = new LinkedHashMap<>();
    change.put(path, value);
    return SettingsFixes.change(where.file(), title, preferred, change);
  }

  /** A fix that removes the setting from the file it came from (with its object, when it was the only key there). */
  static Optional<Fix> remove(Located where, String title, boolean preferred) {
    return SettingsFixes.remove(where.file(), title, preferred, removalPath(where));
  }

  /**
   * What to remove to drop this entry: the entry, or for the last key of an object setting
   * ({@code go.toolsEnvVars}, {@code terminal.integrated.env.linux}) the whole setting, so no empty
   * {@code {}} is left behind.
   */
  static List<String> removalPath(Located where) {
    List<String> path = where.entry().path();
    if (path.size() != 2) {
      return path;
    }
    boolean siblings = where.file().entries().stream().anyMatch(e -> e.path().size() == 2
        && e.path().get(0).equals(path.get(0)) && !e.path().get(1).equals(path.get(1)));
    return siblings ? path : List.of(path.get(0));
  }

  /** The editor layer's environment: what {@code ${env:...}} means in settings. Empty when unavailable. */
  static Map<String, String> editorEnvironment(Snapshot snapshot) {
    return snapshot.layer(LayerId.EDITOR).filter(l -> l.source() != LayerSource.UNAVAILABLE)
        .map(Layer::environment).orElse(Map.of());
  }

  /** The machine the snapshot was taken of, for reading a file a fix edits; empty when its root is unusable. */
  static Optional<Root> root(Snapshot snapshot) {
    try {
      String prefix = snapshot.machine().root();
      return prefix == null || prefix.isBlank() ? Optional.empty() : Optional.of(Root.of(Path.of(prefix)));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** {@code .vscode/settings.json:4} for a workspace file, {@code ~/.config/Code/User/settings.json:4} for the user's. */
  static String display(Snapshot snapshot, Location location) {
    String file = location.file();
    String folder = workspaceFolder(snapshot);
    String home = snapshot.machine().home();
    if (folder != null && file.startsWith(folder + "/")) {
      file = file.substring(folder.length() + 1);
    } else if (home != null && home.length() > 1 && file.startsWith(home + "/")) {
      file = "~" + file.substring(home.length());
    }
    return file + ":" + (location.range().startLine() + 1);
  }

  /** {@code /usr/local/go (go1.22.5)}: a Go root and the version in its VERSION file, when it has one. */
  static String describeRoot(Root root, String dir) {
    return dir + GoRoot.inspect(root, dir).version().map(v -> " (" + v + ")").orElse("");
  }

  /** The real directory behind {@code dir} (symlinks resolved), for comparing two spellings of one place. */
  static String real(Root root, String dir) {
    return root.resolve(dir).realPath();
  }

  /** The go a PATH runs, as the layers describe one: the real binary and its version; empty when none. */
  static Optional<FoundGo> findGo(Root root, List<String> path, Map<String, String> env, String cwd) {
    GoResolution r = new GoResolver(root).resolve(path, env, cwd == null ? "/" : cwd);
    if (!r.found()) {
      return Optional.empty();
    }
    String command = r.command().get();
    String real = r.executable().orElse(root.resolve(command).realPath());
    Optional<String> version = new GoBinaryProbe(root).inspect(real).buildInfo().map(BuildInfo::goVersion).or(r::version);
    return Optional.of(new FoundGo(command, real, version));
  }

  /** A go found on a PATH: the command execvp runs, the binary that really runs, and its version. */
  record FoundGo(String command, String realPath, Optional<String> version) {
    String label() {
      return realPath + version.map(v -> " (" + v + ")").orElse("");
    }

    boolean same(ResolvedGo other) {
      return realPath.equals(other.realPath());
    }
  }
}
