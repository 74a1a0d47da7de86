package dev.goenvdoctor.model;

/** A span in a file, named by its machine path ({@code /home/u/.bashrc}, not the --root host path). */
public record Location(String file, TextRange range) {
  public static Location ofLine(String file, int line, String lineText) {
    return new Location(file, TextRange.wholeLine(line, lineText));
  }

  /** {@code /home/u/.bashrc:118}: 1-based, as people and compilers write it. */
  public String display() {
    return file + ":" + (range.startLine() + 1);
  }
}
