package dev.goenvdoctor.probe.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoEnvRunnerTest {
  @TempDir Path dir;
  private final ProcessTestExecutor executor = new ProcessTestExecutor();
  private final GoEnvRunner runner = new GoEnvRunner(executor);

  private Map<String, String> env() {
    return Map.of("HOME", dir.toString(), "PATH", "/usr/bin:/bin");
  }

  private String script(String name, String body) throws Exception {
    Fixture f = new Fixture(dir).exec("/" + name, "#!/bin/sh\n" + body);
    return f.host("/" + name).toString();
  }

  @Test
  void realGo119ReportsItsRootAndLeavesUnknownNamesEmpty() throws Exception {
    TestTools.systemFile("/usr/bin/go");
    GoEnvResult r = runner.run("/usr/bin/go", env());

    assertTrue(r.succeeded(), r.failure().orElse(""));
    assertEquals(Optional.of("/usr/lib/go-1.19"), r.get("GOROOT"));
    assertEquals(Optional.of("go1.19.8"), r.get("GOVERSION"), "GOVERSION exists since Go 1.16");
    assertFalse(r.toolchainAware(), "Go 1.19 prints \"\" for GOTOOLCHAIN even with GOTOOLCHAIN=local set");
    assertEquals(Optional.empty(), r.get("GOTOOLCHAIN"), "our forced value is never reported as the user's");
    assertEquals(Optional.of("/dev/null"), r.get("GOMOD"), "run from /, outside any module");
    assertEquals(Optional.of(dir + "/.config/go/env"), r.get("GOENV"));
    Set<String> expected = new HashSet<>(GoEnvRunner.DEFAULT_NAMES);
    expected.remove("GOTOOLCHAIN");
    assertEquals(expected, r.values().keySet());
    assertEquals(List.of("/usr/bin/go", "env", "-json"), r.command().subList(0, 3));
  }

  @Test
  void aSymlinkedGoInAnotherGoLookingTreeStillUsesItsRealRoot() throws Exception {
    TestTools.systemFile("/usr/lib/go-1.19/bin/go");
    Fixture f = new Fixture(dir).link("/fake/bin/go", "/usr/lib/go-1.19/bin/go").dir("/fake/pkg/tool/linux_amd64");
    String link = f.host("/fake/bin/go").toString();

    GoEnvResult r = runner.run(link, env(), "/", List.of("GOROOT"), GoEnvRunner.DEFAULT_TIMEOUT);
    assertEquals(Optional.of("/usr/lib/go-1.19"), r.get("GOROOT"), "os.Executable is /proc/self/exe: already resolved");

    GoResolution resolved = new GoResolver(Root.system()).resolve(List.of(f.host("/fake/bin").toString()), env(), "/");
    assertEquals(r.get("GOROOT"), resolved.goroot(), "the resolver predicts what go env prints");
  }

  @Test
  void gotoolchainIsForcedLocalAndTheWorkingDirectoryIsRoot() throws Exception {
    Path record = dir.resolve("record.txt");
    String go = script("go", "{ echo \"cwd=$(pwd)\"; echo \"argv=$*\"; env; } > \"$RECORD\"\n"
        + "printf '%s' '{\"GOROOT\": \"/opt/go\", \"GOTOOLCHAIN\": \"local\", \"GOVERSION\": \"go1.23.0\"}'\n");
    Map<String, String> env = Map.of("RECORD", record.toString(), "GOTOOLCHAIN", "go1.22.0+auto", "HOME", "/home/u",
        "PATH", "/usr/bin:/bin");

    GoEnvResult r = runner.run(go, env);

    assertTrue(r.succeeded(), r.failure().orElse(""));
    assertTrue(r.toolchainAware());
    assertEquals(Map.of("GOROOT", "/opt/go", "GOVERSION", "go1.23.0"), r.values());
    List<String> lines = Files.readAllLines(record);
    assertEquals("cwd=/", lines.get(0));
    assertEquals("argv=env -json " + String.join(" ", GoEnvRunner.DEFAULT_NAMES), lines.get(1));
    assertTrue(lines.contains("GOTOOLCHAIN=local"), lines.toString());
    assertFalse(lines.contains("GOTOOLCHAIN=go1.22.0+auto"));
    assertTrue(lines.contains("HOME=/home/u"));
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("USER=") || l.startsWith("JAVA_HOME=")), "nothing is inherited");
  }

  @Test
  void hangingGoIsKilledAfterTheTimeout() throws Exception {
    String go = script("go", "sleep 30\n");
    long start = System.nanoTime();
    GoEnvResult r = runner.run(go, env(), "/", GoEnvRunner.DEFAULT_NAMES, Duration.ofMillis(300));
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertFalse(r.succeeded());
    assertTrue(r.failure().orElseThrow().endsWith("did not finish within 300 ms and was killed"), r.failure().orElseThrow());
    assertTrue(ms < 10_000, "took " + ms + " ms");
  }

  @Test
  void exitCodeAndFirstStderrLine() throws Exception {
    String go = script("go", "echo 'go: cannot find GOROOT directory: /usr/local/go' >&2\necho 'second line' >&2\nexit 2\n");
    GoEnvResult r = runner.run(go, env(), "/", List.of("GOROOT"), GoEnvRunner.DEFAULT_TIMEOUT);
    assertEquals(go + " env -json GOROOT exited with code 2: go: cannot find GOROOT directory: /usr/local/go", r.failure().orElseThrow());
  }

  @Test
  void invalidJsonAndNonStringValuesAreFailuresNotCrashes() throws Exception {
    GoEnvResult text = runner.run(script("go", "echo GOROOT=/usr/local/go\n"), env());
    assertTrue(text.failure().orElseThrow().startsWith("go env -json printed"), text.failure().orElseThrow());

    GoEnvResult number = runner.run(script("go2", "echo '{\"GOROOT\": 5}'\n"), env());
    assertEquals("go env -json printed a non-string value for GOROOT", number.failure().orElseThrow());

    GoEnvResult empty = runner.run(script("go3", "exit 0\n"), env());
    assertTrue(empty.failure().orElseThrow().contains("nothing"), empty.failure().orElseThrow());
  }

  @Test
  void onlyPlainVariableNamesReachTheCommandLine() throws Exception {
    String go = script("go", "printf '{}'\n");
    GoEnvResult r = runner.run(go, env(), "/", List.of("GOROOT", "-w", "GOPATH=/tmp", "lower", "GOROOT"), GoEnvRunner.DEFAULT_TIMEOUT);
    assertEquals(List.of(go, "env", "-json", "GOROOT"), r.command());
  }

  @Test
  void aBareNameIsRefusedBeforeAnythingRuns() throws Exception {
    GoEnvResult r = runner.run("go", env());
    assertEquals(Optional.of("not an absolute path to a go executable: go"), r.failure());
    assertEquals(0, executor.runs, "a bare name would be searched in this JVM's PATH");
  }

  @Test
  void environmentEntriesNoProcessCanHoldAreDropped() throws Exception {
    Path record = dir.resolve("env.txt");
    String go = script("go", "env > \"$RECORD\"\nprintf '{}'\n");
    Map<String, String> env = Map.of("RECORD", record.toString(), "PATH", "/usr/bin:/bin", "BAD", "a\0b", "A=B", "c");
    GoEnvResult r = runner.run(go, env);
    assertTrue(r.succeeded(), r.failure().orElse(""));
    List<String> lines = Files.readAllLines(record);
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("BAD=") || l.startsWith("A=")), lines.toString());
  }

  @Test
  void missingExecutableIsAStartFailure() throws Exception {
    GoEnvResult r = runner.run(dir.resolve("nope/go").toString(), env());
    assertTrue(r.failure().orElseThrow().startsWith("could not start " + dir.resolve("nope/go")), r.failure().orElseThrow());
  }
}
