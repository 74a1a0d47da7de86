package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.exec.LeftoverProcesses;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup files that hang, flood, read stdin, forge markers, fork, exit or exec: the probe stays bounded. */
class ShellEnvProbeHostileTest {
  private static final String BASH = "/usr/bin/bash";
  private static final String ZSH = "/usr/bin/zsh";
  private static final List<String> SLEEP_ARGUMENTS = List.of("6061", "6064", "6068", "6070", "7071", "7072");
  private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
  private static final String SKEL_PROFILE = "if [ -n \"$BASH_VERSION\" ] && [ -f \"$HOME/.bashrc\" ]; then . \"$HOME/.bashrc\"; fi\n";
  private static final String GUARD = "case $- in *i*) ;; *) return;; esac\n";

  @TempDir Path dir;

  @BeforeEach
  void requireBash() {
    TestTools.systemFile(BASH);
  }

  @AfterEach
  void killLeftovers() {
    SLEEP_ARGUMENTS.forEach(LeftoverProcesses::killAllWithArgument);
  }

  private ShellEnvTestHome home() {
    return new ShellEnvTestHome(dir);
  }

  private ShellEnvResult probe(String shell, ShellMode mode, Duration timeout) throws InterruptedException {
    return new ShellEnvProbe(new ProcessExecutor()).probe(home().request(shell, mode, timeout));
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Test
  void hangingStartupFileTimesOutAndLeavesNoProcess() throws Exception {
    home().write(".profile", "sleep 6061\nexport NEVER=1\n");

    long start = System.nanoTime();
    ShellEnvResult login = probe(BASH, ShellMode.LOGIN, TWO_SECONDS);
    Duration wall = since(start);

    assertEquals(ShellEnvStatus.TIMED_OUT, login.status());
    assertTrue(wall.compareTo(Duration.ofSeconds(3)) < 0, "took " + wall);
    assertTrue(login.environment().isEmpty());
    assertEquals(-1, login.exitCode());
    assertEquals("bash -l did not finish within 2 s: a startup file is waiting for something (read from stdin? a network"
        + " mount? a slow command?). Check /etc/profile and the first of ~/.bash_profile, ~/.bash_login, ~/.profile (and"
        + " the files they source). Startup files can test GO_ENV_DOCTOR_PROBE=1 to skip slow or noisy parts.",
        login.message());
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("6061"));
  }

