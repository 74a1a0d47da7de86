package dev.goenvdoctor.probe.shell;

/** What happened to one startup file in a simulated shell start. */
public enum StartupFileStatus {
  /** Read and simulated (possibly only up to an early {@code return}; see the notes). */
  READ,
  /** A tool's activation script whose known effect was applied instead of reading it line by line. */
  MODELLED,
  /** Exists, but the shell skips it because an earlier candidate exists (bash's profile chain). */
  SHADOWED,
  /** Exists, but this shell mode does not read it and no other file sourced it. */
  NOT_READ,
  /** Named by a source line or a startup rule, but absent. */
  MISSING,
  /** Larger than the 1 MiB we read; skipped. */
  TOO_BIG,
  /** Exists but could not be read (permissions, not a regular file). */
  UNREADABLE,
  /** Sourced again while it was still being read; skipped to stop the loop. */
  CYCLE,
  /** Sourced deeper than 10 levels; skipped. */
  TOO_DEEP
}
