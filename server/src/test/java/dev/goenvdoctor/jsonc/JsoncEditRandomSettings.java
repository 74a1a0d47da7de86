package dev.goenvdoctor.jsonc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes random VS Code-like settings documents from a seed: nested objects of settings with random
 * whitespace, comments in every place a comment can go, trailing commas, LF / CRLF / CR, tabs or spaces,
 * objects on one line or over lines, a byte order mark. Also returns the values the text holds (the
 * model), so a test can compare a parse against something the parser did not produce.
 */
final class JsoncEditRandomSettings {
  /** A generated text and the plain values it holds (Long, Double, String, Boolean, null, List, Map). */
  record Generated(String text, Map<String, Object> model) {}

  static final String[] KEYS = {
    "go.goroot", "go.gopath", "go.toolsEnvVars", "go.alternateTools", "go.toolsManagement.autoUpdate",
    "go.useLanguageServer", "gopls", "[go]", "[go.mod]", "editor.formatOnSave", "editor.tabSize",
    "terminal.integrated.env.linux", "GOTOOLCHAIN", "GOFLAGS", "GOROOT", "PATH", "ui.semanticTokens",
    "build.env", "files.exclude", "a", "b", "", "k\"q", "back\\slash", "\u00fcber", "tab\tkey", "emoji\ud83d\ude00",
  };

  private static final String[] STRINGS = {
    "/usr/local/go", "${env:HOME}/sdk/go1.22.5", "local", "auto", "go1.22.5+auto", "-mod=mod -tags=x", "",
    "C:\\Go\\bin", "line\nbreak", "quote\"d", "\u00e9t\u00e9", "// not a comment", "/* nor this */", "{\"json\": 1}",
    "\u0001ctl", "tab\there",
  };

  private static final String KEY_CHARS = "abcXYZ.-_/ \u00e9\"\\[]{}:,";

  private static final String[] LINE_COMMENTS = {
    "// comment", "// \"go.goroot\": \"/usr/lib/go-1.18\",", "//", "// { [ , : } ]", "// \u00e9"
  };
  private static final String[] BLOCK_COMMENTS = {
    "/* c */", "/**/", "/* \"k\": 1, */", "/* multi\n   line */", "/* , } */"
  };

  private final Random random;
  private final String eol;
  private final String unit;
  private final int commentDensity;
  private final int trailingCommaOdds;

  private JsoncEditRandomSettings(Random random) {
    this.random = random;
    int e = random.nextInt(20);
    this.eol = e < 12 ? "\n" : e < 19 ? "\r\n" : "\r";
    this.unit = new String[] {"\t", "  ", "    ", "   ", " "}[random.nextInt(5)];
    this.commentDensity = random.nextInt(4); // 0: no comments at all ... 3: comments almost everywhere
    this.trailingCommaOdds = random.nextInt(3) == 0 ? 2 : 12;
  }

  /** Returns a random settings document for {@code seed}. */
  static Generated generate(long seed) {
    JsoncEditRandomSettings g = new JsoncEditRandomSettings(new Random(seed));
    Map<String, Object> model = g.object(0, 8);
    StringBuilder out = new StringBuilder();
    if (g.random.nextInt(5) == 0) {
      out.append('\ufeff');
    }
    if (g.chance(4)) {
      out.append(g.lineComment()).append(g.eol);
    }
    if (g.chance(8)) {
      out.append(g.block()).append(g.eol);
    }
    if (g.random.nextInt(10) == 0) {
      g.writeInline(model, out);
    } else {
      g.writeObject(model, "", out);
    }
    if (g.random.nextInt(3) > 0) {
      out.append(g.eol);
    }
    if (g.chance(6)) {
      out.append(g.lineComment()).append(g.eol);
    }
    return new Generated(out.toString(), model);
  }

  /** Returns a random plain value for a test to write (maps and lists nested up to {@code depth}). */
  static Object randomValue(Random random, int depth) {
    return new JsoncEditRandomSettings(random).value(depth);
  }

