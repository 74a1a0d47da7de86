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
 * Revisions of one snapshot in which settings.json files are replaced by new readings of them (editor buffers,
 * on each keystroke): each file takes the place of the one at the same path (or joins its folder or the user
 * settings), and the vscode-go and gopls layers are computed again. Runs no process and walks no directory:
 * {@code go env} values come from the snapshot's own results, and binaries are inspected once per revision
 * series (keep one instance per base snapshot).
 */
public final class SettingsRevision {
  private static final String EXTENSION_LOOKUP = "the Go extension's lookup: ";

  private final Snapshot base;
  private final Root root;
  private final ProbeGoLocator locator;

  private SettingsRevision(Snapshot base) {
    this.base = base;
    this.root = Root.of(Path.of(base.machine().root()));
    this.locator = new ProbeGoLocator(root);
  }

  /** Returns the revisions of {@code base}. */
  public static SettingsRevision of(Snapshot base) {
    return new SettingsRevision(base);
  }

  /** Returns the snapshot this series revises. */
  public Snapshot base() {
    return base;
  }

  /** Returns the base snapshot with {@code edited} files in place of the settings files at the same paths. */
  public Snapshot apply(List<SettingsFile> edited) {
    WorkspaceFacts workspace = base.workspace();
    for (SettingsFile file : edited) {
      workspace = replace(workspace, file);
    }
    Optional<Layer> editor = base.layer(LayerId.EDITOR);
    if (editor.isEmpty() || edited.isEmpty()) {
      return with(workspace, base.layers(), base.tools());
    }
    String home = base.machine().home();
    String cwd = base.machine().workspaceFolders().stream().findFirst().orElse(home);
    Optional<SettingsFile> user = workspace.userSettings().stream()
        .filter(s -> s.scope() == SettingsFile.Scope.USER).findFirst();
    VsCodeGoSettings settings = VsCodeSettingsMerger.merge(user,
        workspace.folders().stream().findFirst().flatMap(FolderFacts::folderSettings));
    Map<String, GoEnvResult> known = base.goEnv();
    VsCodeGoLayers vscode = new VsCodeGoSimulator(root, locator,
        (go, env) -> Optional.ofNullable(known.get(go.realPath())).map(GoEnvResult::values).orElse(Map.of()))
        .simulate(editor.get(), settings, cwd, home);
    List<Layer> layers = new ArrayList<>();
    for (Layer layer : base.layers()) {
      layers.add(layer.id() == LayerId.VSCODE_GO ? vscode.vscodeGo() : layer.id() == LayerId.GOPLS ? vscode.gopls() : layer);
    }
    return with(workspace, layers, sameGopls(vscode) ? base.tools() : ToolFinder.find(root, locator, editor.get(), vscode));
  }

  /** The tools depend on the settings only through the gopls the extension picks. */
  private boolean sameGopls(VsCodeGoLayers vscode) {
    Optional<ToolBinary> before = base.tools().stream().filter(t -> t.foundThrough().startsWith(EXTENSION_LOOKUP)).findFirst();
    Optional<String> now = vscode.goplsBinary();
    if (before.isEmpty() || now.isEmpty()) {
      return before.isEmpty() && now.isEmpty();
    }
    return before.get().path().equals(now.get()) && before.get().foundThrough().equals(EXTENSION_LOOKUP + vscode.goplsWhy());
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

  private Snapshot with(WorkspaceFacts workspace, List<Layer> layers, List<ToolBinary> tools) {
    Snapshot s = base;
    return new Snapshot(s.schemaVersion(), s.toolVersion(), s.takenAt(), s.machine(), layers, tools, s.installations(),
        workspace, s.startup(), s.shellRuns(), s.goEnvFile(), s.goEnv(), s.host(), s.problems(), s.timingsMillis());
  }
}
