package dev.goenvdoctor.model;

import java.util.List;

/**
 * One way to fix a finding: a title for the button or the list, whether it is the one {@code --fix}
 * and "Fix all" apply, and the edits and file creations it makes. A fix never runs a command.
 */
public record Fix(String title, boolean preferred, List<TextEdit> edits, List<FileCreation> creations) {
  public Fix {
    edits = List.copyOf(edits);
    creations = List.copyOf(creations);
  }

  /** The files this fix touches (edited or created). */
  public List<String> files() {
    return java.util.stream.Stream.concat(edits.stream().map(TextEdit::file), creations.stream().map(FileCreation::file))
        .distinct().toList();
  }
}
