package dev.goenvdoctor.probe.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.testing.TestTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessExecutorTest {
  private static final Map<String, String> PLAIN_ENV = Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C");
  private static final List<String> SLEEP_ARGUMENTS = List.of("6061", "6062", "6063", "6065", "6066", "6067", "6069", "7073", "7074", "7075");

  @TempDir Path dir;
  private final ProcessExecutor executor = new ProcessExecutor();

  @BeforeEach
  void requireTools() {
    TestTools.systemFile("/usr/bin/setsid");
    TestTools.systemFile("/usr/bin/bash");
    assertTrue(executor.isolatesProcessGroups());
  }

  @AfterEach
  void killLeftovers() {
    SLEEP_ARGUMENTS.forEach(LeftoverProcesses::killAllWithArgument);
  }

  private ExecResult sh(String script, Duration timeout) throws InterruptedException {
    return executor.run(ExecRequest.of(List.of("/bin/sh", "-c", script), PLAIN_ENV, dir.toString(), timeout));
  }

  private static String out(ExecResult result) {
    return new String(result.stdout(), StandardCharsets.UTF_8);
  }

  @Test
  void childLeadsItsOwnSessionAndGroupAndIsOurDirectChild() throws Exception {
    // Fields 1, 4, 5, 6 of /proc/PID/stat: pid, ppid, process group, session.
    ExecResult result = sh("read -r pid comm state ppid pgrp sid rest < /proc/$$/stat; echo \"$pid $ppid $pgrp $sid\"", Duration.ofSeconds(5));

    assertTrue(result.succeeded(), result.toString());
    String[] ids = out(result).trim().split(" ");
    assertEquals(ids[0], ids[2], "the child is its group's leader");
    assertEquals(ids[0], ids[3], "the child is its session's leader");
    // setsid exec'd in place (no fork): the shell's parent is this JVM, so Process.pid() is the group id.
    assertEquals(String.valueOf(ProcessHandle.current().pid()), ids[1]);
  }

  @Test
  void environmentIsExactlyTheRequestedOne() throws Exception {
    Map<String, String> env = Map.of("ONLY_THIS", "one value", "MULTI", "a\nb");
    ExecResult result = executor.run(ExecRequest.of(List.of("/usr/bin/env", "-0"), env, dir.toString(), Duration.ofSeconds(5)));

    assertTrue(result.succeeded(), result.toString());
    List<String> entries = Arrays.stream(out(result).split("\0")).sorted().collect(Collectors.toList());
    assertEquals(List.of("MULTI=a\nb", "ONLY_THIS=one value"), entries);
  }

  @Test
  void workingDirectoryAndEmptyStdin() throws Exception {
    // cat would wait forever on an inherited stdin (surefire's is a pipe that stays open).
    ExecResult result = sh("pwd; cat; echo end", Duration.ofSeconds(5));

    assertTrue(result.succeeded(), result.toString());
    assertEquals(dir.toRealPath() + "\nend\n", out(result));
    assertTrue(result.elapsed().compareTo(Duration.ofSeconds(2)) < 0, result.elapsed().toString());
  }

  @Test
  void exitCodeAndStderrAreReported() throws Exception {
    ExecResult result = sh("echo oops >&2; exit 3", Duration.ofSeconds(5));

    assertEquals(3, result.exitCode());
    assertEquals("oops\n", result.stderr());
    assertFalse(result.succeeded());
    assertTrue(result.startError().isEmpty());
  }

  @Test
  void timeoutKillsTheWholeGroupEvenWhenSigtermIsIgnored() throws Exception {
    long start = System.nanoTime();
    ExecResult result = executor.run(ExecRequest.of(
        List.of("/usr/bin/bash", "-c", "trap '' TERM; sleep 6062 & sleep 6063; wait"), PLAIN_ENV, dir.toString(), Duration.ofSeconds(1)));
    Duration wall = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(result.timedOut());
    assertEquals(-1, result.exitCode());
    assertTrue(wall.compareTo(Duration.ofSeconds(2)) < 0, "took " + wall);
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("6062"));
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("6063"));
  }

  @Test
  void backgroundChildHoldingStdoutIsKilledWhenTheMainProcessExits() throws Exception {
    long start = System.nanoTime();
    ExecResult result = sh("sleep 7073 & echo done", Duration.ofSeconds(10));
    Duration wall = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(result.succeeded(), result.toString());
    assertEquals("done\n", out(result));
    assertTrue(wall.compareTo(Duration.ofSeconds(1)) < 0, "took " + wall);
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("7073"));
  }

  @Test
  void childThatLeftTheSessionCannotBlockTheCall() throws Exception {
    // It keeps our stdout pipe open for 7074 s and is out of reach of the group kill. The pause lets our
    // reader block in read() before the shell exits, the case where only giving up on the pipe helps.
    long start = System.nanoTime();
    ExecResult result = sh("setsid sleep 7074 & echo done; sleep 0.2", Duration.ofSeconds(10));
    Duration wall = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(result.succeeded(), result.toString());
    assertEquals("done\n", out(result));
    assertTrue(wall.compareTo(Duration.ofMillis(1500)) < 0, "took " + wall);
  }

  @Test
  void worstCaseStaysWithinTimeoutPlusOneSecondAndKeepsWhatWasPrinted() throws Exception {
    // Ignores SIGTERM, hangs, and a process outside the session holds both pipes.
    long start = System.nanoTime();
    ExecResult result = executor.run(ExecRequest.of(
        List.of("/usr/bin/bash", "-c", "setsid sleep 7075 & echo partial; trap '' TERM; sleep 6069"),
        PLAIN_ENV, dir.toString(), Duration.ofSeconds(1)));
    Duration wall = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(result.timedOut());
    assertEquals("partial\n", out(result));
    assertTrue(wall.compareTo(Duration.ofSeconds(2)) < 0, "took " + wall);
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("6069"));
  }

  @Test
  void headCaptureKeepsTheStartAndTailCaptureTheEnd() throws Exception {
    byte[] full = IntStream.rangeClosed(1, 200_000).mapToObj(i -> i + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.US_ASCII);
    List<String> seq = List.of("/usr/bin/seq", "1", "200000");

    ExecResult head = executor.run(new ExecRequest(seq, PLAIN_ENV, dir.toString(), Duration.ofSeconds(10), 1000, false));
    ExecResult tail = executor.run(new ExecRequest(seq, PLAIN_ENV, dir.toString(), Duration.ofSeconds(10), 1000, true));

    assertTrue(head.succeeded() && tail.succeeded());
    assertTrue(head.stdoutTruncated() && tail.stdoutTruncated());
    assertArrayEquals(Arrays.copyOfRange(full, 0, 1000), head.stdout());
    assertArrayEquals(Arrays.copyOfRange(full, full.length - 1000, full.length), tail.stdout());
  }

  @Test
  void smallOutputIsNotTruncated() throws Exception {
    ExecResult result = executor.run(new ExecRequest(List.of("/usr/bin/printf", "abc"), PLAIN_ENV, dir.toString(), Duration.ofSeconds(5), 3, true));

    assertEquals("abc", out(result));
    assertFalse(result.stdoutTruncated());
  }

  @Test
  void stderrFloodKeepsItsHeadAndDoesNotBlockTheChild() throws Exception {
    ExecResult result = sh("head -c 5000000 /dev/zero | tr '\\0' e >&2; echo finished", Duration.ofSeconds(10));

    assertTrue(result.succeeded(), result.toString());
    assertEquals("finished\n", out(result));
    assertEquals(ProcessExecutor.MAX_STDERR_BYTES, result.stderr().length());
  }

  @Test
  void missingOrForbiddenProgramsAreStartErrorsWithTheOsMessage() throws Exception {
    Path notExecutable = Files.writeString(dir.resolve("script"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-r--r--"));
    String javaSays = javaStartError("/nonexistent/bin/go");

    ExecResult missing = run("/nonexistent/bin/go");
    ExecResult forbidden = run(notExecutable.toString());
    ExecResult notOnPath = run("no-such-program-anywhere");
    ExecResult badDirectory = executor.run(ExecRequest.of(List.of("/bin/true"), PLAIN_ENV, dir.resolve("gone").toString(), Duration.ofSeconds(5)));

    assertEquals(Optional.of("/nonexistent/bin/go: No such file or directory"), missing.startError());
    assertTrue(javaSays.endsWith("No such file or directory"), "the OS says: " + javaSays);
    assertEquals(-1, missing.exitCode());
    assertEquals(Optional.of(notExecutable + ": Permission denied"), forbidden.startError());
    assertTrue(notOnPath.startError().orElseThrow().startsWith("no-such-program-anywhere: No such file or directory"));
    assertTrue(badDirectory.startError().orElseThrow().contains("gone: No such file or directory"));
  }

  @Test
  void scriptWithAMissingInterpreterIsAStartErrorToo() throws Exception {
    // The file exists and is executable, so only exec itself can tell: ENOENT for the interpreter.
    Path script = Files.writeString(dir.resolve("uses-missing-interpreter"), "#!/nonexistent/interpreter\necho hi\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

    ExecResult result = run(script.toString());

    assertEquals(-1, result.exitCode());
    assertEquals(Optional.of("failed to execute " + script + ": No such file or directory"), result.startError());
  }

  @Test
  void bareProgramNamesAreFoundOnTheRequestsPathNotOurs() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path tool = Files.writeString(bin.resolve("only-here"), "#!/bin/sh\necho found me\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

    ExecResult result = executor.run(ExecRequest.of(List.of("only-here"), Map.of("PATH", bin.toString()), dir.toString(), Duration.ofSeconds(5)));

    assertEquals("found me\n", out(result), result.toString());
  }

  @Test
  void invalidEnvironmentIsAStartErrorNotAnException() throws Exception {
    Map<String, String> env = new LinkedHashMap<>(PLAIN_ENV);
    env.put("BAD=NAME", "x");

    ExecResult result = executor.run(ExecRequest.of(List.of("/bin/true"), env, dir.toString(), Duration.ofSeconds(5)));

    assertTrue(result.startError().isPresent());
  }

  @Test
  void interruptKillsTheGroupAndPropagates() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        sh("sleep 6065 & wait", Duration.ofSeconds(30));
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
    caller.start();
    waitFor(() -> !LeftoverProcesses.withArgument("6065").isEmpty());
    caller.interrupt();
    caller.join(2000);

    assertFalse(caller.isAlive());
    assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("6065"));
  }

  @Test
  void withoutSetsidTheTimeoutStillKillsTheChildAndItsLiveDescendants() throws Exception {
    ProcessExecutor fallback = new ProcessExecutor(Optional.empty());
    long start = System.nanoTime();
    ExecResult result = fallback.run(ExecRequest.of(
        List.of("/usr/bin/bash", "-c", "trap '' TERM; sleep 6066 & sleep 6067; wait"), PLAIN_ENV, dir.toString(), Duration.ofSeconds(1)));
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    ExecResult env = fallback.run(ExecRequest.of(List.of("/usr/bin/env"), Map.of("ONLY", "1"), dir.toString(), Duration.ofSeconds(5)));

    assertFalse(fallback.isolatesProcessGroups());
    assertTrue(result.timedOut());
    assertTrue(wall.compareTo(Duration.ofSeconds(2)) < 0, "took " + wall);
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("6066"));
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("6067"));
    assertEquals("ONLY=1\n", out(env));
  }

  @Test
  void parallelCallersGetTheirOwnResults() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ExecResult>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String word = "run" + i;
        futures.add(pool.submit(() -> sh("sleep 0.1; echo " + word, Duration.ofSeconds(10))));
      }
      for (int i = 0; i < 16; i++) {
        assertEquals("run" + i + "\n", out(futures.get(i).get()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void countingExecutorCountsAndRecordsRequests() throws Exception {
    CountingExecutor counting = new CountingExecutor(executor);
    ExecRequest first = ExecRequest.of(List.of("/bin/true"), PLAIN_ENV, dir.toString(), Duration.ofSeconds(5));
    ExecRequest second = ExecRequest.of(List.of("/bin/false"), PLAIN_ENV, dir.toString(), Duration.ofSeconds(5));

    assertTrue(counting.run(first).succeeded());
    assertEquals(1, counting.run(second).exitCode());

    assertEquals(2, counting.count());
    assertEquals(List.of(first, second), counting.requests());
  }

  @Test
  void refusingExecutorStartsNothing() throws Exception {
    ExecResult result = new RefusingExecutor().run(ExecRequest.of(List.of("/bin/sh", "-c", "sleep 6061"), PLAIN_ENV, "/", Duration.ofSeconds(5)));

    assertEquals(Optional.of(RefusingExecutor.REASON), result.startError());
    assertFalse(result.succeeded());
    assertEquals(List.of(), LeftoverProcesses.withArgument("6061"));
  }

  private ExecResult run(String program) throws InterruptedException {
    return executor.run(ExecRequest.of(List.of(program), PLAIN_ENV, dir.toString(), Duration.ofSeconds(5)));
  }

  private static String javaStartError(String program) {
    try {
      new ProcessBuilder(program).start().destroyForcibly();
      return "started";
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not reached in 5 s");
      Thread.sleep(20);
    }
  }
}
