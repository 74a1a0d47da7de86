package dev.goenvdoctor.probe.shell;

/** How a shell environment probe ended. Only {@code OK} carries an environment. */
public enum ShellEnvStatus {
  /** The shell printed its whole environment. */
  OK,
  /** The shell did not print its environment within the timeout and was killed with its group. */
  TIMED_OUT,
  /** The shell could not be started (missing, not executable, no HOME directory). */
  FAILED_TO_START,
  /** The shell exited without printing its environment (a startup file ran {@code exit} or {@code exec}). */
  NO_ENVIRONMENT_PRINTED,
  /** The shell printed so much that the environment did not fit in what we keep. */
  TRUNCATED
}
