package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.layers.VsCodeGoLayers;
import dev.goenvdoctor.layers.VsCodeGoSettings;
import dev.goenvdoctor.layers.VsCodeGoSimulator;
import dev.goenvdoctor.layers.VsCodeSettingsMerger;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoEnvResult;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.probe.workspace.WorkspaceFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot with one settings.json replaced by a new reading of it (an editor buffer on each keystroke):
 * the file takes the place of the one at the same path (or joins its folder or the user settings), and the
 * vscode-go and gopls layers and the tools are computed again from it. Runs no process and walks no
 * directory: {@code go env} values come from the snapshot's own results.
 */
public final class SettingsRevision {
  private SettingsRevision() {}

  /** Returns {@code snapshot} with {@code edited} in place of the settings file at the same path. */
  public static Snapshot apply(Snapshot snapshot, SettingsFile edited) {
    WorkspaceFacts workspace = replace(snapshot.workspace(), edited);
    Optional<Layer> editor = snapshot.layer(LayerId.EDITOR);
    if (editor.isEmpty()) {
      return with(snapshot, workspace, snapshot.layers(), snapshot.tools());
    }
    Root root = Root.of(Path.of(snapshot.machine().root()));
    String home = snapshot.machine().home();
    String cwd = snapshot.machine().workspaceFolders().stream().findFirst().orElse(home);
    Optional<SettingsFile> user = workspace.userSettings().stream()
        .filter(s -> s.scope() == SettingsFile.Scope.USER).findFirst();
    VsCodeGoSettings settings = VsCodeSettingsMerger.merge(user,
        workspace.folders().stream().findFirst().flatMap(FolderFacts::folderSettings));
    ProbeGoLocator locator = new ProbeGoLocator(root);
    Map<String, GoEnvResult> known = snapshot.goEnv();
    VsCodeGoLayers vscode = new VsCodeGoSimulator(root, locator,
        (go, env) -> Optional.ofNullable(known.get(go.realPath())).map(GoEnvResult::values).orElse(Map.of()))
        .simulate(editor.get(), settings, cwd, home);
    List<Layer> layers = new ArrayList<>();
    for (Layer layer : snapshot.layers()) {
      layers.add(layer.id() == LayerId.VSCODE_GO ? vscode.vscodeGo() : layer.id() == LayerId.GOPLS ? vscode.gopls() : layer);
    }
    return with(snapshot, workspace, layers, ToolFinder.find(root, locator, editor.get(), vscode));
  }

  private static WorkspaceFacts replace(WorkspaceFacts workspace, SettingsFile edited) {
    if (edited.scope() == SettingsFile.Scope.USER) {
      return new WorkspaceFacts(workspace.folders(), replaceIn(workspace.userSettings(), edited), workspace.problems());
    }
    List<FolderFacts> folders = new ArrayList<>();
    for (FolderFacts f : workspace.folders()) {
      boolean owner = edited.workspaceFolder().map(f.folder()::equals).orElse(false);
      folders.add(!owner ? f : new FolderFacts(f.folder(), f.goMods(), f.goWorks(), f.pins(), replaceIn(f.settings(), edited),
          f.goModsAbove(), f.goWorksAbove(), f.pinsAbove(), f.walk(), f.problems()));
    }
    return new WorkspaceFacts(folders, workspace.userSettings(), workspace.problems());
  }

  private static List<SettingsFile> replaceIn(List<SettingsFile> files, SettingsFile edited) {
    List<SettingsFile> out = new ArrayList<>();
    boolean replaced = false;
    for (SettingsFile f : files) {
      if (f.path().equals(edited.path())) {
        out.add(edited);
        replaced = true;
      } else {
        out.add(f);
      }
    }
    if (!replaced) {
      out.add(edited);
    }
    return out;
  }

  private static Snapshot with(Snapshot s, WorkspaceFacts workspace, List<Layer> layers, List<ToolBinary> tools) {
    return new Snapshot(s.schemaVersion(), s.toolVersion(), s.takenAt(), s.machine(), layers, tools, s.installations(),
        workspace, s.startup(), s.shellRuns(), s.goEnvFile(), s.goEnv(), s.host(), s.problems(), s.timingsMillis());
  }
}
