package dev.goenvdoctor.rules;

import dev.goenvdoctor.layers.VsCodeVariables;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoSetting;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.SettingEntry;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the "Tools" rules read besides the snapshot's tool list: the effective {@code go.alternateTools}
 * entries with the file that holds each, the value expanded as the VS Code Go extension expands it, and
 * the directories where {@code go install} puts tools for a layer.
 */
final class ToolFacts {

  private ToolFacts() {}

  /** One {@code go.alternateTools.<tool>} entry that is in effect, with its file and its expanded value. */
  record AlternateTool(String tool, SettingsFile file, SettingEntry entry, String value, String expanded) {
    Provenance provenance() {
      return new Provenance(entry.keyLocation(), "\"" + tool + "\": " + entry.sourceText());
    }
  }

  /**
   * The {@code go.alternateTools} entries VS Code applies to the first workspace folder: the user's, with
   * the folder's {@code .vscode/settings.json} winning key by key, as VS Code merges object settings.
   */
  static List<AlternateTool> alternateTools(Snapshot snapshot) {
    Map<String, AlternateTool> byTool = new LinkedHashMap<>();
    Optional<FolderFacts> folder = snapshot.workspace().folders().stream().findFirst();
    Optional<SettingsFile> user = snapshot.workspace().userSettings().stream()
        .filter(s -> s.scope() == SettingsFile.Scope.USER).findFirst();
    String workspace = folder.map(FolderFacts::folder).orElse(null);
    Map<String, String> env = snapshot.layer(LayerId.EDITOR).map(Layer::environment).orElse(Map.of());
    List<SettingsFile> files = new ArrayList<>();
    user.ifPresent(files::add);
    folder.flatMap(FolderFacts::folderSettings).ifPresent(files::add);
    for (SettingsFile file : files) {
      for (SettingEntry e : file.entries()) {
        if (e.path().size() == 2 && e.path().get(0).equals("go.alternateTools")) {
          Optional<String> value = e.stringValue();
          if (value.isPresent() && !value.get().isBlank()) {
            byTool.put(e.path().get(1), new AlternateTool(e.path().get(1), file, e, value.get(),
                expand(value.get(), env, workspace, snapshot.machine().home())));
          } else {
            byTool.remove(e.path().get(1));
          }
        }
      }
    }
    return List.copyOf(byTool.values());
  }

  /** The provenance of {@code go.alternateTools.<tool>}, when it is set. */
  static Optional<Provenance> alternateToolSetting(Snapshot snapshot, String tool) {
    return alternateTools(snapshot).stream().filter(a -> a.tool().equals(tool)).findFirst().map(AlternateTool::provenance);
  }

  /** The VS Code Go extension's expansion of a path setting: see {@link VsCodeVariables}. */
  static String expand(String value, Map<String, String> env, String workspaceFolder, String home) {
    return VsCodeVariables.expand(value, env, workspaceFolder, home);
  }


  /**
   * Where {@code go install} of {@code layer} puts tools and where the Go extension looks first: GOBIN
   * (environment, then the user env file), else the {@code bin} of each GOPATH entry ({@code $HOME/go}
   * by default). Absolute directories only, normalised, in order.
   */
  static List<String> installDirs(Snapshot snapshot, Layer layer) {
    Set<String> dirs = new LinkedHashSet<>();
    GoSetting gobin = VersionFacts.setting(snapshot, layer, "GOBIN");
    if (gobin.value().startsWith("/")) {
      dirs.add(Root.normalize(gobin.value()));
    }
    GoSetting gopath = VersionFacts.setting(snapshot, layer, "GOPATH");
    String home = layer.environment().getOrDefault("HOME", snapshot.machine().home());
    String value = gopath.value().isBlank() ? (home == null || home.isBlank() ? "" : home + "/go") : gopath.value();
    for (String entry : value.split(":")) {
      if (entry.startsWith("/")) {
        dirs.add(Root.normalize(entry + "/bin"));
      }
    }
    return List.copyOf(dirs);
  }

  /** The PATH entry of {@code layer} that is {@code dir} (absolute entries only), if any. */
  static Optional<PathEntry> onPath(Layer layer, String dir) {
    return layer.path().stream().filter(e -> e.dir().startsWith("/") && Root.normalize(e.dir()).equals(dir)).findFirst();
  }

  /** The layer when it was learned at all. */
  static Optional<Layer> learned(Snapshot snapshot, LayerId id) {
    return snapshot.layer(id).filter(l -> l.source() != LayerSource.UNAVAILABLE);
  }

  /** True when the settings turn the language server off ({@code go.useLanguageServer: false}, folder over user). */
  static boolean languageServerOff(Snapshot snapshot) {
    Optional<FolderFacts> folder = snapshot.workspace().folders().stream().findFirst();
    Optional<Object> folderValue = folder.flatMap(FolderFacts::folderSettings).flatMap(f -> f.entry("go.useLanguageServer"))
        .map(SettingEntry::value);
    Optional<Object> userValue = snapshot.workspace().userSettings().stream().filter(s -> s.scope() == SettingsFile.Scope.USER)
        .findFirst().flatMap(u -> u.entry("go.useLanguageServer")).map(SettingEntry::value);
    return Boolean.FALSE.equals(folderValue.or(() -> userValue).orElse(null));
  }
}
