package dev.goenvdoctor.probe.workspace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The workspace as read from disk: per folder its Go modules, go.work files, version pins and settings
 * (in it and above it) and walk statistics; the user settings of every VS Code flavour that has them;
 * and problems that belong to no single file (a folder that does not exist, HOME unset).
 */
public record WorkspaceFacts(List<FolderFacts> folders, List<SettingsFile> userSettings, List<WorkspaceProblem> problems) {
  public WorkspaceFacts {
    folders = List.copyOf(folders);
    userSettings = List.copyOf(userSettings);
    problems = List.copyOf(problems);
  }

  /** Returns every problem once: general ones, then each file's (a file shared by two folders counts once). */
  public List<WorkspaceProblem> allProblems() {
    Set<WorkspaceProblem> all = new LinkedHashSet<>(problems);
    for (FolderFacts folder : folders) {
      all.addAll(folder.problems());
      for (List<GoModFile> mods : List.of(folder.goMods(), folder.goWorks(), folder.goModsAbove(), folder.goWorksAbove())) {
        mods.forEach(m -> all.addAll(m.problems()));
      }
      for (List<PinFile> pins : List.of(folder.pins(), folder.pinsAbove())) {
        pins.forEach(p -> all.addAll(p.problems()));
      }
      folder.settings().forEach(s -> all.addAll(s.problems()));
    }
    userSettings.forEach(s -> all.addAll(s.problems()));
    return new ArrayList<>(all);
  }
}
