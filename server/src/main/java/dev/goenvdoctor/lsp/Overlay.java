package dev.goenvdoctor.lsp;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.snapshot.SettingsRevision;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The snapshot as the editor sees it: the disk snapshot with each open settings.json buffer in place of the
 * file. A buffer is parsed again only when its text changed, and nothing runs or walks the disk. Used on the
 * analysis thread only.
 */
final class Overlay {
  private record Parsed(String text, SettingsFile file) {}

  private final Map<String, Parsed> parsed = new HashMap<>();
  private SettingsRevision revisions;

  Snapshot view(Snapshot base, Map<String, Documents.Open> open) {
    List<SettingsFile> edited = new ArrayList<>();
    for (Documents.Open doc : open.values()) {
      Optional<SettingsFile> onDisk = settingsAt(base, doc.path());
      Optional<SettingsFile> known = onDisk.isPresent() ? onDisk : newFolderSettings(base, doc.path());
      if (known.isEmpty() || (!doc.tooLarge() && onDisk.map(f -> f.text().equals(stripBom(doc.text()))).orElse(false))) {
        continue;
      }
      SettingsFile template = known.get();
      if (doc.tooLarge()) {
        edited.add(SettingsFile.notRead(doc.path(), template.scope(), template.editor(), template.workspaceFolder(),
            "the open buffer is larger than " + Documents.MAX_TEXT / (1024 * 1024) + " MiB, so it is not read and no fix is offered"));
        continue;
      }
      Parsed p = parsed.get(doc.path());
      if (p == null || !p.text().equals(doc.text())) {
        p = new Parsed(doc.text(), SettingsFile.parse(doc.path(), template.scope(), template.editor(),
            template.workspaceFolder(), doc.text()));
        parsed.put(doc.path(), p);
      }
      edited.add(p.file());
    }
    parsed.keySet().retainAll(open.keySet());
    if (edited.isEmpty()) {
      return base;
    }
    if (revisions == null || revisions.base() != base) {
      revisions = SettingsRevision.of(base);
    }
    return revisions.apply(edited);
  }

  /** Returns true when {@code path} is a settings file this snapshot reads (or the folder's own, not yet created). */
  static boolean isSettings(Snapshot base, String path) {
    return settingsAt(base, path).isPresent() || newFolderSettings(base, path).isPresent();
  }

  private static Optional<SettingsFile> settingsAt(Snapshot base, String path) {
    return Stream.concat(base.workspace().folders().stream().flatMap(f -> f.settings().stream()),
        base.workspace().userSettings().stream()).filter(s -> s.path().equals(path)).findFirst();
  }

  /** A folder's own settings.json that the snapshot did not find on disk: the buffer creates it. */
  private static Optional<SettingsFile> newFolderSettings(Snapshot base, String path) {
    for (FolderFacts f : base.workspace().folders()) {
      if (Root.join(f.folder(), ".vscode/settings.json").equals(path)) {
        return Optional.of(SettingsFile.parse(path, SettingsFile.Scope.WORKSPACE_FOLDER, "", Optional.of(f.folder()), ""));
      }
    }
    return Optional.empty();
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
