package dev.goenvdoctor.fix;

import dev.goenvdoctor.model.FileCreation;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.probe.Root;
import java.util.List;
import java.util.Optional;

/**
 * Fixes to shell startup files: move a line to the file another shell mode reads (e.g. an export below
 * .bashrc's interactive-only guard to ~/.profile), or replace a line's text. Lines are moved whole, with
 * a comment saying where they came from; nothing else in either file changes.
 */
public final class StartupFileFixes {
  private StartupFileFixes() {}

  /** Deletes the line at {@code line} from its file and appends it to {@code targetFile} (created when absent). */
  public static Optional<Fix> moveLine(Root root, Provenance line, String targetFile, String title, boolean preferred) {
    String source = line.location().file();
    Optional<String> sourceText = root.readText(source, 4 << 20);
    if (sourceText.isEmpty()) {
      return Optional.empty();
    }
    int lineNo = line.location().range().startLine();
    String original = sourceText.get().lines().skip(lineNo).findFirst().orElse(null);
    if (original == null) {
      return Optional.empty();
    }
    List<String> sourceLines = sourceText.get().lines().toList();
    boolean lastWithoutNewline = lineNo == sourceLines.size() - 1 && !sourceText.get().endsWith("\n");
    // A last line without a line end has no "next line" to delete up to: take the previous line end instead.
    TextEdit delete = !lastWithoutNewline ? new TextEdit(source, new TextRange(lineNo, 0, lineNo + 1, 0), "")
        : lineNo == 0 ? new TextEdit(source, new TextRange(0, 0, 0, original.length()), "")
        : new TextEdit(source, new TextRange(lineNo - 1, sourceLines.get(lineNo - 1).length(), lineNo, original.length()), "");
    String block = "\n# Moved from " + source + " by go-env-doctor: the desktop session reads this file, not that one.\n"
        + original.strip() + "\n";
    Optional<String> target = root.readText(targetFile, 4 << 20);
    if (target.isEmpty()) {
      return Optional.of(new Fix(title, preferred, List.of(delete), List.of(new FileCreation(targetFile, block.substring(1)))));
    }
    String text = target.get();
    String prefix = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    List<String> lines = text.lines().toList();
    int lastLine = lines.size();
    // Insert at the very end: after the last line (its length is its end column when the file lacks a final newline).
    TextRange end = text.endsWith("\n") || text.isEmpty()
        ? new TextRange(lastLine, 0, lastLine, 0)
        : new TextRange(lastLine - 1, lines.get(lastLine - 1).length(), lastLine - 1, lines.get(lastLine - 1).length());
    return Optional.of(new Fix(title, preferred, List.of(delete, new TextEdit(targetFile, end, prefix + block)), List.of()));
  }

  /** Replaces the whole text of the line at {@code line} with {@code newLineText}. */
  public static Fix replaceLine(Provenance line, String currentLineText, String newLineText, String title, boolean preferred) {
    int lineNo = line.location().range().startLine();
    return new Fix(title, preferred, List.of(new TextEdit(line.location().file(),
        new TextRange(lineNo, 0, lineNo, currentLineText.length()), newLineText)), List.of());
  }

  /** The machine path of the file a desktop login reads for this shell kind: ~/.profile for bash/sh, ~/.zprofile for zsh. */
  public static String loginFile(String home, String shellPath) {
    String name = shellPath.substring(shellPath.lastIndexOf('/') + 1);
    return Root.join(home, name.equals("zsh") ? ".zprofile" : ".profile");
  }
}
