package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.exec.CountingExecutor;
import dev.goenvdoctor.probe.exec.LeftoverProcesses;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on this machine (root {@code /}), with the real bash and the apt Go: static findings first, the
 * refined ones once the shell ran, progress while it runs, cancellation, trust, and no process on a keystroke.
 */
class RealMachineServerTest {
  private static final String SLEEP = "6071";

  @TempDir Path tmp;
  private Path home;
  private Path workspace;
  private CountingExecutor executor;

  @BeforeEach
  void machine() throws Exception {
    TestTools.systemFile("/usr/bin/bash");
    TestTools.systemFile("/usr/lib/go-1.19/bin/go");
    home = Files.createDirectories(tmp.resolve("home"));
    workspace = Files.createDirectories(tmp.resolve("ws"));
    Files.writeString(home.resolve(".profile"), "export GOFLAGS=-mod=mod\n");
    Files.writeString(workspace.resolve("go.mod"), "module example.com/ws\n\ngo 1.19\n");
    executor = new CountingExecutor(new ProcessExecutor());
  }

  @AfterEach
  void noSleepLeft() {
    LeftoverProcesses.killAllWithArgument(SLEEP);
  }

  private ServerConfig config() {
    Map<String, String> env = Map.of("HOME", home.toString(), "USER", "u", "SHELL", "/usr/bin/bash", "LANG", "C.UTF-8",
        "PATH", "/usr/local/bin:/usr/bin:/bin");
    return ServerConfig.of(Root.system(), env, LayerSource.ENV_FILE, List.of(), true).withChecker(TestRules.checker())
        .withExecutor(executor).withDefaults(false, 20);
  }

  private String uri(Path p) {
    return p.toUri().toString().replace("file:///", "file:///").replaceAll("/$", "");
  }

