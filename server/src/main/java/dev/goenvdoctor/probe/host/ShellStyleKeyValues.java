package dev.goenvdoctor.probe.host;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code KEY=value} files in the os-release(5) style, which {@code /run/.containerenv} follows too:
 * values may be in double quotes (with {@code \"}, {@code \\}, {@code \$}, {@code \`} escapes) or single
 * quotes; {@code #} starts a comment line. Later keys win. Malformed lines are skipped.
 */
final class ShellStyleKeyValues {
  private static final int MAX_KEYS = 500;

  private ShellStyleKeyValues() {}

  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || !line.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
        continue;
      }
      out.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
      if (out.size() >= MAX_KEYS) {
        break;
      }
    }
    return Map.copyOf(out);
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
      return v.substring(1, v.length() - 1);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      StringBuilder out = new StringBuilder();
      String inner = v.substring(1, v.length() - 1);
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c == '\\' && i + 1 < inner.length() && "\"\\$`".indexOf(inner.charAt(i + 1)) >= 0) {
          c = inner.charAt(++i);
        }
        out.append(c);
      }
      return out.toString();
    }
    return v;
  }
}
