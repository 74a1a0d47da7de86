package dev.goenvdoctor.jsonc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes one setting in a JSONC text (a VS Code settings.json) with the smallest edits that do it, the
 * way VS Code's own settings writer does, and keeps every other character: comments, blank lines,
 * indentation, trailing commas, the byte order mark, the line endings.
 *
 * <p>A path is a list of keys, each ONE key: {@code List.of("go.toolsEnvVars", "GOTOOLCHAIN")} is the
 * {@code GOTOOLCHAIN} entry of the {@code go.toolsEnvVars} object ({@code "go.goroot"} is never split at
 * its dot). A value is plain Java data: {@code null}, String, Number, Boolean, List, or Map with String
 * keys (written in the map's iteration order, so pass a LinkedHashMap when order matters).
 *
 * <p>Refusals: when the text cannot be edited safely, {@link #set} and {@link #remove} return a refused
 * {@link JsoncEditResult} with a message and no edits, never throw: a syntax error near the path (in an
 * object on the path, or outside the root), a root that is not an object, a key on the path that holds a
 * non-object ({@code set} only), a text larger than {@link #MAX_TEXT_LENGTH}. Every planned edit is also
 * checked before it is returned (the result must parse with no new error and hold exactly the old values
 * plus the change); a plan that fails this check is refused, so a file is never corrupted. Mistakes of
 * the caller (an empty path, a null key, a value that is not JSON data) throw IllegalArgumentException.
 */
public final class JsoncEditor {
  /** Texts longer than this (in UTF-16 units) are refused: no settings file is that large. */
  public static final int MAX_TEXT_LENGTH = 16 * 1024 * 1024;

  /** Paths longer than this are a caller mistake. */
  static final int MAX_PATH = 32;

  private JsoncEditor() {}

  /**
   * Returns the edits that make {@code path} hold {@code value} in {@code text}: the existing value's span
   * is replaced (the last one when the key is duplicated); a missing property is added after the last
   * one, in the file's own indentation and line ending; missing parent objects are created; an empty or
   * comment-only text gets a root object. Returns no edits when the value is already written exactly so.
   */
  public static JsoncEditResult set(String text, List<String> path, Object value) {
    Objects.requireNonNull(text, "text");
    checkPath(path);
    JsoncFormatWriter.inline(value); // a value that is not JSON data is the caller's mistake: throw now
    if (text.length() > MAX_TEXT_LENGTH) {
      return tooLarge(text);
    }
    JsoncDocument doc = Jsonc.parse(text);
    try {
      List<JsoncEdit> edits = normalize(planSet(doc, path, value));
      verify(doc, edits, path, false, value);
      return JsoncEditResult.of(edits);
    } catch (JsoncEditRefusal refusal) {
      return JsoncEditResult.refused(refusal.getMessage());
    }
  }

  /**
   * Returns the edits that delete the setting at {@code path} from {@code text}: every property with the
   * last key in the object the other keys lead to, with its comma (and the previous property's comma
   * when it was the last) and a comment trailing it on its line. Returns no edits when there is nothing
   * at {@code path} (including an empty text, or a key on the way that holds a non-object).
   */
  public static JsoncEditResult remove(String text, List<String> path) {
    Objects.requireNonNull(text, "text");
    checkPath(path);
    if (text.length() > MAX_TEXT_LENGTH) {
      return tooLarge(text);
    }
    JsoncDocument doc = Jsonc.parse(text);
    try {
      List<JsoncEdit> edits = normalize(planRemove(doc, path));
      verify(doc, edits, path, true, null);
      return JsoncEditResult.of(edits);
    } catch (JsoncEditRefusal refusal) {
      return JsoncEditResult.refused(refusal.getMessage());
    }
  }

  /**
   * Returns {@code text} with {@code edits} applied. The edits must be sorted by offset, must not overlap
   * and must lie inside the text (as every result of this class does); otherwise IllegalArgumentException.
   */
  public static String apply(String text, List<JsoncEdit> edits) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    int copied = 0;
    for (JsoncEdit edit : edits) {
      if (edit.offset() < copied || edit.end() > text.length()) {
        throw new IllegalArgumentException("edits must be sorted, not overlap and lie inside the text: " + edit);
      }
      out.append(text, copied, edit.offset()).append(edit.content());
      copied = edit.end();
    }
    return out.append(text, copied, text.length()).toString();
  }

  /**
   * Returns the whole text of a new settings file holding {@code settings} (keys in the map's order),
   * as VS Code writes a settings file it creates: 4-space indentation, LF line endings, no final line
   * break ({@code {}} for no settings). Throws IllegalArgumentException for a value that is not JSON data.
   */
  public static String newSettingsText(Map<String, ?> settings) {
    Objects.requireNonNull(settings, "settings");
    return JsoncFormatWriter.multiLine(new LinkedHashMap<>(settings), "", JsoncFormatStyle.DEFAULT);
  }

  /** Returns the path for messages, keys quoted and never joined with dots: "go.toolsEnvVars" > "GOTOOLCHAIN". */
  static String describePath(List<String> path) {
    StringBuilder b = new StringBuilder();
    for (String key : path) {
      b.append(b.length() == 0 ? "" : " > ").append(JsoncFormatWriter.quote(key));
    }
    return b.toString();
  }

  private static List<JsoncEdit> planSet(JsoncDocument doc, List<String> path, Object value) {
    JsoncFormatStyle style = JsoncFormatStyle.detect(doc);
    JsoncEditLayout layout = new JsoncEditLayout(doc.text());
    JsoncEditInsertion insertion = new JsoncEditInsertion(doc, layout, style);
    if (doc.root().isEmpty()) {
      if (JsoncEditTarget.errorCount(doc) > 0) {
        throw refusal(path, "the text has a syntax error: " + firstError(doc).message());
      }
      return insertion.newRoot(nest(path, value));
    }
    JsonObject root = rootObject(doc);
    JsoncEditTarget target = JsoncEditTarget.resolve(root, path);
    if (target.blocked().isPresent()) {
      throw refusal(path, target.blocked().get());
    }
    target.firstBlockingError(doc).ifPresent(error -> {
      throw refusal(path, "the text has a syntax error where the edit would go: " + error.message());
    });
    JsonObject object = target.deepest();
    List<String> keys = target.remainingKeys();
    if (keys.size() > 1) {
      return insertion.intoObject(object, target.parentOfDeepest(), keys.get(0), nest(keys.subList(1, keys.size()), value));
    }
    Optional<JsonProperty> existing = object.property(keys.get(0));
    if (existing.isEmpty()) {
      return insertion.intoObject(object, target.parentOfDeepest(), keys.get(0), value);
    }
    JsonNode old = existing.get().value()
        .orElseThrow(() -> refusal(path, "the setting has no value to replace"));
    String content = insertion.spreadOverLines(object)
        ? JsoncFormatWriter.multiLine(value, layout.indentAt(existing.get().start()), style)
        : JsoncFormatWriter.inline(value);
    if (content.equals(doc.source(old))) {
      return List.of();
    }
    return List.of(new JsoncEdit(old.start(), old.end() - old.start(), content));
  }

  private static List<JsoncEdit> planRemove(JsoncDocument doc, List<String> path) {
    if (doc.root().isEmpty()) {
      return List.of(); // nothing to remove from an empty or comment-only text
    }
    JsonObject root = rootObject(doc);
    JsoncEditTarget target = JsoncEditTarget.resolve(root, path);
    target.firstBlockingError(doc).ifPresent(error -> {
      throw refusal(path, "the text has a syntax error where the edit would go: " + error.message());
    });
    if (target.blocked().isPresent() || target.remainingKeys().size() > 1) {
      return List.of(); // a key on the way is missing or holds no object: the setting is not there
    }
    return new JsoncEditRemoval(doc, new JsoncEditLayout(doc.text())).remove(target.deepest(), target.remainingKeys().get(0));
  }

  private static JsonObject rootObject(JsoncDocument doc) {
    JsonNode root = doc.root().orElseThrow();
    if (root instanceof JsonObject object) {
      return object;
    }
    throw new JsoncEditRefusal("cannot edit: settings must be a JSON object, but the text holds "
        + (root instanceof JsonArray ? "an " : "a ") + root.typeName() + " at " + doc.lines().describe(root.start()));
  }

  private static JsoncError firstError(JsoncDocument doc) {
    return doc.errors().stream().filter(e -> !JsoncEditTarget.isWarning(e)).findFirst().orElseThrow();
  }

  private static JsoncEditRefusal refusal(List<String> path, String why) {
    return new JsoncEditRefusal("cannot edit " + describePath(path) + ": " + why);
  }

  /** Wraps {@code value} in one object per key: (["a", "b"], 1) gives {"a": {"b": 1}}. */
  private static Object nest(List<String> keys, Object value) {
    Object nested = value;
    for (int i = keys.size() - 1; i >= 0; i--) {
      Map<String, Object> wrapper = new LinkedHashMap<>();
      wrapper.put(keys.get(i), nested);
      nested = wrapper;
    }
    return nested;
  }

  /** Sorts the edits, joins touching ones, and refuses overlapping ones (a planning bug). */
  private static List<JsoncEdit> normalize(List<JsoncEdit> planned) {
    List<JsoncEdit> sorted = new ArrayList<>(planned);
    sorted.sort(Comparator.comparingInt(JsoncEdit::offset));
    List<JsoncEdit> out = new ArrayList<>();
    for (JsoncEdit edit : sorted) {
      if (!out.isEmpty()) {
        JsoncEdit previous = out.get(out.size() - 1);
        if (edit.offset() < previous.end()) {
          throw new JsoncEditRefusal("cannot edit: internal error (overlapping edits " + previous + " and " + edit + ")");
        }
        if (edit.offset() == previous.end()) {
          out.set(out.size() - 1, new JsoncEdit(previous.offset(), previous.length() + edit.length(),
              previous.content() + edit.content()));
          continue;
        }
      }
      out.add(edit);
    }
    return out;
  }

  /**
   * Re-reads the edited text and refuses the plan unless it parses with no new error and holds the old
   * values with exactly the requested change. Cheap for a settings file, and the last guard against a
   * corrupted file.
   */
  private static void verify(JsoncDocument before, List<JsoncEdit> edits, List<String> path, boolean removed, Object value) {
    if (edits.isEmpty()) {
      return;
    }
    JsoncDocument after = Jsonc.parse(apply(before.text(), edits));
    Object expected = JsoncEditExpectation.after(before, path, removed, value);
    boolean ok = JsoncEditTarget.errorCount(after) <= JsoncEditTarget.errorCount(before)
        && after.root().isPresent()
        && expected.equals(after.root().get().toJava());
    if (!ok) {
      throw refusal(path, "internal error: the planned edit would not leave the expected settings (nothing was changed)");
    }
  }

  private static void checkPath(List<String> path) {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty() || path.size() > MAX_PATH) {
      throw new IllegalArgumentException("a path needs 1 to " + MAX_PATH + " keys, got " + path.size());
    }
    for (String key : path) {
      if (key == null) {
        throw new IllegalArgumentException("null key in path " + path);
      }
    }
  }

  private static JsoncEditResult tooLarge(String text) {
    return JsoncEditResult.refused("cannot edit: the text is too large (" + text.length() + " characters; at most "
        + MAX_TEXT_LENGTH + ")");
  }
}
