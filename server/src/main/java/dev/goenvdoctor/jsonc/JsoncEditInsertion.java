package dev.goenvdoctor.jsonc;

import java.util.List;

/**
 * Plans the edits that write a new property (or a new root object) into a JSONC text, in the layout the
 * text already uses: after the last property, on its own line with the siblings' indentation when the
 * object is spread over lines, else on the same line; a comma goes right after the previous value (before
 * any comment that trails it), and comments stay where they are.
 */
final class JsoncEditInsertion {
  private final JsoncDocument doc;
  private final JsoncEditLayout layout;
  private final JsoncFormatStyle style;

  JsoncEditInsertion(JsoncDocument doc, JsoncEditLayout layout, JsoncFormatStyle style) {
    this.doc = doc;
    this.layout = layout;
    this.style = style;
  }

  /**
   * Edits that give an empty or comment-only text a root object holding {@code object}: after the last
   * comment (on a new line), else at the start (after a byte order mark).
   */
  List<JsoncEdit> newRoot(Object object) {
    String content = JsoncFormatWriter.multiLine(object, "", style);
    List<JsoncComment> comments = doc.comments();
    if (comments.isEmpty()) {
      String text = layout.text();
      int at = text.startsWith("\ufeff") ? 1 : 0;
      return List.of(new JsoncEdit(at, 0, content));
    }
    int at = comments.get(comments.size() - 1).end();
    return List.of(new JsoncEdit(at, 0, style.eol() + content));
  }

  /**
   * Edits that add {@code "key": value} to {@code object}, which has no property {@code key};
   * {@code parent} is the object holding it (null for the root).
   */
  List<JsoncEdit> intoObject(JsonObject object, JsonObject parent, String key, Object value) {
    List<JsonProperty> properties = object.properties();
    if (properties.isEmpty()) {
      return intoEmpty(object, parent, key, value);
    }
    JsonProperty last = properties.get(properties.size() - 1);
    int lastEnd = last.end();
    if (!spreadOverLines(object)) {
      String property = JsoncFormatWriter.quote(key) + ": " + JsoncFormatWriter.inline(value);
      return last.hasComma()
          ? List.of(new JsoncEdit(last.commaOffset() + 1, 0, " " + property))
          : List.of(new JsoncEdit(lastEnd, 0, ", " + property));
    }
    String indent = childIndent(object);
    String line = style.eol() + indent + JsoncFormatWriter.quote(key) + ": "
        + JsoncFormatWriter.multiLine(value, indent, style);
    int after = last.hasComma() ? last.commaOffset() + 1 : lastEnd;
    int at = layout.trailingTriviaEnd(after, false);
    if (last.hasComma()) {
      return List.of(new JsoncEdit(at, 0, line));
    }
    if (at == lastEnd) {
      return List.of(new JsoncEdit(lastEnd, 0, "," + line));
    }
    return List.of(new JsoncEdit(lastEnd, 0, ","), new JsoncEdit(at, 0, line));
  }

  /**
   * True when new properties of {@code object} go on their own lines: some property already starts its
   * own line, or the closing brace is on a later line than the last value.
   */
  boolean spreadOverLines(JsonObject object) {
    List<JsonProperty> properties = object.properties();
    for (JsonProperty p : properties) {
      if (layout.startsLine(p.start())) {
        return true;
      }
    }
    int from = properties.isEmpty() ? object.start() : properties.get(properties.size() - 1).end();
    return !layout.sameLine(from, object.end() - 1);
  }

  /**
   * The indentation of a new property of {@code object}: that of the last property starting its own line,
   * else one step deeper than the closing brace's line (when the brace starts it) or the opening brace's.
   */
  String childIndent(JsonObject object) {
    List<JsonProperty> properties = object.properties();
    for (int i = properties.size() - 1; i >= 0; i--) {
      if (layout.startsLine(properties.get(i).start())) {
        return layout.indentAt(properties.get(i).start());
      }
    }
    int close = object.end() - 1;
    String base = layout.startsLine(close) ? layout.indentAt(close) : layout.indentAt(object.start());
    return base + style.indentUnit();
  }

  private List<JsoncEdit> intoEmpty(JsonObject object, JsonObject parent, String key, Object value) {
    int innerStart = object.start() + 1;
    int innerEnd = object.end() - 1;
    JsoncComment lastComment = null;
    for (JsoncComment c : doc.comments()) {
      if (c.start() >= innerStart && c.end() <= innerEnd) {
        lastComment = c;
      }
    }
    // a nested empty object inside an object written on one line gets its property on that line too
    if (parent != null && layout.sameLine(parent.start(), parent.end())) {
      String property = JsoncFormatWriter.quote(key) + ": " + JsoncFormatWriter.inline(value);
      return lastComment == null
          ? List.of(new JsoncEdit(innerStart, innerEnd - innerStart, property))
          : List.of(new JsoncEdit(lastComment.end(), 0, " " + property));
    }
    String ownIndent = layout.indentAt(object.start());
    String indent = lastComment != null && layout.startsLine(lastComment.start())
        ? layout.indentAt(lastComment.start())
        : ownIndent + style.indentUnit();
    String line = style.eol() + indent + JsoncFormatWriter.quote(key) + ": "
        + JsoncFormatWriter.multiLine(value, indent, style);
    int from = lastComment == null ? innerStart : lastComment.end();
    if (lastComment != null && !layout.sameLine(from, innerEnd)) {
      return List.of(new JsoncEdit(from, 0, line)); // the closing brace keeps its own line
    }
    // only whitespace (no line break after a comment) before the brace: give the brace its own line
    return List.of(new JsoncEdit(from, innerEnd - from, line + style.eol() + ownIndent));
  }
}
