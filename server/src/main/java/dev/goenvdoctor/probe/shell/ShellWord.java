package dev.goenvdoctor.probe.shell;

import java.util.regex.Pattern;

/** A word as written in a shell file (quotes kept), with where it starts. */
record ShellWord(String raw, int line, int column) {
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(\\[[^\\]]*])?(\\+?)=(.*)",
      Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  static ShellWord of(ShellLineToken token) {
    return new ShellWord(token.text(), token.line(), token.column());
  }

  /** {@code NAME=value}, {@code NAME+=value} or {@code NAME[i]=value} as written; null otherwise. */
  Assignment assignment() {
    var m = ASSIGNMENT.matcher(raw);
    if (!m.matches()) {
      return null;
    }
    return new Assignment(m.group(1), m.group(2) != null, !m.group(3).isEmpty(), m.group(4));
  }

  static boolean isName(String text) {
    return NAME.matcher(text).matches();
  }

  /** The parts of an assignment word; {@code value} is still raw (quotes kept). */
  record Assignment(String name, boolean indexed, boolean append, String value) {
    /** True for {@code name=(...)}: an array literal. */
    boolean array() {
      return value.startsWith("(") && value.endsWith(")");
    }
  }
}