  @Test
  void staticFindingsFirstThenTheRefinedOnesWithProgressWhileTheShellRuns() {
    String goMod = uri(workspace.resolve("go.mod"));
    try (TestClient client = TestClient.start(config())) {
      client.initialize(TestClient.vscodeLike(), JsonParser.parseString("{\"settings\": {\"logLevel\": \"debug\"}}"), uri(workspace));
      long asked = System.nanoTime();
      client.initialized();
      PublishDiagnosticsParams first = client.awaitDiagnostics(goMod, p -> !p.getDiagnostics().isEmpty());
      long firstMillis = (System.nanoTime() - asked) / 1_000_000;
      assertEquals(List.of("test-no-workspace-settings"), TestClient.slugs(first), "static: no shell has run yet");
      client.awaitSlugs(goMod, "test-no-workspace-settings", "test-shell-ran");
      assertEquals("Done", client.awaitProgressEnd(1));
      // The refresh republishes go.mod's diagnostics: first the static ones, without test-shell-ran.

      WorkDoneProgressBegin begin = (WorkDoneProgressBegin) client.progress.get(0).getValue().getLeft();
      assertEquals("Reading your shell environment\u2026", begin.getMessage());
      assertTrue(begin.getCancellable());
      assertEquals(client.progressCreated.get(0), client.progress.get(0).getToken().getLeft());
      long shells = executor.requests().stream().filter(r -> r.command().get(0).equals("/usr/bin/bash")).count();
      assertEquals(2, shells, "a login and an interactive shell: " + executor.requests());

      // Warmer: the refresh command, from the request to the first (static) publish, five times.
      List<Long> warm = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        int before = client.allPublished().size();
        long refresh = System.nanoTime();
        var done = client.server.getWorkspaceService().executeCommand(
            new org.eclipse.lsp4j.ExecuteCommandParams("goEnvDoctor.refresh", List.of()));
        client.awaitPublishCount(before + 1);
        warm.add((System.nanoTime() - refresh) / 1_000_000);
        assertEquals(List.of("test-no-workspace-settings"), TestClient.slugs(client.allPublished().get(before)),
            "each refresh publishes the static findings first");
        TestClient.join(done);
      }
      client.logs.stream().filter(m -> m.getMessage().contains("snapshot in")).forEach(m -> System.out.println(m.getMessage()));
      System.out.printf("static publish after initialized: %d ms (cold JVM); after refresh: %s ms%n", firstMillis, warm);
      assertEquals(12, shells(), "each refresh runs both shells again");
    }
  }

  @Test
  void cancellingTheProgressStopsTheShellAndKeepsTheStaticFindings() throws Exception {
    Files.writeString(home.resolve(".profile"), "sleep " + SLEEP + "\n");
    String goMod = uri(workspace.resolve("go.mod"));
    try (TestClient client = TestClient.start(config())) {
      client.initialize(TestClient.vscodeLike(), null, uri(workspace));
      client.initialized();
      client.awaitSlugs(goMod, "test-no-workspace-settings");
      while (client.progress.isEmpty() || LeftoverProcesses.withArgument(SLEEP).isEmpty()) {
        TestClient.sleep(10);
      }
      long cancel = System.nanoTime();
      client.server.cancelProgress(new WorkDoneProgressCancelParams(Either.forLeft(client.progressCreated.get(0))));
      assertEquals("Cancelled", client.awaitProgressEnd(1));
      long millis = (System.nanoTime() - cancel) / 1_000_000;
      assertTrue(millis < 2000, "progress ended " + millis + " ms after the cancel");
      assertEquals(List.of(), LeftoverProcesses.survivorsWithArgument(SLEEP), "the shell's sleep was killed");
      assertEquals(List.of("test-no-workspace-settings"), TestClient.slugs(client.latest(goMod).orElseThrow()));
    }
  }

  @Test
  void aGoChosenByTheWorkspaceRunsOnlyWhenTheClientTrustsIt() throws Exception {
    Path marker = tmp.resolve("workspace-go-ran");
    Path tool = Files.createDirectories(workspace.resolve("tools")).resolve("go");
    Files.writeString(tool, "#!/bin/sh\necho ran > '" + marker + "'\nexec /usr/lib/go-1.19/bin/go \"$@\"\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(workspace.resolve(".vscode"));
    // The workspace also claims to be trusted: trust comes only from the client, never from the workspace.
    Files.writeString(workspace.resolve(".vscode/settings.json"), "{ \"go.alternateTools\": { \"go\": \"" + tool + "\" },"
        + " \"goEnvDoctor.trusted\": true }\n");

    try (TestClient client = TestClient.start(config())) {
      client.initialize(TestClient.vscodeLike(), null, uri(workspace));
      client.initialized();
      client.awaitProgressEnd(1);
      assertFalse(Files.exists(marker), "untrusted: the workspace's go never runs");
      assertTrue(executor.requests().stream().map(ExecRequest::command).noneMatch(c -> c.get(0).equals(tool.toString())));
      String report = TestClient.join(client.server.report()).toString();
      assertTrue(report.contains("not run: the workspace is not trusted"), "the report says why it did not run");
    }
    executor = new CountingExecutor(new ProcessExecutor());
    try (TestClient client = TestClient.start(config())) {
      client.initialize(TestClient.vscodeLike(), JsonParser.parseString("{\"trusted\": true}"), uri(workspace));
      client.initialized();
      client.awaitProgressEnd(1);
      assertTrue(Files.exists(marker), "trusted: it runs");
      assertTrue(executor.requests().stream().map(ExecRequest::command).anyMatch(c -> c.get(0).equals(tool.toString())));
    }
  }

  @Test
  void keystrokesInSettingsRunNoProcessAndTheShellProbeCanBeTurnedOff() throws Exception {
    Files.createDirectories(workspace.resolve(".vscode"));
    Path settingsFile = workspace.resolve(".vscode/settings.json");
    Files.writeString(settingsFile, "{}\n");
    String settings = uri(settingsFile);
    try (TestClient client = TestClient.start(config())) {
      client.initialize(TestClient.vscodeLike(), null, uri(workspace));
      client.initialized();
      client.awaitProgressEnd(1);
      client.open(settings, "jsonc");
      int spawns = executor.count();
      int last = 0;
      for (int i = 0; i < 50; i++) {
        last = client.change(settings, i % 2 == 1 ? "{ \"go.goroot\": \"/nowhere/" + i + "\" }\n" : "{}\n");
      }
      int finalVersion = last;
      client.awaitDiagnostics(settings, p -> p.getVersion() == finalVersion);
      assertEquals(spawns, executor.count(), "no process for a keystroke: " + executor.requests().subList(spawns, executor.count()));

      // Turned off by the client: the next refresh runs go env but no shell, and shows no progress.
      client.configuration = JsonParser.parseString("{\"shellProbe\": {\"enabled\": false}}");
      client.configurationChanged(new com.google.gson.JsonObject());
      int shellsBefore = shells();
      int progressBefore = client.progress.size();
      client.command("goEnvDoctor.refresh");
      assertEquals(shellsBefore, shells(), "no shell ran");
      assertEquals(progressBefore, client.progress.size());
    }
  }

  private int shells() {
    return (int) executor.requests().stream().filter(r -> r.command().get(0).equals("/usr/bin/bash")).count();
  }
}
