package dev.goenvdoctor.probe.shell;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one shell start produced: the environment the shell ended up with after its startup files
 * (sorted by name; empty unless {@code OK}), how long it took, its exit code (-1 when killed or not
 * started), a message saying what went wrong and what to check, and the start of its stderr (without
 * the no-terminal job-control notices every interactive shell prints here).
 *
 * <p>The message is empty for {@code OK}, except when the shell printed its environment and then hung
 * (an EXIT trap or logout file) until the timeout: the environment is whole, the note says so.
 */
public record ShellEnvResult(
    String shellPath,
    ShellKind shellKind,
    ShellMode mode,
    ShellEnvStatus status,
    Map<String, String> environment,
    Duration elapsed,
    int exitCode,
    String message,
    String stderrExcerpt) {

  public ShellEnvResult {
    environment = Collections.unmodifiableMap(new TreeMap<>(environment));
  }

  /** Returns true when the environment was read whole. */
  public boolean ok() {
    return status == ShellEnvStatus.OK;
  }
}
