package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.Executor;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Learns the {@code login} and {@code terminal} layers by running the user's real shell: {@code <shell>
 * -l -c <script>} (what a desktop session builds) or {@code <shell> -i -l -c <script>} (what a terminal
 * and VS Code's shell resolution see), the script printing {@code env -0} between random markers.
 *
 * <p>The shell runs with the given base environment plus {@code HOME} and {@value #PROBE_VARIABLE}=1 (so
 * startup files can tell a probe from a user), in HOME (never the workspace), with no stdin and no
 * terminal, in its own process group that is killed at the timeout and again after the shell exits.
 * Every failure becomes a {@link ShellEnvResult} with a message; only interruption throws.
 *
 * <p>Thread-safe and stateless per call: the caller may probe LOGIN and TERMINAL in parallel.
 */
public final class ShellEnvProbe {
  /** Set to {@code 1} in the probed shell, so startup files can skip slow or noisy parts. */
  public static final String PROBE_VARIABLE = "GO_ENV_DOCTOR_PROBE";

  private final Executor executor;
  private final String envProgram;

  /** A probe that starts shells through {@code executor}. */
  public ShellEnvProbe(Executor executor) {
    this.executor = executor;
    this.envProgram = ShellEnvScript.envProgram();
  }

  /**
   * Runs the shell once and returns the environment it built, or a status and message saying why
   * there is none. Throws only InterruptedException (after the shell's group was killed).
   */
  public ShellEnvResult probe(ShellEnvRequest request) throws InterruptedException {
    String shellPath = request.shellPath() == null ? "" : request.shellPath();
    ShellKind kind = ShellKind.fromPath(shellPath);
    ShellMode mode = request.mode();
    Optional<String> badShell = badShell(shellPath);
    if (badShell.isPresent()) {
      return result(request, kind, ShellEnvStatus.FAILED_TO_START, Map.of(), Duration.ZERO, -1,
          ShellEnvMessages.failedToStart(shellPath, mode, badShell.get()), "");
    }
    Optional<String> badHome = badHome(request.home());
    if (badHome.isPresent()) {
      return result(request, kind, ShellEnvStatus.FAILED_TO_START, Map.of(), Duration.ZERO, -1,
          ShellEnvMessages.notRun(shellPath, mode, badHome.get()), "");
    }
    ShellEnvScript script = ShellEnvScript.fresh(envProgram);
    Map<String, String> environment = new HashMap<>(request.baseEnvironment());
    environment.put("HOME", request.home());
    environment.put(PROBE_VARIABLE, "1");
    ExecRequest exec = new ExecRequest(script.command(shellPath, mode), environment, request.home(), request.timeout(),
        ExecRequest.DEFAULT_MAX_STDOUT, true);
    ExecResult ran = executor.run(exec);
    return interpret(request, kind, script, ran, exec.maxStdoutBytes());
  }

  private static Optional<String> badShell(String shellPath) {
    if (shellPath.isBlank()) {
      return Optional.of("no login shell is known: $SHELL is empty");
    }
    if (!shellPath.startsWith("/")) {
      return Optional.of("the shell path " + shellPath + " is not absolute");
    }
    return Optional.empty();
  }

  /** The shell runs in HOME, so it must be an existing directory (on this machine: we run a real shell). */
  private static Optional<String> badHome(String home) {
    if (home == null || !home.startsWith("/")) {
      return Optional.of("not run: HOME is not an absolute path (" + home + ")");
    }
    try {
      if (!Files.isDirectory(Path.of(home))) {
        return Optional.of("not run: the HOME directory " + home + " does not exist");
      }
    } catch (InvalidPathException e) {
      return Optional.of("not run: HOME is not a valid path (" + home + ")");
    }
    return Optional.empty();
  }

  private static ShellEnvResult interpret(
      ShellEnvRequest request, ShellKind kind, ShellEnvScript script, ExecResult ran, int keptBytes) {
    String shellPath = request.shellPath();
    ShellMode mode = request.mode();
    String stderr = ShellEnvMessages.stderrExcerpt(ran.stderr());
    if (ran.startError().isPresent()) {
      String reason = ran.startError().get();
      String message = reason.startsWith("not run")
          ? ShellEnvMessages.notRun(shellPath, mode, reason) // zero-exec mode: nothing is wrong with the shell
          : ShellEnvMessages.failedToStart(shellPath, mode, reason);
      return result(request, kind, ShellEnvStatus.FAILED_TO_START, Map.of(), ran.elapsed(), -1, message, stderr);
    }
    Optional<Map<String, String>> environment = ShellEnvOutput.environment(ran.stdout(), script.startMarker(), script.endMarker());
    if (environment.isPresent() && !environment.get().isEmpty()) {
      String note = ran.timedOut() ? ShellEnvMessages.printedButDidNotExit(shellPath, mode, request.timeout()) : "";
      return result(request, kind, ShellEnvStatus.OK, environment.get(), ran.elapsed(), ran.exitCode(), note, stderr);
    }
    ShellEnvStatus status;
    String message;
    if (ran.timedOut()) {
      status = ShellEnvStatus.TIMED_OUT;
      message = ShellEnvMessages.timedOut(shellPath, kind, mode, request.timeout());
    } else if (ran.stdoutTruncated() && ShellEnvOutput.markers(ran.stdout(), script.startMarker(), script.endMarker())
        != ShellEnvOutput.Markers.BOTH) {
      status = ShellEnvStatus.TRUNCATED;
      message = ShellEnvMessages.truncated(shellPath, kind, mode, keptBytes);
    } else if (ShellEnvOutput.markers(ran.stdout(), script.startMarker(), script.endMarker()) == ShellEnvOutput.Markers.NONE) {
      status = ShellEnvStatus.NO_ENVIRONMENT_PRINTED;
      message = ShellEnvMessages.noEnvironment(shellPath, kind, mode, ran.exitCode());
    } else {
      status = ShellEnvStatus.NO_ENVIRONMENT_PRINTED;
      message = ShellEnvMessages.stoppedWhilePrinting(shellPath, kind, mode, ran.exitCode());
    }
    return result(request, kind, status, Map.of(), ran.elapsed(), ran.exitCode(), message, stderr);
  }

  private static ShellEnvResult result(ShellEnvRequest request, ShellKind kind, ShellEnvStatus status,
      Map<String, String> environment, Duration elapsed, int exitCode, String message, String stderr) {
    return new ShellEnvResult(String.valueOf(request.shellPath()), kind, request.mode(), status, environment, elapsed,
        exitCode, message, stderr);
  }
}
