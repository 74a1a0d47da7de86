package dev.goenvdoctor.jsonc;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes plain Java values as JSON text: {@code null}, String, Boolean, Number, List and Map with String
 * keys (in the map's iteration order). Strings are escaped as JavaScript's {@code JSON.stringify} escapes
 * them. Multi-line output puts every member on its own line, one indentation step deeper, the way VS Code
 * formats a value it writes into settings.json; empty containers stay {@code {}} and {@code []}.
 */
final class JsoncFormatWriter {
  /** Values nested deeper than this are refused (this also stops a map that contains itself). */
  static final int MAX_DEPTH = 64;

  private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final JsoncFormatStyle style;
  private final boolean multiLine;
  private final StringBuilder out = new StringBuilder();

  private JsoncFormatWriter(JsoncFormatStyle style, boolean multiLine) {
    this.style = style;
    this.multiLine = multiLine;
  }

  /**
   * Returns {@code value} as JSON spread over lines: nested lines start with {@code baseIndent} plus one
   * step per level. Throws IllegalArgumentException for a value that is not plain JSON data.
   */
  static String multiLine(Object value, String baseIndent, JsoncFormatStyle style) {
    JsoncFormatWriter writer = new JsoncFormatWriter(style, true);
    writer.write(value, baseIndent, 0);
    return writer.out.toString();
  }

  /** Returns {@code value} as JSON on one line ({@code {"a": 1, "b": [true, null]}}). */
  static String inline(Object value) {
    JsoncFormatWriter writer = new JsoncFormatWriter(JsoncFormatStyle.DEFAULT, false);
    writer.write(value, "", 0);
    return writer.out.toString();
  }

  /** Returns {@code s} as a JSON string literal. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    appendQuoted(b, s);
    return b.toString();
  }

  private void write(Object value, String indent, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels (or it contains itself)");
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      appendQuoted(out, s);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Number n) {
      out.append(number(n));
    } else if (value instanceof Map<?, ?> map) {
      writeObject(map, indent, depth);
    } else if (value instanceof List<?> list) {
      writeArray(list, indent, depth);
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
          + " as JSON (use String, Number, Boolean, null, List or Map)");
    }
  }

  private void writeObject(Map<?, ?> map, String indent, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + style.indentUnit();
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException("JSON object keys must be strings, found " + e.getKey());
      }
      separate(inner);
      appendQuoted(out, key);
      out.append(": ");
      write(e.getValue(), inner, depth + 1);
      if (it.hasNext()) {
        out.append(',');
      }
    }
    close(indent, '}');
  }

  private void writeArray(List<?> list, String indent, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    String inner = indent + style.indentUnit();
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      separate(inner);
      write(list.get(i), inner, depth + 1);
      if (i + 1 < list.size()) {
        out.append(',');
      }
    }
    close(indent, ']');
  }

  /** Before a member: a new line in multi-line output, else a space after the comma. */
  private void separate(String inner) {
    if (multiLine) {
      out.append(style.eol()).append(inner);
    } else if (out.charAt(out.length() - 1) == ',') {
      out.append(' ');
    }
  }

  private void close(String indent, char bracket) {
    if (multiLine) {
      out.append(style.eol()).append(indent);
    }
    out.append(bracket);
  }

  private static String number(Number n) {
    String text;
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON has no " + d);
      }
      // whole numbers as JavaScript prints them (2.0 -> 2), others in Java's shortest form (valid JSON)
      text = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
          : n instanceof Float ? Float.toString(n.floatValue()) : Double.toString(d);
    } else {
      text = n.toString(); // integers, BigDecimal ("1E+3" is valid JSON); anything else is checked below
    }
    if (!JSON_NUMBER.matcher(text).matches()) {
      throw new IllegalArgumentException("not a JSON number: " + text);
    }
    return text;
  }

  private static void appendQuoted(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || isLoneSurrogate(s, i)) {
            b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** JSON.stringify escapes a surrogate that is not half of a pair, so the output stays valid UTF-16. */
  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
