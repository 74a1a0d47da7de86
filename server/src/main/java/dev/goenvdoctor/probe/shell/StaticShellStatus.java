package dev.goenvdoctor.probe.shell;

/** A simulated exit status: success, failure, or not knowable without running something. */
enum StaticShellStatus {
  TRUE, FALSE, UNKNOWN;

  static StaticShellStatus of(boolean b) {
    return b ? TRUE : FALSE;
  }

  StaticShellStatus not() {
    return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
  }

  StaticShellStatus and(StaticShellStatus other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
  }

  StaticShellStatus or(StaticShellStatus other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
  }
}
