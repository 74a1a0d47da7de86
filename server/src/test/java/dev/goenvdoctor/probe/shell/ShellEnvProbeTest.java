package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.exec.CountingExecutor;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.probe.exec.RefusingExecutor;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login and terminal layers of real shells, each test writing its own startup files. */
class ShellEnvProbeTest {
  private static final String BASH = "/usr/bin/bash";
  private static final String ZSH = "/usr/bin/zsh";
  private static final String FISH = "/usr/bin/fish";
  private static final String SH = "/bin/sh";

  private static ExecutorService pool;

  @TempDir Path dir;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  private ShellEnvTestHome home() {
    return new ShellEnvTestHome(dir);
  }

  /** Runs LOGIN and TERMINAL in parallel, as the caller will. */
  private static ShellEnvResult[] bothModes(ShellEnvTestHome home, String shell) throws Exception {
    Future<ShellEnvResult> login = pool.submit(() -> home.probe(shell, ShellMode.LOGIN));
    Future<ShellEnvResult> terminal = pool.submit(() -> home.probe(shell, ShellMode.TERMINAL));
    return new ShellEnvResult[] {login.get(), terminal.get()};
  }

  private static void assertOk(ShellEnvResult result) {
    assertEquals(ShellEnvStatus.OK, result.status(), result.message() + " / stderr: " + result.stderrExcerpt());
    assertEquals("", result.message());
  }

  @Test
  void ubuntuSkeletonDesktopSessionMissesWhatFollowsTheInteractiveGuard() throws Exception {
    TestTools.systemFile(BASH);
    ShellEnvTestHome home = home().copyResource("skel/profile", ".profile").copyResource("skel/bashrc", ".bashrc").mkdir("bin");

    ShellEnvResult[] results = bothModes(home, BASH);
    ShellEnvResult login = results[0];
    ShellEnvResult terminal = results[1];

    assertOk(login);
    assertOk(terminal);
    assertEquals(ShellKind.BASH, login.shellKind());
    assertEquals(ShellMode.LOGIN, login.mode());
    assertEquals("yes", login.environment().get("SET_BEFORE_GUARD"));
    assertFalse(login.environment().containsKey("SET_AFTER_GUARD"), "a desktop session never runs below the guard");
    assertEquals("yes", terminal.environment().get("SET_BEFORE_GUARD"));
    assertEquals("yes", terminal.environment().get("SET_AFTER_GUARD"));
    // ~/.profile adds ~/bin when it exists; the terminal also has what .bashrc added below the guard.
    assertTrue(login.environment().get("PATH").startsWith(dir + "/bin:"), login.environment().get("PATH"));
    assertTrue(terminal.environment().get("PATH").startsWith(dir + "/bin:" + dir + "/go-after-guard/bin:"),
        terminal.environment().get("PATH"));
    assertEquals(dir.toString(), login.environment().get("HOME"));
    for (ShellEnvResult result : results) {
      for (String invented : new String[] {"SHLVL", "_", "PWD", "OLDPWD", ShellEnvProbe.PROBE_VARIABLE}) {
        assertFalse(result.environment().containsKey(invented), invented);
      }
      assertFalse(result.environment().get("PATH").contains("/editor/only/bin"), "the editor's PATH must not leak in");
      assertEquals("", result.stderrExcerpt(), "no-terminal notices are not worth showing");
    }
  }

  @Test
  void zshReadsZprofileForLoginAndZshrcOnlyWhenInteractive() throws Exception {
    TestTools.systemFile(ZSH);
    ShellEnvTestHome home = home()
        .write(".zshenv", "export FROM_ZSHENV=1\n")
        .write(".zprofile", "export FROM_ZPROFILE=1\n")
        .write(".zshrc", "export FROM_ZSHRC=1\n")
        .write(".zlogin", "export FROM_ZLOGIN=1\n")
        .write(".profile", "export FROM_PROFILE=1\n");

    ShellEnvResult[] results = bothModes(home, ZSH);
    Map<String, String> login = results[0].environment();
    Map<String, String> terminal = results[1].environment();

    assertOk(results[0]);
    assertOk(results[1]);
    assertEquals(ShellKind.ZSH, results[0].shellKind());
    assertEquals("1", login.get("FROM_ZSHENV"));
    assertEquals("1", login.get("FROM_ZPROFILE"));
    assertEquals("1", login.get("FROM_ZLOGIN"));
    assertFalse(login.containsKey("FROM_ZSHRC"));
    assertEquals("1", terminal.get("FROM_ZSHRC"));
    assertEquals("1", terminal.get("FROM_ZPROFILE"));
    assertFalse(login.containsKey("FROM_PROFILE"), "zsh does not read ~/.profile");
    assertFalse(terminal.containsKey("FROM_PROFILE"), "zsh does not read ~/.profile");
  }

