package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.text.LineIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Go entry of a {@code mise.toml}: {@code go = "1.22"}, {@code go = ["1.22", "1.21"]},
 * {@code go = { version = "1.22" }}, a {@code [tools.go]} table with {@code version}, or a dotted
 * {@code tools.go = ...} key. Only the small part of TOML these need is understood; every other line is
 * skipped quietly (but multi-line strings and arrays are followed so their contents are not misread).
 */
final class MiseTomlParser {
  private static final int MAX_DEPTH = 16;
  private static final int MAX_VERSIONS = 64;

  /** A TOML value as far as this reader needs it; {@code start}/{@code end} span the value's content. */
  private sealed interface Value permits Str, Arr, Table, Scalar {}

  private record Str(String value, int start, int end) implements Value {}

  private record Arr(List<Value> items) implements Value {}

  private record Table(Map<String, Value> entries) implements Value {}

  private record Scalar(String raw, int start, int end) implements Value {}

  private final String path;
  private final String text;
  private final LineIndex lines;
  private final List<PinnedVersion> versions = new ArrayList<>();
  private final List<WorkspaceProblem> problems = new ArrayList<>();
  private int pos;
  private int goLine = -1;

  private MiseTomlParser(String path, String text) {
    this.path = path;
    this.text = text;
    this.lines = LineIndex.of(text);
  }

  static PinFile parse(String path, String text) {
    MiseTomlParser parser = new MiseTomlParser(path, text);
    parser.parseDocument();
    return new PinFile(path, PinFile.Kind.MISE_TOML, parser.versions, parser.problems);
  }

  private void parseDocument() {
    List<String> table = List.of();
    while (pos < text.length()) {
      skipSpaces();
      if (pos >= text.length()) {
        break;
      }
      char c = text.charAt(pos);
      if (c == '\n' || c == '\r') {
        pos++;
        continue;
      }
      if (c == '#') {
        skipToLineEnd();
        continue;
      }
      int lineStart = pos;
      if (c == '[') {
        table = readHeader();
        skipToLineEnd();
        continue;
      }
      List<String> key = readKey();
      skipSpaces();
      if (key == null || pos >= text.length() || text.charAt(pos) != '=') {
        skipToLineEnd();
        continue;
      }
      pos++;
      skipSpaces();
      Value value = readValue(0);
      if (table != null && value != null) {
        List<String> full = new ArrayList<>(table);
        full.addAll(key);
        interpret(full, value, lineStart);
      }
      skipToLineEnd();
    }
  }

  /** Reads {@code [a.b]} (returns its path) or {@code [[a.b]]} (returns null: array tables hold no tools). */
  private List<String> readHeader() {
    pos++;
    boolean arrayTable = pos < text.length() && text.charAt(pos) == '[';
    if (arrayTable) {
      pos++;
    }
    skipSpaces();
    List<String> key = readKey();
    skipSpaces();
    if (key == null || pos >= text.length() || text.charAt(pos) != ']') {
      return null;
    }
    pos++;
    if (arrayTable) {
      return null;
    }
    return key;
  }

