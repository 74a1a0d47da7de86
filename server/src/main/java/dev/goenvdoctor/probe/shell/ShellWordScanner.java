package dev.goenvdoctor.probe.shell;

/** Finds where quoted and nested constructs end inside one word's raw text. Indexes never pass the end. */
final class ShellWordScanner {
  private ShellWordScanner() {}

  /** Index just after the ')' closing a '(' whose body starts at {@code from}. */
  static int afterParen(String s, int from, int depth) {
    int i = from;
    int open = depth;
    while (i < s.length() && open > 0) {
      char c = s.charAt(i);
      if (c == '(') {
        open++;
        i++;
      } else if (c == ')') {
        open--;
        i++;
      } else {
        i = afterUnit(s, i);
      }
    }
    return i;
  }

  /** Index just after the '}' closing a "${" whose body starts at {@code from}. */
  static int afterBrace(String s, int from) {
    int i = from;
    int open = 1;
    while (i < s.length() && open > 0) {
      char c = s.charAt(i);
      if (c == '}') {
        open--;
        i++;
      } else if (c == '{') {
        open++;
        i++;
      } else {
        i = afterUnit(s, i);
      }
    }
    return i;
  }

  /** Index just after the closing '"' of a double-quoted run whose body starts at {@code from}. */
  static int afterDoubleQuote(String s, int from) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\') {
        i = Math.min(s.length(), i + 2);
      } else if (c == '`' || (c == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{'))) {
        i = afterUnit(s, i);
      } else {
        i++;
      }
    }
    return i;
  }

  /** Index just after the closing quote of a single-quoted run whose body starts at {@code from}. */
  static int afterSingleQuote(String s, int from) {
    int end = s.indexOf('\'', from);
    return end < 0 ? s.length() : end + 1;
  }

  static int afterBackquote(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) != '`') {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(s.length(), i + 1);
  }

  static int afterAnsiC(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) != '\'') {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(s.length(), i + 1);
  }

  /** Skips one unit: a quoted run, an expansion, an escape, or one character. */
  static int afterUnit(String s, int i) {
    char c = s.charAt(i);
    return switch (c) {
      case '\\' -> Math.min(s.length(), i + 2);
      case '\'' -> afterSingleQuote(s, i + 1);
      case '"' -> afterDoubleQuote(s, i + 1);
      case '`' -> afterBackquote(s, i + 1);
      case '$' -> {
        if (s.startsWith("$((", i)) {
          yield afterParen(s, i + 3, 2);
        } else if (s.startsWith("$(", i)) {
          yield afterParen(s, i + 2, 1);
        } else if (s.startsWith("${", i)) {
          yield afterBrace(s, i + 2);
        } else if (s.startsWith("$'", i)) {
          yield afterAnsiC(s, i + 2);
        }
        yield i + 1;
      }
      default -> i + 1;
    };
  }
}
