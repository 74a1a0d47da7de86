package dev.goenvdoctor.model;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is: ERROR breaks builds or the editor's Go features, WARNING is a likely surprise, INFO is a fact. */
public enum Severity {
  ERROR, WARNING, INFO;

  /** True when this is at least as severe as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> parse(String text) {
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