  @Test
  void fishAcceptsTheLoginAndInteractiveFlagsAndHonoursStatusIsInteractive() throws Exception {
    TestTools.systemFile(FISH);
    ShellEnvTestHome home = home()
        .write(".config/fish/config.fish", String.join("\n",
            "set -gx FISH_ALWAYS 1",
            "if status is-interactive",
            "    set -gx FISH_INTERACTIVE 1",
            "end",
            "if status is-login",
            "    set -gx FISH_LOGIN 1",
            "end",
            ""))
        .write(".config/fish/conf.d/go.fish", "set -gx GOTOOLCHAIN local\n");

    ShellEnvResult[] results = bothModes(home, FISH);
    Map<String, String> login = results[0].environment();
    Map<String, String> terminal = results[1].environment();

    assertOk(results[0]);
    assertOk(results[1]);
    assertEquals(ShellKind.FISH, results[0].shellKind());
    assertEquals("1", login.get("FISH_ALWAYS"));
    assertEquals("1", login.get("FISH_LOGIN"));
    assertEquals("local", login.get("GOTOOLCHAIN"));
    assertFalse(login.containsKey("FISH_INTERACTIVE"));
    assertEquals("1", terminal.get("FISH_INTERACTIVE"));
    assertEquals("1", terminal.get("FISH_LOGIN"));
  }

  @Test
  void dashAsShReadsProfileForLoginAndEnvFileOnlyWhenInteractive() throws Exception {
    TestTools.systemFile("/usr/bin/dash");
    ShellEnvTestHome home = home()
        .write(".profile", "export FROM_PROFILE=1\nexport ENV=\"$HOME/.shinit\"\n")
        .write(".shinit", "export FROM_ENV_FILE=1\n")
        .write(".bashrc", "export FROM_BASHRC=1\n");

    ShellEnvResult[] results = bothModes(home, SH);
    Map<String, String> login = results[0].environment();
    Map<String, String> terminal = results[1].environment();

    assertOk(results[0]);
    assertOk(results[1]);
    assertEquals(ShellKind.SH, results[0].shellKind());
    assertEquals("1", login.get("FROM_PROFILE"), "sh -l reads ~/.profile");
    assertFalse(login.containsKey("FROM_ENV_FILE"));
    assertEquals("1", terminal.get("FROM_ENV_FILE"));
    assertFalse(terminal.containsKey("FROM_BASHRC"), "sh never reads ~/.bashrc");
    // /etc/profile ran: it sets PATH for the user (its root branch here).
    assertTrue(login.get("PATH").contains("/usr/bin"), login.get("PATH"));
  }

  @Test
  void valuesWithNewlinesEqualsSignsAndUnicodeSurviveWhole() throws Exception {
    TestTools.systemFile(BASH);
    home().write(".bash_profile", "export MULTI='first line\nsecond=line ü'\nexport EMPTY=\n");

    ShellEnvResult login = home().probe(BASH, ShellMode.LOGIN);

    assertOk(login);
    assertEquals("first line\nsecond=line ü", login.environment().get("MULTI"));
    assertEquals("", login.environment().get("EMPTY"));
  }

  @Test
  void startupFilesCanTellAProbeFromAUser() throws Exception {
    TestTools.systemFile(BASH);
    home().write(".bash_profile", "if [ \"$GO_ENV_DOCTOR_PROBE\" = 1 ]; then export SAW_PROBE=yes; fi\n");

    ShellEnvResult login = home().probe(BASH, ShellMode.LOGIN);

    assertOk(login);
    assertEquals("yes", login.environment().get("SAW_PROBE"));
    assertFalse(login.environment().containsKey(ShellEnvProbe.PROBE_VARIABLE));
  }

