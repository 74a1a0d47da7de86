package dev.goenvdoctor.probe.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Go string literals as build settings use them when a key or value holds spaces, quotes or tabs
 * ({@code build -ldflags="-s -w"}): double-quoted with Go escapes, or back-quoted raw.
 */
final class GoQuoted {
  private GoQuoted() {}

  /** The length of the quoted literal at the start of {@code s}, or -1 when it is not closed on this line. */
  static int prefixLength(String s) {
    if (s.isEmpty()) {
      return -1;
    }
    char quote = s.charAt(0);
    if (quote != '"' && quote != '`') {
      return -1;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote) {
        return i + 1;
      }
      if (quote == '"' && c == '\n') {
        return -1;
      }
      if (quote == '"' && c == '\\') {
        i++; // the escaped character cannot close the literal
      }
    }
    return -1;
  }

  /** The value of a whole quoted literal, or empty when it is not a valid one. */
  static Optional<String> unquote(String literal) {
    if (literal.length() < 2 || prefixLength(literal) != literal.length()) {
      return Optional.empty();
    }
    String body = literal.substring(1, literal.length() - 1);
    if (literal.charAt(0) == '`') {
      return Optional.of(body.replace("\r", ""));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        int cp = body.codePointAt(i);
        if (Character.charCount(cp) == 2) {
          i++;
        }
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (++i >= body.length()) {
        return Optional.empty();
      }
      char e = body.charAt(i);
      switch (e) {
        case 'a' -> out.write(7);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'v' -> out.write(11);
        case '\\' -> out.write('\\');
        case '"' -> out.write('"');
        case 'x', 'u', 'U' -> {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          long v = hex(body, i + 1, digits);
          if (v < 0) {
            return Optional.empty();
          }
          i += digits;
          if (e == 'x') {
            out.write((int) v);
          } else {
            if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
              return Optional.empty();
            }
            out.writeBytes(new String(Character.toChars((int) v)).getBytes(StandardCharsets.UTF_8));
          }
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 3 > body.length()) {
            return Optional.empty();
          }
          int v = 0;
          for (int k = 0; k < 3; k++) {
            char d = body.charAt(i + k);
            if (d < '0' || d > '7') {
              return Optional.empty();
            }
            v = v * 8 + (d - '0');
          }
          if (v > 255) {
            return Optional.empty();
          }
          out.write(v);
          i += 2;
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(out.toString(StandardCharsets.UTF_8));
  }

  /** {@code count} hex digits at {@code from}, or -1 when they are missing or not hex. */
  private static long hex(String s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    long v = 0;
    for (int k = 0; k < count; k++) {
      int d = Character.digit(s.charAt(from + k), 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
