package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands one fish word into its list of values: quotes and escapes, {@code ~}, {@code $var} and
 * {@code $var[i]} (a list: unquoted it multiplies the word, quoted it joins with a space, or ':' for PATH-like
 * variables), command substitutions through the host, and brace alternatives. Products are capped.
 */
final class StaticShellFishExpander {
  private static final int MAX_PRODUCT = 1000;

  /** What expansion needs from the running simulation. */
  interface Host {
    /** A variable's elements; empty when unset. */
    List<StaticShellValue> elements(String name);

    /** HOME, or null when unset. */
    String home();

    Provenance here();

    boolean conditional();

    /** The lines a command substitution prints, or one dynamic value. */
    List<StaticShellValue> substitute(String command);
  }

  private final Host host;

  StaticShellFishExpander(Host host) {
    this.host = host;
  }

  static boolean isPathVariable(String name) {
    return name.endsWith("PATH");
  }

  /** Expands one fish word into its list of values (cartesian products, list variables, braces). */
  List<StaticShellValue> expand(String raw) {
    List<List<StaticShellPiece>> results = new ArrayList<>();
    results.add(new ArrayList<>());
    StringBuilder lit = new StringBuilder();
    int i = 0;
    boolean start = true;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (start && c == '~') {
        int end = i + 1;
        while (end < raw.length() && raw.charAt(end) != '/' && "'\"$\\(".indexOf(raw.charAt(end)) < 0) {
          end++;
        }
        String user = raw.substring(i + 1, end);
        String home = user.isEmpty() ? host.home() : null;
        if (home != null) {
          lit.append(home);
          i = end;
          start = false;
          continue;
        }
      }
      start = false;
      if (c == '\\' && i + 1 < raw.length()) {
        char n = raw.charAt(i + 1);
        lit.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> n;
        });
        i += 2;
        continue;
      }
      if (c == '\'') {
        int k = i + 1;
        while (k < raw.length() && raw.charAt(k) != '\'') {
          char next = k + 1 < raw.length() ? raw.charAt(k + 1) : 0;
          if (raw.charAt(k) == '\\' && (next == '\'' || next == '\\')) {
            k++;
          }
          lit.append(raw.charAt(k));
          k++;
        }
        i = k + 1;
        continue;
      }
      if (c == '"') {
        int k = i + 1;
        while (k < raw.length() && raw.charAt(k) != '"') {
          char d = raw.charAt(k);
          if (d == '\\' && k + 1 < raw.length() && "\"\\$\n".indexOf(raw.charAt(k + 1)) >= 0) {
            if (raw.charAt(k + 1) != '\n') {
              lit.append(raw.charAt(k + 1));
            }
            k += 2;
            continue;
          }
          if (d == '$' && k + 1 < raw.length() && raw.charAt(k + 1) == '(') {
            int end = closeParen(raw, k + 1);
            flush(lit, results);
            StaticShellValue out = StaticShellValue.join(host.substitute(raw.substring(k + 2, end - 1)), "\n",
                host.here(), null, host.conditional());
            results = product(results, List.of(out));
            k = end;
            continue;
          }
          if (d == '$' && k + 1 < raw.length() && isNameChar(raw.charAt(k + 1))) {
            int end = nameEnd(raw, k + 1);
            String name = raw.substring(k + 1, end);
            int after = indexEnd(raw, end);
            List<StaticShellValue> elements = index(host.elements(name), raw.substring(end, after));
            flush(lit, results);
            results = product(results, List.of(StaticShellValue.join(elements, isPathVariable(name) ? ":" : " ",
                host.here(), null, host.conditional())));
            k = after;
            continue;
          }
          lit.append(d);
          k++;
        }
        i = k + 1;
        continue;
      }
      if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '(') {
        int end = closeParen(raw, i + 1);
        flush(lit, results);
        results = product(results, host.substitute(raw.substring(i + 2, end - 1)));
        i = end;
        continue;
      }
      if (c == '$' && i + 1 < raw.length() && isNameChar(raw.charAt(i + 1))) {
        int end = nameEnd(raw, i + 1);
        String name = raw.substring(i + 1, end);
        int after = indexEnd(raw, end);
        flush(lit, results);
        results = product(results, index(host.elements(name), raw.substring(end, after)));
        i = after;
        continue;
      }
      if (c == '(') {
        int end = closeParen(raw, i);
        flush(lit, results);
        results = product(results, host.substitute(raw.substring(i + 1, end - 1)));
        i = end;
        continue;
      }
      if (c == '{') {
        int end = closeBrace(raw, i);
        String inner = raw.substring(i + 1, Math.max(i + 1, end - 1));
        if (end > i + 1 && inner.contains(",")) {
          flush(lit, results);
          List<StaticShellValue> alternatives = new ArrayList<>();
          for (String alt : splitTop(inner)) {
            alternatives.addAll(expand(alt.isEmpty() ? "''" : alt));
          }
          results = product(results, alternatives);
          i = end;
          continue;
        }
      }
      lit.append(c);
      i++;
    }
    flush(lit, results);
    List<StaticShellValue> out = new ArrayList<>();
    for (List<StaticShellPiece> r : results) {
      out.add(new StaticShellValue(r));
    }
    return out;
  }

  private void flush(StringBuilder lit, List<List<StaticShellPiece>> results) {
    if (lit.length() == 0) {
      return;
    }
    StaticShellPiece piece = new StaticShellPiece(lit.toString(), host.here(), null, host.conditional(), false);
    for (List<StaticShellPiece> r : results) {
      r.add(piece);
    }
    lit.setLength(0);
  }

  private static List<List<StaticShellPiece>> product(List<List<StaticShellPiece>> results,
      List<StaticShellValue> values) {
    List<List<StaticShellPiece>> out = new ArrayList<>();
    for (List<StaticShellPiece> r : results) {
      for (StaticShellValue v : values) {
        if (out.size() >= MAX_PRODUCT) {
          return out;
        }
        List<StaticShellPiece> next = new ArrayList<>(r);
        next.addAll(v.pieces());
        out.add(next);
      }
    }
    return out;
  }

  private static List<StaticShellValue> index(List<StaticShellValue> elements, String subscript) {
    if (subscript.isEmpty()) {
      return elements;
    }
    String body = subscript.substring(1, subscript.length() - 1).trim();
    List<StaticShellValue> out = new ArrayList<>();
    for (String part : body.split("\\s+")) {
      try {
        if (part.contains("..")) {
          String[] ends = part.split("\\.\\.", -1);
          int a = ends[0].isEmpty() ? 1 : resolveIndex(Integer.parseInt(ends[0]), elements.size());
          int b = ends.length < 2 || ends[1].isEmpty() ? elements.size()
              : resolveIndex(Integer.parseInt(ends[1]), elements.size());
          int step = a <= b ? 1 : -1;
          for (int k = a; step > 0 ? k <= b : k >= b; k += step) {
            if (k >= 1 && k <= elements.size()) {
              out.add(elements.get(k - 1));
            }
          }
        } else {
          int k = resolveIndex(Integer.parseInt(part), elements.size());
          if (k >= 1 && k <= elements.size()) {
            out.add(elements.get(k - 1));
          }
        }
      } catch (NumberFormatException e) {
        return List.of(StaticShellValue.of(subscript, null, null, false, true));
      }
    }
    return out;
  }

  private static int resolveIndex(int k, int size) {
    return k < 0 ? size + 1 + k : k;
  }

  private static int closeParen(String s, int open) {
    int depth = 0;
    for (int k = open; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '\'' || c == '"') {
        int close = s.indexOf(c, k + 1);
        k = close < 0 ? s.length() : close;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return k + 1;
      }
    }
    return s.length();
  }

  private static int closeBrace(String s, int open) {
    int depth = 0;
    for (int k = open; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return k + 1;
      }
    }
    return open + 1;
  }

  private static List<String> splitTop(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(s.substring(start, k));
        start = k + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static int nameEnd(String s, int from) {
    int k = from;
    while (k < s.length() && isNameChar(s.charAt(k)) && s.charAt(k) < 128) {
      k++;
    }
    return k;
  }

  private static int indexEnd(String s, int from) {
    if (from < s.length() && s.charAt(from) == '[') {
      int close = s.indexOf(']', from);
      return close < 0 ? from : close + 1;
    }
    return from;
  }
}
