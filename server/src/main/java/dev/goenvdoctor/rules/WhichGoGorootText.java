package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.Optional;

/** Words and edits shared by the GOROOT rules: where a hand-set value comes from, and removing its export safely. */
final class WhichGoGorootText {
  private WhichGoGorootText() {}

  /** " from ~/.profile:27", " from the Go user env file (~/.config/go/env:2, written by go env -w)", ... */
  static String from(Snapshot snapshot, WhichGoRoots.GorootValue value) {
    if (value.where().isEmpty()) {
      return " from the environment the editor was started with (its origin is unknown)";
    }
    String at = WhichGoFacts.where(snapshot, value.where().get());
    return switch (value.origin()) {
      case GO_ENV_FILE -> " from the Go user env file (" + at + ", written by go env -w)";
      case SETTINGS -> " from " + value.setting().map(h -> h.entry().displayName()).orElse("a setting") + " (" + at + ")";
      default -> " from " + at;
    };
  }

  /**
   * Deletes the startup-file line that exports the value, when it is the user's own file, the line does
   * nothing else, and no other line uses {@code $NAME}.
   */
  static Optional<Fix> deleteExport(Snapshot snapshot, Root root, String name, Provenance p, String title, boolean preferred) {
    if (WhichGoEdits.origin(snapshot, p) != WhichGoEdits.Origin.STARTUP_FILE || !WhichGoEdits.userFile(snapshot, p.location().file())
        || WhichGoEdits.usedElsewhere(snapshot, name, p.location())) {
      return Optional.empty();
    }
    Optional<String> line = WhichGoEdits.currentLine(root, p.location());
    if (line.isEmpty() || !WhichGoEdits.onlyAssigns(line.get(), name)) {
      return Optional.empty();
    }
    return WhichGoEdits.deleteLine(root, p, title, preferred);
  }

  static Optional<Fix> deleteExport(Snapshot snapshot, Root root, WhichGoRoots.GorootValue value, String titlePrefix, boolean preferred) {
    return value.where().flatMap(p -> deleteExport(snapshot, root, "GOROOT", p, titlePrefix + WhichGoFacts.where(snapshot, p), preferred));
  }

  /** ", and log out and back in (the desktop session reads ~/.profile)" when the login shell runs the line, else "". */
  static String relogin(Snapshot snapshot, WhichGoRoots.GorootValue value) {
    return value.where().map(p -> relogin(snapshot, p)).orElse("");
  }

  static String relogin(Snapshot snapshot, Provenance p) {
    boolean login = WhichGoFacts.statement(snapshot, ShellMode.LOGIN, p.location()).map(StartupStatement::executed).orElse(false);
    return login ? ", and log out and back in (the desktop session reads " + WhichGoFacts.tilde(snapshot, p.location().file()) + ")" : "";
  }
}
