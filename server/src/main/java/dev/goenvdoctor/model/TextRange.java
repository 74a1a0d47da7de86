package dev.goenvdoctor.model;

/** A span in a text file: 0-based lines, 0-based columns in UTF-16 code units (as LSP counts them). */
public record TextRange(int startLine, int startColumn, int endLine, int endColumn) {
  public static TextRange line(int line, int startColumn, int endColumn) {
    return new TextRange(line, startColumn, line, endColumn);
  }

  /** The whole of one line, when only the line is known. */
  public static TextRange wholeLine(int line, String lineText) {
    return line(line, 0, lineText.length());
  }
}
