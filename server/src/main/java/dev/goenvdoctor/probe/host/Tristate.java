package dev.goenvdoctor.probe.host;

/** A yes/no answer that may be unknown (a file could not be read, a platform gave no answer). */
public enum Tristate {
  YES,
  NO,
  UNKNOWN;

  /** YES for true, NO for false. */
  public static Tristate of(boolean value) {
    return value ? YES : NO;
  }

  /** True only for a definite YES. */
  public boolean isYes() {
    return this == YES;
  }
}
