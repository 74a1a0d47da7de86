package dev.goenvdoctor.probe.shell;

import java.util.List;

/**
 * A position in the tokens of one startup file, shared by the POSIX and the fish parser: the token there, the
 * one before, moving on, and going back to a mark when a construct cannot be parsed. The last token is EOF;
 * reading past it keeps answering EOF.
 */
final class ShellTokenCursor {
  private final List<ShellLineToken> tokens;
  private int i;

  ShellTokenCursor(List<ShellLineToken> tokens) {
    this.tokens = tokens;
  }

  /** The current token (EOF at and past the end). */
  ShellLineToken peek() {
    return tokens.get(Math.min(i, tokens.size() - 1));
  }

  /** The token {@code ahead} places after the current one (EOF past the end). */
  ShellLineToken peekAt(int ahead) {
    return tokens.get(Math.min(i + ahead, tokens.size() - 1));
  }

  /** Returns the current token and moves past it, never past EOF. */
  ShellLineToken next() {
    ShellLineToken t = peek();
    if (i < tokens.size() - 1) {
      i++;
    }
    return t;
  }

  /** Moves past the current token (used while skipping a construct that ends before EOF). */
  void advance() {
    i++;
  }

  /** The token just consumed (the first one at the start). */
  ShellLineToken previous() {
    return tokens.get(Math.max(0, Math.min(i, tokens.size()) - 1));
  }

  /** The position, for {@link #reset}. */
  int mark() {
    return i;
  }

  void reset(int mark) {
    i = mark;
  }

  /** The span from the start of {@code first} to the end of {@code last}. */
  static ShellLineNode.Span span(ShellLineToken first, ShellLineToken last) {
    return new ShellLineNode.Span(first.line(), first.column(), last.endLine(), last.endColumn(), first.start(), last.end());
  }
}
