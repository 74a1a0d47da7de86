package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import java.util.Set;

/**
 * A line in a startup file that matters for Go: it sets or unsets a tracked variable or PATH, sources a
 * file, activates a version manager, or is an interactive-only guard. {@code subject} is the variable name
 * (for zsh's {@code path} and fish's {@code fish_user_paths}/{@code fish_add_path}: {@code PATH}), the
 * sourced file as written, or the tool name ({@code goenv}, {@code gvm}, {@code asdf}, {@code mise}).
 * {@code guard} is the interactive-only guard above it (an early {@code return} for non-interactive shells,
 * or an enclosing interactive test), null when every shell that reads the file reaches it.
 * {@code executed} says whether this simulated start ran the line.
 */
public record StartupStatement(
    Provenance provenance, Kind kind, String subject, Provenance guard, boolean executed, Set<Flag> flags) {

  public StartupStatement {
    flags = Set.copyOf(flags);
  }

  /** What the line does. */
  public enum Kind { ASSIGNMENT, UNSET, SOURCE, TOOL_ACTIVATION, INTERACTIVE_GUARD }

  /** Properties a rule may need. */
  public enum Flag {
    /** Exported here ({@code export}, {@code declare -x}, fish {@code -x}). */
    EXPORTED,
    /** Sets PATH without keeping the old value: entries from earlier files are lost. */
    CLOBBERS_PATH,
    /** Puts the new directories in front of PATH. */
    PREPENDS,
    /** Puts the new directories behind PATH (an earlier {@code go} still wins). */
    APPENDS,
    /** A quoted {@code ~} starts a PATH entry: it stays a literal {@code ~}, which execvp never expands. */
    LITERAL_TILDE,
    /** Fish universal scope: persists in fish_variables across sessions. */
    UNIVERSAL
  }

  /** True when an interactive-only guard sits above the line (non-interactive starts never reach it). */
  public boolean afterGuard() {
    return guard != null;
  }
}
