package dev.goenvdoctor.probe.exec;

import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.Executor;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@link Executor}: starts the argument array with exactly the request's environment, the
 * request's working directory and stdin from /dev/null, in a new session through util-linux
 * {@code setsid} so the whole process group can be killed.
 *
 * <p>Guarantees, for any child however hostile: the call returns within the timeout plus one second;
 * on timeout, and again after the child exits, everything left in its group and session is killed
 * with SIGKILL (background jobs of startup files do not survive); a pipe held open by a process that
 * escaped is abandoned after a short grace instead of waited for; a failing child becomes an
 * {@link ExecResult}, never an exception. Thread-safe: one instance serves parallel callers.
 *
 * <p>Without {@code setsid} (not installed) the child runs directly: the timeout still kills it and its
 * live descendants, but orphans of an exited child can no longer be found (weaker, documented).
 */
public final class ProcessExecutor implements Executor {
  /** How much stderr is kept, from its start: enough for messages, bounded against floods. */
  static final int MAX_STDERR_BYTES = 64 * 1024;
  /** After a SIGKILL, how long to wait for the main process to be reaped. */
  private static final long KILL_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(400);
  /** After the main process is gone, how long to wait for the pipes to reach end of stream. */
  private static final long PIPE_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  private static final List<Path> SETSID_LOCATIONS = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
  private static final Pattern JAVA_ERRNO_PREFIX = Pattern.compile("error=\\d+, (.*)$");
  private static final AtomicLong THREAD_IDS = new AtomicLong();

  private final Optional<Path> setsid;

  /** An executor that starts children through {@code setsid} when it is installed. */
  public ProcessExecutor() {
    this(findSetsid());
  }

  /** For tests of the no-setsid fallback. */
  ProcessExecutor(Optional<Path> setsid) {
    this.setsid = setsid;
  }

  /** True when children get their own session and process group (setsid found). */
  public boolean isolatesProcessGroups() {
    return setsid.isPresent();
  }

  /**
   * Runs the request and returns what the process did; the start error when it could not start.
   * Throws only InterruptedException, after killing the child's group.
   */
  @Override
  public ExecResult run(ExecRequest request) throws InterruptedException {
    Objects.requireNonNull(request.timeout(), "timeout");
    long startNanos = System.nanoTime();
    Optional<String> launchProblem =
        LaunchCheck.problem(request.command().get(0), request.environment(), String.valueOf(request.workingDirectory()));
    if (launchProblem.isPresent()) {
      return notStarted(launchProblem.get(), startNanos);
    }
    Process process;
    try {
      process = processBuilder(request).start();
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
      // IllegalArgumentException: a variable name with '=' or a NUL byte somewhere; IOException: fork/exec failed.
      return notStarted(request.command().get(0) + ": " + osMessage(e), startNanos);
    }
    return supervise(process, request, startNanos);
  }

  private ProcessBuilder processBuilder(ExecRequest request) {
    List<String> command = new ArrayList<>();
    setsid.ifPresent(path -> {
      command.add(path.toString());
      command.add("--wait"); // only matters if setsid had to fork: then it still reports the exit status
      command.add("--"); // a program name starting with '-' is not an option of setsid
    });
    command.addAll(request.command());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.clear(); // nothing of ours leaks into the child
    environment.putAll(request.environment());
    builder.directory(new File(request.workingDirectory()));
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    return builder;
  }

  private ExecResult supervise(Process process, ExecRequest request, long startNanos) throws InterruptedException {
    long id = THREAD_IDS.incrementAndGet();
    BoundedCapture stdoutCapture =
        request.keepTail() ? BoundedCapture.tail(request.maxStdoutBytes()) : BoundedCapture.head(request.maxStdoutBytes());
    StreamDrain stdout = StreamDrain.start(process.getInputStream(), stdoutCapture, "exec-stdout-" + id);
    StreamDrain stderr = StreamDrain.start(process.getErrorStream(), BoundedCapture.head(MAX_STDERR_BYTES), "exec-stderr-" + id);
    boolean timedOut = false;
    try {
      long remaining = startNanos + request.timeout().toNanos() - System.nanoTime();
      if (!process.waitFor(Math.max(0, remaining), TimeUnit.NANOSECONDS)) {
        timedOut = true;
        killAll(process);
        process.waitFor(KILL_GRACE_NANOS, TimeUnit.NANOSECONDS);
      }
      killAll(process); // background children must not outlive the main process
      long pipeDeadline = System.nanoTime() + PIPE_GRACE_NANOS;
      stdout.awaitEnd(pipeDeadline);
      stderr.awaitEnd(pipeDeadline);
    } catch (InterruptedException e) {
      killAll(process);
      throw e;
    } finally {
      stdout.close();
      stderr.close();
    }
    boolean exited = !process.isAlive();
    int exitCode = timedOut || !exited ? -1 : process.exitValue();
    String stderrText = new String(stderr.capture().bytes(), StandardCharsets.UTF_8);
    Optional<String> setsidFailure = setsidExecFailure(request.command().get(0), exitCode, stderrText);
    if (setsidFailure.isPresent()) {
      return notStarted(setsidFailure.get(), startNanos);
    }
    return new ExecResult(
        exitCode,
        stdout.capture().bytes(),
        stderrText,
        timedOut,
        stdout.capture().truncated(),
        Duration.ofNanos(System.nanoTime() - startNanos),
        Optional.empty());
  }

  private void killAll(Process process) {
    if (setsid.isPresent()) {
      ProcessCleanup.killSession(process);
    } else {
      ProcessCleanup.killTree(process);
    }
  }

  /**
   * When exec failed after the launch check (a race, or a case it cannot see, such as a bad ELF
   * interpreter), setsid says so in one line naming the program and exits 126 or 127: report it as
   * a start error. A program that merely printed something similar has more to say or names another.
   */
  private Optional<String> setsidExecFailure(String program, int exitCode, String stderr) {
    String line = stderr.strip();
    if (setsid.isEmpty() || (exitCode != 126 && exitCode != 127) || !line.startsWith("setsid: ")
        || line.contains("\n") || !line.contains(program)) {
      return Optional.empty();
    }
    return Optional.of(line.substring("setsid: ".length()));
  }

  private static ExecResult notStarted(String reason, long startNanos) {
    return new ExecResult(
        -1, new byte[0], "", false, false, Duration.ofNanos(System.nanoTime() - startNanos), Optional.of(reason));
  }

  /** The OS's words from Java's "Cannot run program ...: error=2, No such file or directory". */
  static String osMessage(Exception e) {
    String message = String.valueOf(e.getMessage());
    Matcher errno = JAVA_ERRNO_PREFIX.matcher(message);
    return errno.find() ? errno.group(1) : message;
  }

  private static Optional<Path> findSetsid() {
    return SETSID_LOCATIONS.stream().filter(Files::isExecutable).findFirst();
  }
}
