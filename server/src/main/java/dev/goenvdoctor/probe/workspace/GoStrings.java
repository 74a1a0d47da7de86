package dev.goenvdoctor.probe.workspace;

import java.util.Optional;

/** Go's {@code strconv.Unquote} for double-quoted strings, the only kind go.mod paths may use. */
final class GoStrings {
  private GoStrings() {}

  /** Returns the value of a Go double-quoted literal, or empty when the literal is malformed. */
  static Optional<String> unquote(String literal) {
    if (literal.length() < 2 || !literal.startsWith("\"") || !literal.endsWith("\"")) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    int end = literal.length() - 1;
    int i = 1;
    while (i < end) {
      char c = literal.charAt(i);
      if (c == '"' || c == '\n') {
        return Optional.empty();
      }
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= end) {
        return Optional.empty();
      }
      char e = literal.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case '\\' -> out.append('\\');
        case '"' -> out.append('"');
        case 'x', 'u', 'U' -> {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          Optional<Integer> code = hex(literal, i, digits, end);
          if (code.isEmpty() || code.get() > Character.MAX_CODE_POINT
              || (e != 'x' && code.get() >= 0xD800 && code.get() <= 0xDFFF)) {
            return Optional.empty();
          }
          out.appendCodePoint(code.get()); // \x is a byte; for path text a code point is close enough
          i += digits;
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 2 > end) {
            return Optional.empty();
          }
          int value = 0;
          for (int k = i - 1; k < i + 2; k++) {
            char d = literal.charAt(k);
            if (d < '0' || d > '7') {
              return Optional.empty();
            }
            value = value * 8 + (d - '0');
          }
          if (value > 255) {
            return Optional.empty();
          }
          out.append((char) value);
          i += 2;
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(out.toString());
  }

  private static Optional<Integer> hex(String s, int from, int digits, int limit) {
    if (from + digits > limit) {
      return Optional.empty();
    }
    int value = 0;
    for (int k = from; k < from + digits; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0 || s.charAt(k) > 0x7f) {
        return Optional.empty();
      }
      value = value * 16 + d;
    }
    return Optional.of(value);
  }
}
