package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.exec.LeftoverProcesses;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of hostile startup files, run through the real bash, zsh, dash and fish: each probe ends within its
 * timeout + 1 s, gives the status and message a user needs, and leaves no process behind (every process whose
 * environment holds the test's own HOME is counted, so a busy loop with no telling argument is found too).
 */
class ShellProbeBoundedOnHostileStartupFilesTest {
  private static final Duration HANG_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(4);
  private static final String HEX = "0123456789abcdef0123456789abcdef";

  @TempDir Path dir;

  @AfterEach
  void killLeftovers() {
    LeftoverProcesses.killAllWithEnvironmentEntry("HOME=" + dir);
    for (int i = 0; i < SHELLS.size() * HOSTILE.size(); i++) {
      LeftoverProcesses.killAllWithEnvironmentEntry("HOME=" + dir.resolve("home-" + i));
    }
  }

  /** A shell, the startup file it reads in the mode used, and the mode. */
  record Shell(String path, String startupFile, ShellMode mode) {
    String name() {
      return path.substring(path.lastIndexOf('/') + 1) + (mode.interactive() ? " -i -l" : " -l");
    }

    boolean fish() {
      return path.endsWith("fish");
    }
  }

  private static final List<Shell> SHELLS = List.of(
      new Shell("/usr/bin/bash", ".profile", ShellMode.LOGIN),
      new Shell("/usr/bin/bash", ".bashrc", ShellMode.TERMINAL), // reached through the skel .profile below
      new Shell("/usr/bin/zsh", ".zshenv", ShellMode.LOGIN),
      new Shell("/usr/bin/zsh", ".zshrc", ShellMode.TERMINAL),
      new Shell("/usr/bin/dash", ".profile", ShellMode.LOGIN),
      new Shell("/usr/bin/fish", ".config/fish/config.fish", ShellMode.LOGIN));

  enum Outcome { ENVIRONMENT, TIMED_OUT, ENDED_EARLY }

  /** One hostile startup file: its text for POSIX shells and for fish, and what the probe must report. */
  record Hostile(String name, String posix, String fish, Outcome outcome, boolean terminalToo) {
    Hostile(String name, String posix, String fish, Outcome outcome) {
      this(name, posix, fish, outcome, true);
    }

    Outcome outcome(Shell shell) {
      // fish: exit in config.fish ends that file, not the shell (it is sourced); the lines after it do not run
      return shell.fish() && name.startsWith("exits") ? Outcome.ENVIRONMENT : outcome;
    }
  }

  private static final String TEN_THOUSAND_POSIX =
      "i=0; while [ $i -lt 10000 ]; do export \"GEN_VAR_$i=value $i\"; i=$((i+1)); done\n";
  private static final String TEN_THOUSAND_FISH = "for i in (seq 0 9999); set -gx GEN_VAR_$i \"value $i\"; end\n";

  private static final List<Hostile> HOSTILE = List.of(
      new Hostile("sleeps", "sleep 1000\n", "sleep 1000\n", Outcome.TIMED_OUT),
      new Hostile("spins", "while :; do :; done\n", "while true; end\n", Outcome.TIMED_OUT),
      new Hostile("prints 100 MB", "head -c 100000000 /dev/zero | tr '\\0' x\necho\n",
          "head -c 100000000 /dev/zero | tr '\\0' x\necho\n", Outcome.ENVIRONMENT, false),
      new Hostile("reads stdin", "read -r first\ncat\n", "read first\ncat\n", Outcome.ENVIRONMENT),
      new Hostile("execs another shell", "exec /usr/bin/dash\n", "exec /usr/bin/dash\n", Outcome.ENDED_EARLY),
      new Hostile("prints fake markers and its own command line",
          "printf '%s\\0FORGED=1\\0%s\\n' " + HEX + " " + HEX + "\nps -o args= -p $$\nprintf '%s' \"$0 $*\"\n",
          "printf '%s\\0FORGED=1\\0%s\\n' " + HEX + " " + HEX + "\nps -o args= -p $fish_pid\n", Outcome.ENVIRONMENT),
      new Hostile("leaves a child holding stdout", "sleep 1000 &\n", "sleep 1000 &\n", Outcome.ENVIRONMENT),
      new Hostile("exits 1", "exit 1\n", "exit 1\n", Outcome.ENDED_EARLY),
      new Hostile("exports 10,000 variables", TEN_THOUSAND_POSIX, TEN_THOUSAND_FISH, Outcome.ENVIRONMENT, false));

  private static List<Arguments> rows(boolean hanging) {
    List<Arguments> all = new ArrayList<>();
    for (Shell shell : SHELLS) {
      for (Hostile hostile : HOSTILE) {
        if ((hostile.outcome() == Outcome.TIMED_OUT) == hanging && (hostile.terminalToo() || !shell.mode().interactive())) {
          all.add(Arguments.of(shell.name() + " with a " + shell.startupFile() + " that " + hostile.name(), shell, hostile));
        }
      }
    }
    return all;
  }

  static Stream<Arguments> cases() {
    return rows(false).stream();
  }

  /**
   * The rows that hang, all at once (each waits for its timeout, so one after the other would take seconds): every
   * probe must still end within its timeout + 1 s.
   */
  @Test
  void startupFilesThatHangOrSpinEndAtTheTimeoutInEveryShell() throws Exception {
    List<Arguments> rows = rows(true);
    ExecutorService pool = Executors.newFixedThreadPool(rows.size());
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (Arguments row : rows) {
        Object[] a = row.get();
        Path home = Files.createDirectories(dir.resolve("home-" + runs.size()));
        runs.add(pool.submit(() -> {
          check((String) a[0], (Shell) a[1], (Hostile) a[2], home);
          return null;
        }));
      }
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        try {
          runs.get(i).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          failures.add(rows.get(i).get()[0] + ": " + e.getCause().getMessage());
        }
      }
      assertEquals(List.of(), failures);
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theProbeEndsInTimeSaysWhatHappenedAndLeavesNoProcess(String title, Shell shell, Hostile hostile) throws Exception {
    check(title, shell, hostile, dir);
  }

  private static void check(String title, Shell shell, Hostile hostile, Path dir) throws Exception {
    TestTools.systemFile(shell.path());
    ShellEnvTestHome home = new ShellEnvTestHome(dir);
    String setMarker = shell.fish() ? "set -gx AFTER_IT 1\n" : "export AFTER_IT=1\n";
    if (shell.startupFile().equals(".bashrc")) {
      home.write(".profile", "if [ -f \"$HOME/.bashrc\" ]; then . \"$HOME/.bashrc\"; fi\n");
    }
    home.write(shell.startupFile(), (shell.fish() ? hostile.fish() : hostile.posix()) + setMarker);
    Duration timeout = hostile.outcome() == Outcome.TIMED_OUT ? HANG_TIMEOUT : TIMEOUT;
    Map<String, String> base = home.session(shell.path());

    long start = System.nanoTime();
    ShellEnvResult r = new ShellEnvProbe(new ProcessExecutor())
        .probe(new ShellEnvRequest(shell.path(), shell.mode(), base, dir.toString(), timeout));
    Duration wall = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(wall.compareTo(timeout.plusSeconds(1)) < 0, "took " + wall + " with a timeout of " + timeout);
    assertEquals(List.of(), LeftoverProcesses.survivorsWithEnvironmentEntry("HOME=" + dir), "processes left behind");
    switch (hostile.outcome(shell)) {
      case ENVIRONMENT -> {
        assertEquals(ShellEnvStatus.OK, r.status(), r.message());
        assertEquals(hostile.outcome() == Outcome.ENVIRONMENT ? "1" : null, r.environment().get("AFTER_IT"),
            "the lines after it ran (unless the file ended itself)");
        assertFalse(r.environment().containsKey("FORGED"));
        if (hostile.name().startsWith("exports")) {
          for (int i = 0; i < 10_000; i += 997) {
            assertEquals("value " + i, r.environment().get("GEN_VAR_" + i));
          }
          assertEquals("value 9999", r.environment().get("GEN_VAR_9999"));
        }
      }
      case TIMED_OUT -> {
        assertEquals(ShellEnvStatus.TIMED_OUT, r.status());
        assertEquals(-1, r.exitCode());
        assertTrue(r.message().startsWith(shell.name() + " did not finish within 1 s: a startup file is waiting for something"),
            r.message());
        assertTrue(r.environment().isEmpty());
      }
      case ENDED_EARLY -> {
        assertEquals(ShellEnvStatus.NO_ENVIRONMENT_PRINTED, r.status(), r.message());
        int code = hostile.name().startsWith("exits") ? 1 : 0;
        assertEquals(shell.name() + " exited with code " + code + " before printing its environment: a startup file ended"
            + " the shell early (an exit, or an exec of another shell or program). Check "
            + ShellEnvMessages.startupFiles(ShellKind.fromPath(shell.path()), shell.mode()) + ".", r.message());
      }
    }
  }
}
