package dev.goenvdoctor.model;

import java.util.Optional;

/** One PATH entry of a layer, where it came from, and what execvp would make of it. */
public record PathEntry(String dir, Optional<Provenance> origin, State state) {
  /** What kind of entry this is for a program looking up {@code go} with execvp. */
  public enum State {
    /** An existing directory. */
    OK,
    /** An absolute path that does not exist. */
    MISSING,
    /** An empty entry: execvp searches the current directory. */
    EMPTY,
    /** A relative entry: resolved against whatever the current directory is. */
    RELATIVE,
    /** Starts with a literal {@code ~}: bash expands it at lookup, execvp does not. */
    TILDE
  }

  /** Classifies {@code dir} without touching the disk except to test existence. */
  public static State classify(String dir, java.util.function.Predicate<String> isDirectory) {
    if (dir.isEmpty()) {
      return State.EMPTY;
    }
    if (dir.startsWith("~")) {
      return State.TILDE;
    }
    if (!dir.startsWith("/")) {
      return State.RELATIVE;
    }
    return isDirectory.test(dir) ? State.OK : State.MISSING;
  }
}