  /** A dotted key of bare and quoted parts, or null when there is none here. */
  private List<String> readKey() {
    List<String> parts = new ArrayList<>();
    while (true) {
      skipSpaces();
      if (pos >= text.length()) {
        return null;
      }
      char c = text.charAt(pos);
      if (c == '"' || c == '\'') {
        Value s = readString(c);
        if (!(s instanceof Str str)) {
          return null;
        }
        parts.add(str.value());
      } else {
        int start = pos;
        while (pos < text.length() && isBareKeyChar(text.charAt(pos))) {
          pos++;
        }
        if (pos == start) {
          return null;
        }
        parts.add(text.substring(start, pos));
      }
      skipSpaces();
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        continue;
      }
      return parts;
    }
  }

  private Value readValue(int depth) {
    if (pos >= text.length()) {
      return null;
    }
    char c = text.charAt(pos);
    if (c == '"' || c == '\'') {
      return readString(c);
    }
    if (c == '[' || c == '{') {
      if (depth >= MAX_DEPTH) {
        return null;
      }
      return c == '[' ? readArray(depth) : readInlineTable(depth);
    }
    int start = pos;
    while (pos < text.length() && "\n\r#,]}".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    int end = pos;
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end > start ? new Scalar(text.substring(start, end), start, end) : null;
  }

  private Value readArray(int depth) {
    pos++;
    List<Value> items = new ArrayList<>();
    while (true) {
      skipBlank();
      if (pos >= text.length()) {
        return null;
      }
      if (text.charAt(pos) == ']') {
        pos++;
        return new Arr(items);
      }
      Value item = readValue(depth + 1);
      if (item == null) {
        return null;
      }
      items.add(item);
      skipBlank();
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
      } else if (pos >= text.length() || text.charAt(pos) != ']') {
        return null;
      }
    }
  }

  private Value readInlineTable(int depth) {
    pos++;
    Map<String, Value> entries = new LinkedHashMap<>();
    while (true) {
      skipBlank();
      if (pos >= text.length()) {
        return null;
      }
      if (text.charAt(pos) == '}') {
        pos++;
        return new Table(entries);
      }
      List<String> key = readKey();
      skipSpaces();
      if (key == null || pos >= text.length() || text.charAt(pos) != '=') {
        return null;
      }
      pos++;
      skipSpaces();
      Value value = readValue(depth + 1);
      if (value == null) {
        return null;
      }
      entries.put(String.join(".", key), value);
      skipBlank();
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
      } else if (pos >= text.length() || text.charAt(pos) != '}') {
        return null;
      }
    }
  }

  /** A basic ("...", with escapes) or literal ('...') string, single- or multi-line; null if unterminated. */
  private Value readString(char quote) {
    String triple = String.valueOf(quote).repeat(3);
    boolean multiLine = text.startsWith(triple, pos);
    int contentStart = pos + (multiLine ? 3 : 1);
    StringBuilder value = new StringBuilder();
    int i = contentStart;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (multiLine ? text.startsWith(triple, i) : c == quote) {
        pos = i + (multiLine ? 3 : 1);
        return new Str(value.toString(), contentStart, i);
      }
      if (!multiLine && (c == '\n' || c == '\r')) {
        break;
      }
      if (c == '\\' && quote == '"' && i + 1 < text.length()) {
        i = appendEscape(value, i);
        continue;
      }
      value.append(c);
      i++;
    }
    pos = multiLine ? text.length() : i;
    return null;
  }

  private int appendEscape(StringBuilder out, int at) {
    char e = text.charAt(at + 1);
    switch (e) {
      case 'b' -> out.append('\b');
      case 't' -> out.append('\t');
      case 'n' -> out.append('\n');
      case 'f' -> out.append('\f');
      case 'r' -> out.append('\r');
      case '"' -> out.append('"');
      case '\\' -> out.append('\\');
      case 'u', 'U' -> {
        int digits = e == 'u' ? 4 : 8;
        if (at + 2 + digits <= text.length()) {
          try {
            int cp = Integer.parseInt(text.substring(at + 2, at + 2 + digits), 16);
            if (Character.isValidCodePoint(cp)) {
              out.appendCodePoint(cp);
              return at + 2 + digits;
            }
          } catch (NumberFormatException notHex) {
            // kept as written below
          }
        }
        out.append('\\').append(e);
      }
      default -> out.append('\\').append(e);
    }
    return at + 2;
  }

  private void interpret(List<String> key, Value value, int lineStart) {
    boolean goKey = key.size() >= 2 && key.get(0).equals("tools") && (key.get(1).equals("go") || key.get(1).equals("golang"));
    if (!goKey || key.size() > 3 || (key.size() == 3 && !key.get(2).equals("version"))) {
      return;
    }
    String tool = key.get(1);
    int line = lines.lineOf(lineStart);
    if (goLine >= 0) {
      problems.add(problemAt(lineStart, lineStart + 1,
          "Go is set again (first on line " + (goLine + 1) + "); TOML does not allow a key twice"));
      return;
    }
    goLine = line;
    if (key.size() == 3) {
      addVersion(tool, value);
      return;
    }
    if (value instanceof Arr arr) {
      for (Value item : arr.items()) {
        addVersion(tool, item instanceof Table t ? t.entries().get("version") : item);
      }
      if (arr.items().isEmpty()) {
        problems.add(problemAt(lineStart, lineStart + 1, "the Go entry is an empty list"));
      }
    } else if (value instanceof Table t) {
      addVersion(tool, t.entries().get("version"));
    } else {
      addVersion(tool, value);
    }
  }

  private void addVersion(String tool, Value value) {
    if (value instanceof Str s && !s.value().isBlank()) {
      if (versions.size() < MAX_VERSIONS) {
        versions.add(PinnedVersion.of(tool, s.value().strip(), new Location(path, lines.range(s.start(), s.end()))));
      }
    } else if (value instanceof Scalar s) {
      problems.add(problemAt(s.start(), s.end(),
          "the Go version should be a quoted string, like \"" + s.raw() + "\" (found " + s.raw() + ")"));
    } else {
      problems.add(problemAt(lineStart(), lineStart() + 1, "the Go entry names no version"));
    }
  }

  private int lineStart() {
    return lines.lineStart(goLine);
  }

  private WorkspaceProblem problemAt(int start, int end, String message) {
    return new WorkspaceProblem(new Location(path, lines.range(start, end)), message);
  }

  private void skipSpaces() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }

  /** Skips spaces, line breaks and comments (inside arrays and inline tables). */
  private void skipBlank() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else if (c == '#') {
        skipToLineEnd();
      } else {
        return;
      }
    }
  }

  private void skipToLineEnd() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  private static boolean isBareKeyChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }
}
