package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.GoDirective;
import dev.goenvdoctor.probe.workspace.GoModFile;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a finding without a file of its own is shown: on the workspace's go.work or go.mod, on the
 * {@code go} line when versions are involved, else on the {@code module} line. The nearest file to the
 * workspace folder wins (its own go.work, its own go.mod, then one above it).
 */
public final class Anchors {
  private Anchors() {}

  public static Location primary(Snapshot snapshot, boolean versionsInvolved) {
    for (FolderFacts folder : snapshot.workspace().folders()) {
      Optional<Location> anchor = anchorIn(folder, versionsInvolved);
      if (anchor.isPresent()) {
        return anchor.get();
      }
    }
    String where = snapshot.machine().workspaceFolders().stream().findFirst().orElse(snapshot.machine().home());
    return new Location(where, new TextRange(0, 0, 0, 0));
  }

  /** The go.mod or go.work that governs the folder, nearest first. */
  public static Optional<GoModFile> governingModule(FolderFacts folder) {
    return Stream.of(folder.goWorks(), rootModules(folder), folder.goWorksAbove(), folder.goModsAbove())
        .flatMap(List::stream).findFirst();
  }

  private static List<GoModFile> rootModules(FolderFacts folder) {
    // The folder's own go.mod first, then any module below it (a multi-module repository).
    return folder.goMods().stream()
        .sorted((a, b) -> Boolean.compare(!a.directory().equals(folder.folder()), !b.directory().equals(folder.folder())))
        .toList();
  }

  private static Optional<Location> anchorIn(FolderFacts folder, boolean versionsInvolved) {
    return governingModule(folder).flatMap(mod -> {
      Optional<GoDirective> line = versionsInvolved ? mod.go().or(mod::module) : mod.module().or(mod::go);
      return line.map(GoDirective::lineLocation).or(() -> Optional.of(new Location(mod.path(), new TextRange(0, 0, 0, 0))));
    });
  }
}
