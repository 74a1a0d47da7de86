package dev.goenvdoctor.jsonc;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans the edits that delete every property named {@code key} from an object (VS Code reads the last of
 * duplicate keys, so deleting only one would bring an older value back). A property on its own line goes
 * with its whole line, its comma and a comment that trails it on that line; comments on other lines stay,
 * since they may belong to a neighbour or head a group. When the deleted property was the last one and
 * had no comma, the comma of the property before it goes too. An object left without properties or
 * comments becomes {@code {}}.
 */
final class JsoncEditRemoval {
  private final JsoncDocument doc;
  private final JsoncEditLayout layout;

  JsoncEditRemoval(JsoncDocument doc, JsoncEditLayout layout) {
    this.doc = doc;
    this.layout = layout;
  }

  /** Returns the edits that remove every property {@code key} of {@code object} (none when it has none). */
  List<JsoncEdit> remove(JsonObject object, String key) {
    List<JsonProperty> properties = object.properties();
    boolean[] removed = new boolean[properties.size()];
    int count = 0;
    for (int i = 0; i < properties.size(); i++) {
      if (properties.get(i).key().value().equals(key)) {
        removed[i] = true;
        count++;
      }
    }
    if (count == 0) {
      return List.of();
    }
    if (count == properties.size() && !hasCommentInside(object)) {
      return List.of(new JsoncEdit(object.start() + 1, object.end() - 1 - (object.start() + 1), ""));
    }
    List<JsoncEdit> edits = new ArrayList<>();
    int i = 0;
    while (i < properties.size()) {
      if (!removed[i]) {
        i++;
        continue;
      }
      int first = i;
      while (i + 1 < properties.size() && removed[i + 1]) {
        i++;
      }
      removeRun(properties, first, i, edits);
      i++;
    }
    return edits;
  }

  /** Removes properties {@code first..last} (consecutive) of {@code properties}. */
  private void removeRun(List<JsonProperty> properties, int first, int last, List<JsoncEdit> edits) {
    JsonProperty a = properties.get(first);
    JsonProperty b = properties.get(last);
    boolean endsObject = last == properties.size() - 1;
    JsonProperty before = first > 0 ? properties.get(first - 1) : null;
    boolean takePreviousComma = endsObject && !b.hasComma() && before != null && before.hasComma();
    int after = b.hasComma() ? b.commaOffset() + 1 : b.end();
    int tail = layout.trailingTriviaEnd(after, true);
    int next = layout.skipSpaces(tail);
    int lineBreak = layout.lineBreakLength(next);
    if (takePreviousComma) {
      edits.add(new JsoncEdit(before.commaOffset(), 1, ""));
    }
    if (layout.startsLine(a.start()) && (lineBreak > 0 || next == layout.text().length())) {
      int start = layout.lineStart(a.start());
      edits.add(new JsoncEdit(start, next + lineBreak - start, ""));
      return;
    }
    // shares its line with something else: take the property, its comma and the spaces after the comma;
    // without a comma, the spaces before it (unless it starts its line) so "a, b" becomes "a"
    int start = !b.hasComma() && !layout.startsLine(a.start()) ? layout.skipSpacesBack(a.start()) : a.start();
    int end = b.hasComma() ? layout.skipSpaces(after) : b.end();
    edits.add(new JsoncEdit(start, end - start, ""));
  }

  private boolean hasCommentInside(JsonObject object) {
    for (JsoncComment c : doc.comments()) {
      if (c.start() > object.start() && c.end() < object.end()) {
        return true;
      }
    }
    return false;
  }
}
