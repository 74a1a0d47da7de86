package dev.goenvdoctor.probe;

import java.time.Duration;
import java.util.Optional;

/**
 * What a process did. {@code exitCode} is -1 when it never started or was killed; {@code timedOut}
 * says the timeout fired and the process group was killed; {@code startError} says why it could
 * not start (missing binary, permission). {@code stdoutTruncated}: more was printed than kept.
 * Stderr is kept short (its head), for messages only.
 */
public record ExecResult(
    int exitCode,
    byte[] stdout,
    String stderr,
    boolean timedOut,
    boolean stdoutTruncated,
    Duration elapsed,
    Optional<String> startError) {

  public boolean succeeded() {
    return startError.isEmpty() && !timedOut && exitCode == 0;
  }
}