  /** Returns a random key, sometimes one of the settings names, sometimes made up. */
  static String randomKey(Random random) {
    if (random.nextInt(3) > 0) {
      return KEYS[random.nextInt(KEYS.length)];
    }
    StringBuilder key = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      key.append(KEY_CHARS.charAt(random.nextInt(KEY_CHARS.length())));
    }
    return key.toString();
  }

  /** A comment here? Never in a document without comments, about one in {@code oneIn} in the densest. */
  private boolean chance(int oneIn) {
    return random.nextInt(oneIn * 3) < commentDensity;
  }

  private Map<String, Object> object(int depth, int maxSize) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = random.nextInt(maxSize + 1);
    for (int i = 0; i < size; i++) {
      map.put(randomKey(random), value(depth + 1));
    }
    return map;
  }

  private Object value(int depth) {
    int kind = random.nextInt(depth >= 3 ? 6 : 9);
    switch (kind) {
      case 0: return STRINGS[random.nextInt(STRINGS.length)];
      case 1: return (long) random.nextInt(200) - 20;
      case 2: return random.nextInt(1000) + 0.25 * (1 + random.nextInt(3));
      case 3: return random.nextBoolean();
      case 4: return null;
      case 5: return random.nextBoolean() ? Long.MIN_VALUE : "";
      case 6:
      case 7: return object(depth, 4);
      default: {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          list.add(value(depth + 1));
        }
        return list;
      }
    }
  }

  private void writeObject(Map<String, Object> map, String indent, StringBuilder out) {
    if (map.isEmpty()) {
      switch (random.nextInt(5)) {
        case 0 -> out.append("{ }");
        case 1 -> out.append('{').append(eol).append(indent).append('}');
        case 2 -> out.append('{').append(eol).append(indent).append(unit).append(lineComment()).append(eol).append(indent).append('}');
        case 3 -> out.append("{ ").append(block()).append(" }");
        default -> out.append("{}");
      }
      return;
    }
    String inner = indent + unit;
    out.append('{');
    if (chance(6)) {
      out.append(' ').append(lineComment());
    }
    out.append(eol);
    int i = 0;
    for (Map.Entry<String, Object> e : map.entrySet()) {
      boolean last = ++i == map.size();
      if (chance(4)) {
        out.append(inner).append(lineComment()).append(eol);
      }
      if (random.nextInt(12) == 0) {
        out.append(eol); // a blank line
      }
      out.append(inner);
      if (chance(12)) {
        out.append(block()).append(' ');
      }
      writeKey(e.getKey(), out);
      if (chance(10)) {
        out.append(' ').append(block());
      }
      out.append(random.nextInt(8) == 0 ? " : " : ": ");
      if (chance(10)) {
        out.append(block()).append(' ');
      }
      writeValue(e.getValue(), inner, out);
      boolean comma = !last || random.nextInt(trailingCommaOdds) == 0;
      if (comma && chance(12)) {
        out.append(' ').append(lineComment()).append(eol).append(inner).append(','); // comma on the next line
      } else {
        if (chance(10)) {
          out.append(' ').append(block());
        }
        if (comma) {
          out.append(',');
        }
      }
      if (chance(5)) {
        out.append(random.nextBoolean() ? " " : "\t").append(random.nextBoolean() ? lineComment() : block());
      }
      if (random.nextInt(15) == 0) {
        out.append(' '); // trailing whitespace
      }
      out.append(eol);
    }
    if (chance(4)) {
      out.append(inner).append(lineComment()).append(eol);
    }
    if (chance(10)) {
      out.append(inner).append(block()).append(eol);
    }
    out.append(indent).append('}');
  }

  private void writeValue(Object value, String indent, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      if (random.nextInt(4) == 0) {
        writeInline(object, out);
      } else {
        writeObject(object, indent, out);
      }
    } else if (value instanceof List<?> list) {
      if (random.nextBoolean() || list.isEmpty()) {
        writeInline(list, out);
      } else {
        out.append('[').append(eol);
        for (int i = 0; i < list.size(); i++) {
          out.append(indent).append(unit);
          if (chance(8)) {
            out.append(block()).append(' ');
          }
          writeValue(list.get(i), indent + unit, out);
          if (i + 1 < list.size() || random.nextInt(trailingCommaOdds) == 0) {
            out.append(',');
          }
          if (chance(8)) {
            out.append(' ').append(lineComment());
          }
          out.append(eol);
        }
        out.append(indent).append(']');
      }
    } else {
      writeInline(value, out);
    }
  }

  /** Writes a value on one line (block comments only: a line comment would end the line). */
  private void writeInline(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      writeKey(s, out);
    } else if (value instanceof Map<?, ?> map) {
      out.append(random.nextBoolean() ? "{" : "{ ");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (i++ > 0) {
          out.append(random.nextBoolean() ? ", " : ",");
        }
        if (random.nextInt(12) == 0) {
          out.append(oneLineBlock()).append(' ');
        }
        writeKey((String) e.getKey(), out);
        out.append(": ");
        writeInline(e.getValue(), out);
      }
      if (!map.isEmpty() && random.nextInt(trailingCommaOdds) == 0) {
        out.append(',');
      }
      out.append(random.nextBoolean() ? "}" : " }");
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        writeInline(list.get(i), out);
      }
      if (!list.isEmpty() && random.nextInt(trailingCommaOdds) == 0) {
        out.append(',');
      }
      out.append(']');
    } else {
      out.append(value); // Long, Double (x.25, x.5, x.75 print exactly), Boolean
    }
  }

  /** Writes a JSON string, escaping what must be and, at random, what may be. */
  private void writeKey(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c < 0x20 || random.nextInt(30) == 0) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (c == '/' && random.nextInt(4) == 0) {
        out.append("\\/");
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private String lineComment() {
    return LINE_COMMENTS[random.nextInt(LINE_COMMENTS.length)];
  }

  private String block() {
    return BLOCK_COMMENTS[random.nextInt(BLOCK_COMMENTS.length)].replace("\n", eol);
  }

  private String oneLineBlock() {
    return BLOCK_COMMENTS[random.nextInt(3)];
  }
}
