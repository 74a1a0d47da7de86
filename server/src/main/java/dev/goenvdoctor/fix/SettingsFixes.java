package dev.goenvdoctor.fix;

import dev.goenvdoctor.jsonc.JsoncEdit;
import dev.goenvdoctor.jsonc.JsoncEditResult;
import dev.goenvdoctor.jsonc.JsoncEditor;
import dev.goenvdoctor.model.FileCreation;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.text.LineIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fixes that write VS Code settings through the JSONC editor, so the user's comments and layout stay:
 * into the workspace folder's {@code .vscode/settings.json}, created when absent. Empty when the file
 * cannot be edited safely (the editor refuses rather than guess).
 */
public final class SettingsFixes {
  private SettingsFixes() {}

  /** Sets {@code path} (e.g. ["go.toolsEnvVars", "GOTOOLCHAIN"]) to {@code value} in the first workspace folder's settings. */
  public static Optional<Fix> set(Snapshot snapshot, String title, boolean preferred, List<String> path, Object value) {
    Optional<FolderFacts> folder = snapshot.workspace().folders().stream().findFirst();
    if (folder.isEmpty()) {
      return Optional.empty();
    }
    Optional<SettingsFile> existing = folder.get().folderSettings();
    if (existing.isEmpty()) {
      String file = folder.get().folder() + "/.vscode/settings.json";
      return Optional.of(new Fix(title, preferred, List.of(), List.of(new FileCreation(file, JsoncEditor.newSettingsText(nested(path, value)) + "\n"))));
    }
    return edit(existing.get(), title, preferred, JsoncEditor.set(existing.get().text(), path, value));
  }

  /** Removes {@code path} from {@code file}. */
  public static Optional<Fix> remove(SettingsFile file, String title, boolean preferred, List<String> path) {
    return edit(file, title, preferred, JsoncEditor.remove(file.text(), path));
  }

  /** Applies several changes to one file as one fix: each value null removes, else sets. */
  public static Optional<Fix> change(SettingsFile file, String title, boolean preferred, Map<List<String>, Object> changes) {
    if (notRead(file)) {
      return Optional.empty();
    }
    String text = file.text();
    for (Map.Entry<List<String>, Object> c : changes.entrySet()) {
      JsoncEditResult r = c.getValue() == null ? JsoncEditor.remove(text, c.getKey()) : JsoncEditor.set(text, c.getKey(), c.getValue());
      if (r.isRefused()) {
        return Optional.empty();
      }
      text = r.applyTo(text);
    }
    // One whole-document replacement keeps the edits consistent; it is still byte-identical outside the changes.
    return text.equals(file.text()) ? Optional.empty() : Optional.of(new Fix(title, preferred,
        List.of(new TextEdit(file.path(), LineIndex.of(file.text()).range(0, file.text().length()), text)), List.of()));
  }

  private static Optional<Fix> edit(SettingsFile file, String title, boolean preferred, JsoncEditResult result) {
    if (notRead(file) || result.isRefused() || !result.changesText()) {
      return Optional.empty();
    }
    // The parse offsets are in the text without a BOM, as VS Code shows the document.
    LineIndex lines = LineIndex.of(file.text());
    List<TextEdit> edits = new ArrayList<>();
    for (JsoncEdit e : result.edits()) {
      edits.add(new TextEdit(file.path(), lines.range(e.offset(), e.end()), e.content()));
    }
    return Optional.of(new Fix(title, preferred, edits, List.of()));
  }

  /**
   * A file too large or unreadable has an empty text and a problem saying so: an edit planned on that empty text
   * would be written at the start of the real file.
   */
  private static boolean notRead(SettingsFile file) {
    return file.text().isEmpty() && !file.problems().isEmpty();
  }

  private static Map<String, Object> nested(List<String> path, Object value) {
    Object v = value;
    for (int i = path.size() - 1; i >= 1; i--) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(path.get(i), v);
      v = m;
    }
    Map<String, Object> top = new LinkedHashMap<>();
    top.put(path.get(0), v);
    return top;
  }
}
