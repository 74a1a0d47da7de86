package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import java.util.Set;

/**
 * One assignment pam_env takes from {@code /etc/environment}: the name, the value exactly as pam_env sets it
 * (no expansion; opening quote and a final quote removed), the line, whether the line unsets the variable
 * (a bare name), and what looks wrong with it.
 */
public record EtcEnvironmentEntry(String name, String value, Provenance provenance, boolean unset,
    Set<Issue> issues) {

  public EtcEnvironmentEntry {
    issues = Set.copyOf(issues);
  }

  /** Problems a reader would not expect from a shell-like line. */
  public enum Issue {
    /** Uses {@code $VAR} or {@code ${VAR}}: pam_env keeps it literally in this file. */
    USES_VARIABLE,
    /** Uses {@code ~}: pam_env never expands it. */
    USES_TILDE,
    /** Ends in spaces or tabs, which pam_env keeps in the value. */
    TRAILING_WHITESPACE,
    /** Quotes pam_env does not strip (a closing quote followed by something, or quotes inside). */
    STRAY_QUOTE
  }
}
