package dev.goenvdoctor.probe.workspace;

import java.util.List;
import java.util.Optional;

/**
 * Everything read for one workspace folder. Files "in" the folder were found by walking it (the folder
 * itself included); files "above" it were found in its parent directories up to {@code /}, nearest first,
 * because the go command (go.work, go.mod), goenv, asdf and mise all search upward from the current
 * directory.
 */
public record FolderFacts(
    String folder,
    List<GoModFile> goMods,
    List<GoModFile> goWorks,
    List<PinFile> pins,
    List<SettingsFile> settings,
    List<GoModFile> goModsAbove,
    List<GoModFile> goWorksAbove,
    List<PinFile> pinsAbove,
    WalkStats walk,
    List<WorkspaceProblem> problems) {

  public FolderFacts {
    goMods = List.copyOf(goMods);
    goWorks = List.copyOf(goWorks);
    pins = List.copyOf(pins);
    settings = List.copyOf(settings);
    goModsAbove = List.copyOf(goModsAbove);
    goWorksAbove = List.copyOf(goWorksAbove);
    pinsAbove = List.copyOf(pinsAbove);
    problems = List.copyOf(problems);
  }

  /** Returns the folder's own {@code .vscode/settings.json}, the one VS Code applies to it. */
  public Optional<SettingsFile> folderSettings() {
    return settings.stream().filter(s -> s.scope() == SettingsFile.Scope.WORKSPACE_FOLDER).findFirst();
  }
}
