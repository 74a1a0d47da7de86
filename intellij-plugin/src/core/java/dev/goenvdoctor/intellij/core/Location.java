package dev.goenvdoctor.intellij.core;

/**
 * A place in a file as the server reports it: a machine path and a range with 0-based lines and UTF-16 columns
 * (as LSP counts).
 */
public record Location(String file, int startLine, int startColumn, int endLine, int endColumn) {
  /** Returns {@code file:line} with a 1-based line, {@code ~} for the home directory (for people, not for code). */
  public String label(String home) {
    return ShortPaths.shorten(file, home) + ":" + (startLine + 1);
  }
}
