package dev.goenvdoctor.jsonc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a JSONC text is laid out: one indentation step ({@code "\t"} or N spaces) and its line ending. New
 * lines written into a file use the file's own style, so an edit looks like the rest of the file.
 */
record JsoncFormatStyle(String indentUnit, String eol) {
  /**
   * What VS Code writes into a settings file it creates: the editor defaults {@code editor.insertSpaces}
   * true and {@code editor.tabSize} 4, and LF ({@code files.eol} "auto" on Linux).
   */
  static final JsoncFormatStyle DEFAULT = new JsoncFormatStyle("    ", "\n");

  private static final int MAX_UNIT = 16;

  /** Returns true when the unit is made of tabs. */
  boolean usesTabs() {
    return indentUnit.startsWith("\t");
  }

  /** Returns the style of {@code doc}: the most used indentation step and line ending, else the defaults. */
  static JsoncFormatStyle detect(JsoncDocument doc) {
    return new JsoncFormatStyle(detectUnit(doc), detectEol(doc.text()));
  }

  /** The line ending used most (ties: the first one seen); LF when the text has none. */
  static String detectEol(String text) {
    int crlf = 0;
    int lf = 0;
    int cr = 0;
    String first = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        crlf++;
        i++;
        first = first == null ? "\r\n" : first;
      } else if (c == '\n') {
        lf++;
        first = first == null ? "\n" : first;
      } else if (c == '\r') {
        cr++;
        first = first == null ? "\r" : first;
      }
    }
    if (first == null) {
      return DEFAULT.eol();
    }
    int best = Math.max(crlf, Math.max(lf, cr));
    int firstCount = first.equals("\r\n") ? crlf : first.equals("\n") ? lf : cr;
    if (firstCount == best) {
      return first;
    }
    return crlf == best ? "\r\n" : lf == best ? "\n" : "\r";
  }

  /**
   * The step between an object's line and its properties' lines, counted over every property that starts
   * its own line; the most frequent step wins (ties: the first seen).
   */
  private static String detectUnit(JsoncDocument doc) {
    if (doc.root().isEmpty()) {
      return DEFAULT.indentUnit();
    }
    JsoncEditLayout layout = new JsoncEditLayout(doc.text());
    Map<String, Integer> votes = new LinkedHashMap<>();
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(doc.root().get());
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node instanceof JsonObject object) {
        String base = layout.indentAt(object.start());
        for (JsonProperty property : object.properties()) {
          if (layout.startsLine(property.start())) {
            vote(votes, base, layout.indentAt(property.start()));
          }
          property.value().ifPresent(pending::push);
        }
      } else if (node instanceof JsonArray array) {
        array.elements().forEach(pending::push);
      }
    }
    String unit = DEFAULT.indentUnit();
    int best = 0;
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (e.getValue() > best) {
        best = e.getValue();
        unit = e.getKey();
      }
    }
    return unit;
  }

  private static void vote(Map<String, Integer> votes, String base, String indent) {
    if (indent.length() <= base.length() || !indent.startsWith(base)) {
      return;
    }
    String step = indent.substring(base.length());
    boolean uniform = step.chars().allMatch(c -> c == step.charAt(0));
    if (uniform && step.length() <= MAX_UNIT) {
      votes.merge(step, 1, Integer::sum);
    }
  }
}
