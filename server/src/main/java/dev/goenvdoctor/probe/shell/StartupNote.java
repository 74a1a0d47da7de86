package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;

/**
 * Something the simulation wants a reader to know: where (null when it concerns no line), what kind, and a
 * sentence that names the file and what is wrong or assumed.
 */
public record StartupNote(Provenance where, Kind kind, String message) {
  /** The families of notes, so rules can pick the ones they explain. */
  public enum Kind {
    /** Syntax or a command the simulation skips. */
    UNSUPPORTED,
    /** A condition the simulation could not decide; the branch was assumed taken. */
    UNDECIDED,
    /** A non-interactive start stopped reading a file at an interactive-only guard. */
    GUARD_STOP,
    /** A file was skipped (size, cycle, depth, binary content, missing). */
    FILE_SKIPPED,
    /** A version manager activation and what it does to PATH and Go variables. */
    TOOL,
    /** A Go variable or PATH is set but not exported, so programs never see it. */
    NOT_EXPORTED,
    /** {@code exit} or {@code exec} ends the shell start before the command runs. */
    SHELL_ENDS,
    /** A work limit was reached; later lines were not simulated. */
    LIMIT,
    /** Anything else worth showing. */
    INFO
  }
}
