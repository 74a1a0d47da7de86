package dev.goenvdoctor.probe.shell;

import java.time.Duration;
import java.util.Map;

/**
 * One shell start to probe: the user's login shell (absolute path), the mode, the environment the shell
 * starts from (usually {@link SessionEnvironment#from}), the user's home directory (the working
 * directory and {@code HOME} of the shell; never the workspace) and the timeout.
 */
public record ShellEnvRequest(
    String shellPath, ShellMode mode, Map<String, String> baseEnvironment, String home, Duration timeout) {

  /** What VS Code waits by default for its own shell environment resolution. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public ShellEnvRequest {
    baseEnvironment = baseEnvironment == null ? Map.of() : Map.copyOf(baseEnvironment);
    timeout = timeout == null || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
    if (mode == null) {
      throw new IllegalArgumentException("mode is required");
    }
  }

  /** Returns a request with the default timeout of 10 s. */
  public static ShellEnvRequest of(String shellPath, ShellMode mode, Map<String, String> baseEnvironment, String home) {
    return new ShellEnvRequest(shellPath, mode, baseEnvironment, home, DEFAULT_TIMEOUT);
  }

  /** Returns the kind of shell named by {@link #shellPath()}. */
  public ShellKind kind() {
    return ShellKind.fromPath(shellPath);
  }
}
