package dev.goenvdoctor.jsonc;

/**
 * Questions about the layout around an offset of a JSONC text: where its line starts, its indentation,
 * whether something starts its own line, and where the comments and spaces that trail it on its line
 * end. Only called at offsets outside strings (between tokens), where {@code //} and {@code /*} open
 * comments.
 */
final class JsoncEditLayout {
  private final String text;

  JsoncEditLayout(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  /** Returns the offset where the line holding {@code pos} starts. */
  int lineStart(int pos) {
    int i = Math.min(pos, text.length());
    while (i > 0 && !isLineBreak(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Returns the spaces and tabs that start the line holding {@code pos} (at most up to {@code pos}). */
  String indentAt(int pos) {
    int start = lineStart(pos);
    int i = start;
    while (i < pos && i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return text.substring(start, i);
  }

  /** Returns true when only spaces and tabs stand between the start of its line and {@code pos}. */
  boolean startsLine(int pos) {
    for (int i = pos - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (isLineBreak(c)) {
        return true;
      }
      if (!isSpace(c)) {
        return false;
      }
    }
    return true;
  }

  /** Returns true when no line break lies in {@code [from, to)}. */
  boolean sameLine(int from, int to) {
    for (int i = from; i < to && i < text.length(); i++) {
      if (isLineBreak(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns the first offset at or after {@code pos} that is not a space or tab. */
  int skipSpaces(int pos) {
    int i = pos;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Returns the first offset before {@code pos} that is preceded by something other than a space or tab. */
  int skipSpacesBack(int pos) {
    int i = pos;
    while (i > 0 && isSpace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Returns the length of the line break at {@code pos}: 2 for CRLF, 1 for LF or CR, else 0. */
  int lineBreakLength(int pos) {
    if (pos >= text.length()) {
      return 0;
    }
    char c = text.charAt(pos);
    if (c == '\r') {
      return pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? 2 : 1;
    }
    return c == '\n' ? 1 : 0;
  }

  /** Returns the end of the comment that starts at {@code pos} (a line comment ends before its line break), or -1. */
  int commentEnd(int pos) {
    if (pos + 1 >= text.length() || text.charAt(pos) != '/') {
      return -1;
    }
    if (text.charAt(pos + 1) == '/') {
      int i = pos + 2;
      while (i < text.length() && !isLineBreak(text.charAt(i))) {
        i++;
      }
      return i;
    }
    if (text.charAt(pos + 1) == '*') {
      int close = text.indexOf("*/", pos + 2);
      return close < 0 ? text.length() : close + 2;
    }
    return -1;
  }

  /**
   * Returns where the trailing part of a line ends, starting at {@code pos}: spaces, tabs and comments that
   * start on that line (a line comment ends the scan). With {@code sameLineBlocksOnly}, a block comment that
   * runs on to a later line is not taken (it may introduce what follows). The result is just after the
   * last comment taken, or {@code pos} when none was.
   */
  int trailingTriviaEnd(int pos, boolean sameLineBlocksOnly) {
    int end = pos;
    while (true) {
      int at = skipSpaces(end);
      int commentEnd = commentEnd(at);
      if (commentEnd < 0) {
        return end;
      }
      boolean lineComment = text.charAt(at + 1) == '/';
      if (!lineComment && sameLineBlocksOnly && !sameLine(at, commentEnd)) {
        return end;
      }
      end = commentEnd;
      if (lineComment) {
        return end;
      }
    }
  }
}
