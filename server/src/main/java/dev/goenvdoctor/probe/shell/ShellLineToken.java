package dev.goenvdoctor.probe.shell;

/** One token of a POSIX-family shell file: a word (raw, quotes kept), an operator, a newline or the end. */
record ShellLineToken(Type type, String text, int line, int column, int endLine, int endColumn, int start, int end) {
  enum Type { WORD, OP, NEWLINE, EOF }

  boolean isWord(String word) {
    return type == Type.WORD && text.equals(word);
  }

  boolean isOp(String op) {
    return type == Type.OP && text.equals(op);
  }

  boolean isRedirect() {
    return type == Type.OP && ShellLineLexer.isRedirectOperator(text);
  }
}