  @Test
  void hangingInteractiveBashIgnoringSigtermIsStillKilled() throws Exception {
    home().write(".profile", SKEL_PROFILE).write(".bashrc", GUARD + "trap '' TERM\nsleep 6064\n");

    long start = System.nanoTime();
    ShellEnvResult terminal = probe(BASH, ShellMode.TERMINAL, TWO_SECONDS);
    Duration wall = since(start);

    assertEquals(ShellEnvStatus.TIMED_OUT, terminal.status());
    assertTrue(wall.compareTo(Duration.ofSeconds(3)) < 0, "took " + wall);
    assertTrue(terminal.message().contains("(and the files they source, such as ~/.bashrc)"), terminal.message());
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("6064"));
  }

  @Test
  void hangingZshrcNamesTheInteractiveZshFiles() throws Exception {
    TestTools.systemFile(ZSH);
    home().write(".zshrc", "sleep 6068\n");

    long start = System.nanoTime();
    ShellEnvResult terminal = probe(ZSH, ShellMode.TERMINAL, TWO_SECONDS);
    Duration wall = since(start);

    assertEquals(ShellEnvStatus.TIMED_OUT, terminal.status());
    assertTrue(wall.compareTo(Duration.ofSeconds(3)) < 0, "took " + wall);
    assertTrue(terminal.message().startsWith("zsh -i -l did not finish within 2 s: a startup file is waiting for something"),
        terminal.message());
    assertTrue(terminal.message().contains("~/.zshenv, ~/.zprofile, ~/.zshrc and ~/.zlogin"), terminal.message());
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("6068"));
  }

  @Test
  void shellThatHangsAfterPrintingStillGivesItsEnvironmentWithANote() throws Exception {
    // The EXIT trap runs after our script printed the environment.
    home().write(".bash_profile", "export FROM_PROFILE=1\ntrap 'sleep 6070' EXIT\n");

    long start = System.nanoTime();
    ShellEnvResult terminal = probe(BASH, ShellMode.TERMINAL, TWO_SECONDS);
    Duration wall = since(start);

    assertEquals(ShellEnvStatus.OK, terminal.status(), terminal.message());
    assertEquals("1", terminal.environment().get("FROM_PROFILE"));
    assertEquals(-1, terminal.exitCode());
    assertEquals("The environment was read, but bash -i -l did not exit within 2 s after printing it (a logout file or"
        + " an EXIT trap is waiting for something).", terminal.message());
    assertTrue(wall.compareTo(Duration.ofSeconds(3)) < 0, "took " + wall);
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("6070"));
  }

  @Test
  void hundredMegabytesOfNoiseBeforeTheEnvironmentKeepTheTail() throws Exception {
    home().write(".profile", "head -c 100000000 /dev/zero | tr '\\0' x\necho\nexport AFTER_NOISE=1\n");
    ShellEnvTestHome.Recording recording = new ShellEnvTestHome.Recording();

    ShellEnvResult login = new ShellEnvProbe(recording).probe(home().request(BASH, ShellMode.LOGIN, Duration.ofSeconds(60)));

    assertEquals(ShellEnvStatus.OK, login.status(), login.message());
    assertEquals("1", login.environment().get("AFTER_NOISE"));
    ExecResult raw = recording.last.get();
    assertTrue(raw.stdoutTruncated());
    assertEquals(ExecRequest.DEFAULT_MAX_STDOUT, raw.stdout().length, "the tail is kept, at most 8 MiB of it");
  }

  @Test
  void readingStdinGetsEndOfFileAtOnce() throws Exception {
    // With an inherited stdin (surefire's pipe) `cat` would wait until the timeout.
    home().write(".profile", "read -r first_line\ncat\nexport AFTER_READING=1\n");

    ShellEnvResult login = probe(BASH, ShellMode.LOGIN, Duration.ofSeconds(10));

    assertEquals(ShellEnvStatus.OK, login.status(), login.message());
    assertEquals("1", login.environment().get("AFTER_READING"));
    assertTrue(login.elapsed().compareTo(Duration.ofSeconds(3)) < 0, login.elapsed().toString());
  }

  @Test
  void forgedMarkersAndBinaryJunkAreIgnored() throws Exception {
    // Hex tokens of the markers' length, NULs, NAME=VALUE pairs, and no newline before the real output.
    String fake = "0123456789abcdef0123456789abcdef";
    home().write(".profile", String.join("\n",
        "printf '%s\\0FORGED=1\\0%s' " + fake + " fedcba9876543210fedcba9876543210",
        "printf 'START\\0END\\0=\\0NOT_A_VAR\\0%s' " + fake,
        "head -c 4096 /dev/urandom",
        "export REAL=1",
        "printf 'no newline at the end'",
        ""));

    ShellEnvResult login = probe(BASH, ShellMode.LOGIN, Duration.ofSeconds(10));

    assertEquals(ShellEnvStatus.OK, login.status(), login.message());
    assertEquals("1", login.environment().get("REAL"));
    assertFalse(login.environment().containsKey("FORGED"));
    assertFalse(login.environment().containsKey("NOT_A_VAR"));
    assertTrue(login.environment().keySet().stream().allMatch(name -> name.matches("[A-Za-z_][A-Za-z0-9_]*")),
        login.environment().keySet().toString());
  }

  @Test
  void backgroundChildHoldingStdoutDoesNotDelayTheProbeAndIsKilled() throws Exception {
    home().write(".profile", "sleep 7071 &\nexport AFTER_FORK=1\n");

    long start = System.nanoTime();
    ShellEnvResult login = probe(BASH, ShellMode.LOGIN, Duration.ofSeconds(10));
    Duration wall = since(start);

    assertEquals(ShellEnvStatus.OK, login.status(), login.message());
    assertEquals("1", login.environment().get("AFTER_FORK"));
    assertTrue(wall.compareTo(Duration.ofSeconds(2)) < 0, "took " + wall);
    assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument("7071"));
  }

  @Test
  void childThatLeftTheSessionCannotHoldTheProbe() throws Exception {
    home().write(".profile", "setsid sleep 7072 &\nexport AFTER_ESCAPE=1\n");

    long start = System.nanoTime();
    ShellEnvResult login = probe(BASH, ShellMode.LOGIN, Duration.ofSeconds(10));
    Duration wall = since(start);

    assertEquals(ShellEnvStatus.OK, login.status(), login.message());
    assertEquals("1", login.environment().get("AFTER_ESCAPE"));
    assertTrue(wall.compareTo(Duration.ofSeconds(2)) < 0, "took " + wall);
  }

  @Test
  void exitInBashrcBreaksOnlyTheTerminal() throws Exception {
    home().write(".profile", SKEL_PROFILE).write(".bashrc", GUARD + "echo 'bye from bashrc' >&2\nexit 1\n");

    ShellEnvResult login = probe(BASH, ShellMode.LOGIN, Duration.ofSeconds(10));
    ShellEnvResult terminal = probe(BASH, ShellMode.TERMINAL, Duration.ofSeconds(10));

    assertEquals(ShellEnvStatus.OK, login.status(), login.message());
    assertEquals(ShellEnvStatus.NO_ENVIRONMENT_PRINTED, terminal.status());
    assertEquals(1, terminal.exitCode());
    assertTrue(terminal.environment().isEmpty());
    assertEquals("bash -i -l exited with code 1 before printing its environment: a startup file ended the shell early"
        + " (an exit, or an exec of another shell or program). Check /etc/profile and the first of ~/.bash_profile,"
        + " ~/.bash_login, ~/.profile (and the files they source, such as ~/.bashrc).", terminal.message());
    assertEquals("bye from bashrc", terminal.stderrExcerpt());
  }

  @Test
  void execOfAnotherShellInBashrcBreaksOnlyTheTerminal() throws Exception {
    TestTools.systemFile(ZSH);
    home().write(".profile", SKEL_PROFILE).write(".bashrc", GUARD + "exec /usr/bin/zsh\n");

    ShellEnvResult login = probe(BASH, ShellMode.LOGIN, Duration.ofSeconds(10));
    ShellEnvResult terminal = probe(BASH, ShellMode.TERMINAL, Duration.ofSeconds(10));

    assertEquals(ShellEnvStatus.OK, login.status(), login.message());
    assertEquals(ShellEnvStatus.NO_ENVIRONMENT_PRINTED, terminal.status());
    assertTrue(terminal.message().startsWith("bash -i -l exited with code 0 before printing its environment"), terminal.message());
  }

  @Test
  void tenThousandExportedVariablesAreAllRead() throws Exception {
    String exports = IntStream.range(0, 10_000)
        .mapToObj(i -> "export GEN_VAR_" + i + "='value " + i + "'")
        .collect(Collectors.joining("\n", "", "\n"));
    home().write(".profile", exports);

    ShellEnvResult login = probe(BASH, ShellMode.LOGIN, Duration.ofSeconds(30));

    assertEquals(ShellEnvStatus.OK, login.status(), login.message());
    Map<String, String> env = login.environment();
    for (int i = 0; i < 10_000; i++) {
      assertEquals("value " + i, env.get("GEN_VAR_" + i), "GEN_VAR_" + i);
    }
  }
}
