package dev.goenvdoctor.probe;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One process to run: argument array (argv[0] is the program), the COMPLETE environment (nothing is
 * inherited), the working directory (a host path), a timeout after which the whole process group is
 * killed, and how many bytes of stdout to keep. Stdin is always empty (/dev/null).
 *
 * <p>{@code keepTail}: when stdout is larger than {@code maxStdoutBytes}, keep its END rather than its
 * start (a shell probe prints startup noise first and the environment last).
 */
public record ExecRequest(
    List<String> command,
    Map<String, String> environment,
    String workingDirectory,
    Duration timeout,
    int maxStdoutBytes,
    boolean keepTail) {

  public static final int DEFAULT_MAX_STDOUT = 8 * 1024 * 1024;

  public ExecRequest {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
  }

  public static ExecRequest of(List<String> command, Map<String, String> environment, String workingDirectory, Duration timeout) {
    return new ExecRequest(command, environment, workingDirectory, timeout, DEFAULT_MAX_STDOUT, false);
  }
}
