package dev.goenvdoctor.probe;

/**
 * Runs one process. Every process go-env-doctor starts goes through this interface, so tests can
 * count or forbid spawns and no probe can build a shell command line by accident: the request
 * carries an argument array, never a string for a shell.
 */
public interface Executor {
  /** Runs the request to completion or timeout. Never throws for a failing or hanging process. */
  ExecResult run(ExecRequest request) throws InterruptedException;
}
