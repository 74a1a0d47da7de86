package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.exec.LeftoverProcesses;
import dev.goenvdoctor.testing.HostileWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped server on this machine with a {@code .profile} that hangs, spins, leaves a child behind or exits: the static findings are published and requests are answered while the shell still runs, the progress
 * ends with a note that says what went wrong (or "Done"), and no process of the shell is left (found by the test's
 * unique HOME in their environment).
 */
class ServerStaysResponsiveWhileTheShellMisbehavesTest {
  private static final int TIMEOUT_SECONDS = 2;

  @TempDir Path tmp;
  private HostileWorkspace m;
  private String homeEntry;

  @BeforeEach
  void machine() {
    m = HostileWorkspace.withRealTools(tmp);
    homeEntry = "HOME=" + m.home;
  }

  @AfterEach
  void killLeftovers() {
    LeftoverProcesses.killAllWithEnvironmentEntry(homeEntry);
  }

  static Stream<Arguments> profiles() {
    String hung = " did not finish within 2 s: a startup file is waiting for something";
    return Stream.of(
        Arguments.of("sleeps", "sleep 1000\n", List.of("bash -l" + hung, "bash -i -l" + hung)),
        Arguments.of("spins", "while :; do :; done\n", List.of("bash -l" + hung, "bash -i -l" + hung)),
        Arguments.of("leaves a child holding stdout", "sleep 1000 &\n", List.of()),
        // (reading stdin, exec, flooding and the rest are proven probe by probe in ShellProbeBoundedOnHostileStartupFilesTest)
        Arguments.of("exits", "exit 1\n", List.of("bash -l exited with code 1 before printing its environment",
            "bash -i -l exited with code 1 before printing its environment")));
  }

  @ParameterizedTest(name = "a .profile that {0}")
  @MethodSource("profiles")
  void staticFindingsAndAnswersComeWhileTheShellRunsAndTheProgressSaysWhatHappened(String what, String profile,
      List<String> notes) throws Exception {
    m.file(m.home, ".profile", profile);
    Path ws = m.workspace("ws", "module example.com/ws\n\ngo 1.19\n");
    Path settings = m.file(ws, ".vscode/settings.json", "{ \"go.goroot\": \"/nowhere/go\" }\n");
    try (ServerSession s = ServerSession.start(m.envFile(), tmp.resolve("stderr.txt"))) {
      long start = System.nanoTime();
      s.initialize(ws, false, TIMEOUT_SECONDS);
      s.diagnostics(settings, "setting-goroot-invalid");
      boolean hangs = profile.startsWith("sleep 1000\n") || profile.startsWith("while");
      // The static findings come first; then the shells start. Ask while they run.
      boolean shellRunning = false;
      while (hangs && !shellRunning && System.nanoTime() - start < 5_000_000_000L) {
        shellRunning = !LeftoverProcesses.withEnvironmentEntry(homeEntry).isEmpty();
        Thread.sleep(10);
      }
      long asked = System.nanoTime();
      assertEquals(1, s.call("goEnvDoctor/report", null).getAsJsonObject("result").get("schemaVersion").getAsInt());
      long answerMillis = (System.nanoTime() - asked) / 1_000_000;
      boolean answeredWhileItRan = !LeftoverProcesses.withEnvironmentEntry(homeEntry).isEmpty();
      String end = s.progressEnd(1);
      long endMillis = (System.nanoTime() - start) / 1_000_000;

      if (notes.isEmpty()) {
        assertEquals("Done", end);
      } else {
        assertTrue(end.startsWith("Done. "), end);
        notes.forEach(n -> assertTrue(end.contains(n), "<" + n + "> in <" + end + ">"));
        assertTrue(end.contains("The findings use what the startup files say instead."), end);
        assertTrue(s.logged(notes.get(0)), "the note is logged too");
      }
      if (hangs) {
        assertTrue(shellRunning, "the shell started");
        assertTrue(answeredWhileItRan && answerMillis < 1000, "a request answered in " + answerMillis + " ms while the shell hangs");
      }
      assertTrue(endMillis < 8000, "progress ended " + endMillis + " ms after initialize (shell timeout " + TIMEOUT_SECONDS + " s)");
      assertEquals(List.of(), LeftoverProcesses.survivorsWithEnvironmentEntry(homeEntry), "no process of the shell is left");
      s.call("goEnvDoctor/report", null);
      assertEquals(0, s.shutdownAndExit());
      assertFalse(ServerSession.stderr(tmp.resolve("stderr.txt")).contains("Exception"));
    }
  }
}