  @Test
  void etcEnvironmentPathIsTheStartingPointNotTheEditors() throws Exception {
    TestTools.systemFile(BASH);
    Map<String, String> base = SessionEnvironment.from(
        Map.of("HOME", dir.toString(), "PATH", "/editor/only/bin:/usr/bin"),
        Map.of("PATH", "/from/etc/environment:/usr/bin:/bin", "GOPROXY", "direct"));
    home().write(".bash_profile", "export SEEN_PATH=\"$PATH\"\n");

    ShellEnvResult login = new ShellEnvProbe(new ProcessExecutor())
        .probe(ShellEnvRequest.of(BASH, ShellMode.LOGIN, base, dir.toString()));

    assertOk(login);
    // /etc/profile (which sets its own PATH) ran first; the startup file saw what it left.
    assertFalse(login.environment().get("SEEN_PATH").contains("/editor/only/bin"));
    assertEquals("direct", login.environment().get("GOPROXY"));
  }

  @Test
  void missingShellFailsToStartWithAMessageNamingIt() throws Exception {
    ShellEnvResult result = home().probe("/usr/bin/no-such-shell", ShellMode.TERMINAL);

    assertEquals(ShellEnvStatus.FAILED_TO_START, result.status());
    assertTrue(result.environment().isEmpty());
    assertTrue(result.message().startsWith("Could not start no-such-shell -i -l (/usr/bin/no-such-shell: No such file or directory)"),
        result.message());
    assertTrue(result.message().contains("/etc/passwd"), result.message());
  }

  @Test
  void nologinAsTheLoginShellIsNamedAsSuch() throws Exception {
    TestTools.systemFile("/usr/sbin/nologin");

    ShellEnvResult result = home().probe("/usr/sbin/nologin", ShellMode.LOGIN);

    assertEquals(ShellEnvStatus.NO_ENVIRONMENT_PRINTED, result.status());
    assertEquals(ShellKind.UNKNOWN, result.shellKind());
    assertEquals("nologin -l exited with code 1 without printing an environment: /usr/sbin/nologin is not a shell"
        + " go-env-doctor knows (bash, zsh, sh, fish) and may not accept -l -c. Check the login shell in /etc/passwd"
        + " and $SHELL.", result.message());
  }

  @Test
  void missingHomeOrRelativeShellFailToStartWithoutSpawning() throws Exception {
    CountingExecutor counting = new CountingExecutor(new ProcessExecutor());
    ShellEnvProbe probe = new ShellEnvProbe(counting);

    ShellEnvResult noHome = probe.probe(ShellEnvRequest.of(BASH, ShellMode.LOGIN, Map.of(), dir.resolve("gone").toString()));
    ShellEnvResult relative = probe.probe(ShellEnvRequest.of("bash", ShellMode.LOGIN, Map.of(), dir.toString()));
    ShellEnvResult noShell = probe.probe(ShellEnvRequest.of("", ShellMode.LOGIN, Map.of(), dir.toString()));

    assertEquals(ShellEnvStatus.FAILED_TO_START, noHome.status());
    assertEquals("bash -l was not run: the HOME directory " + dir.resolve("gone") + " does not exist.", noHome.message());
    assertEquals(ShellEnvStatus.FAILED_TO_START, relative.status());
    assertTrue(relative.message().contains("not absolute"), relative.message());
    assertEquals(ShellEnvStatus.FAILED_TO_START, noShell.status());
    assertTrue(noShell.message().contains("$SHELL is empty"), noShell.message());
    assertEquals(0, counting.count());
  }

  @Test
  void eachProbeIsExactlyOneProcess() throws Exception {
    TestTools.systemFile(BASH);
    CountingExecutor counting = new CountingExecutor(new ProcessExecutor());
    ShellEnvProbe probe = new ShellEnvProbe(counting);

    probe.probe(home().request(BASH, ShellMode.LOGIN, Duration.ofSeconds(10)));
    probe.probe(home().request(BASH, ShellMode.TERMINAL, Duration.ofSeconds(10)));

    assertEquals(2, counting.count());
    assertEquals(List.of(BASH, "-l", "-c"), counting.requests().get(0).command().subList(0, 3));
    assertEquals(List.of(BASH, "-i", "-l", "-c"), counting.requests().get(1).command().subList(0, 4));
    assertEquals(dir.toString(), counting.requests().get(0).workingDirectory(), "the shell runs in HOME");
    assertEquals("1", counting.requests().get(0).environment().get(ShellEnvProbe.PROBE_VARIABLE));
  }

  @Test
  void zeroExecModeSaysSoInsteadOfBlamingTheShell() throws Exception {
    ShellEnvResult result = new ShellEnvProbe(new RefusingExecutor()).probe(home().request(BASH, ShellMode.LOGIN, Duration.ofSeconds(10)));

    assertEquals(ShellEnvStatus.FAILED_TO_START, result.status());
    assertEquals("bash -l was not run: execution is turned off.", result.message());
  }
}
