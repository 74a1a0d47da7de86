package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keystrokes in settings.json, files changed on disk, settings from the client, commands. */
class IncrementalAnalysisTest {
  @TempDir Path tmp;

  @Test
  void settingsBufferIsAnalysedWithoutTouchingTheDisk() {
    LspScenario s = LspScenario.ubuntu(tmp);
    s.machine.file(LspScenario.SETTINGS, "{\n  \"editor.tabSize\": 2\n}\n");
    String settings = s.uri(LspScenario.SETTINGS);
    Map<String, String> disk = s.tree();
    try (TestClient client = TestClient.start(s.config())) {
      JsonObject options = JsonParser.parseString("{\"settings\": {\"logLevel\": \"debug\"}}").getAsJsonObject();
      client.initialize(TestClient.vscodeLike(), options, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.open(settings, "jsonc");
      String broken = "{\n  \"editor.tabSize\": 2,\n  \"go.goroot\": \"/nowhere\"\n}\n";
      int v = client.change(settings, broken);
      PublishDiagnosticsParams p = client.awaitDiagnostics(settings, d -> d.getVersion() == v && !d.getDiagnostics().isEmpty());
      assertEquals(2, p.getDiagnostics().get(0).getRange().getStart().getLine());
      int healthy = client.change(settings, "{\n  \"editor.tabSize\": 2\n}\n");
      client.awaitDiagnostics(settings, d -> d.getVersion() == healthy && d.getDiagnostics().isEmpty());
      assertEquals(disk, s.tree(), "the buffer is analysed, the file is not written");

      // Keystroke latency (p95 over 250 edits, no process) is a figure of bench/run, not of a unit test.
    }
  }

  @Test
  void eachRefreshPublishesTheStaticFindingsOfTheNewSnapshot() {
    // On a scenario root nothing runs: the static publish is the whole analysis. How soon it comes after a cold
    // start is a figure of bench/run.
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.awaitSlugs(settings, "setting-goroot-invalid");
      for (int i = 0; i < 4; i++) {
        // The file changes on disk each time, so each new snapshot has different diagnostics to publish.
        boolean healthy = i % 2 == 0;
        s.machine.file(LspScenario.SETTINGS, healthy ? "{}\n" : LspScenario.BROKEN_SETTINGS);
        client.server.getWorkspaceService().executeCommand(new org.eclipse.lsp4j.ExecuteCommandParams("goEnvDoctor.refresh", List.of()));
        client.awaitDiagnostics(settings, d -> d.getDiagnostics().isEmpty() == healthy);
      }
    }
  }

  @Test
  void onlyTheLatestVersionIsPublished() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.open(settings, "jsonc");
      client.awaitSlugs(settings, "setting-goroot-invalid");
      int last = 0;
      for (int i = 0; i < 300; i++) {
        last = client.change(settings, i % 2 == 0 ? "{}\n" : LspScenario.BROKEN_SETTINGS);
      }
      int finalVersion = last;
      PublishDiagnosticsParams p = client.awaitDiagnostics(settings, d -> d.getVersion() == finalVersion);
      assertEquals(List.of("setting-goroot-invalid"), TestClient.slugs(p), "version 301 is the broken text");
      TestClient.assertVersionsNeverGoBack(client.allPublished(), settings);
      long published = client.allPublished().stream().filter(d -> d.getUri().equals(settings)).count();
      assertTrue(published < 300, "rapid changes are coalesced: " + published + " publishes for 300 changes");
    }
  }

  @Test
  void watchedFilesAreRegisteredAndAChangeOnDiskIsPickedUp() {
    LspScenario s = LspScenario.ubuntu(tmp);
    String goMod = s.uri(LspScenario.GO_MOD);
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      assertEquals(2, client.awaitSlugs(goMod, "test-no-workspace-settings").getDiagnostics().get(0).getRange().getStart().getLine());
      for (int i = 0; i < 500 && client.registrations.isEmpty(); i++) {
        TestClient.sleep(10);
      }
      assertEquals("workspace/didChangeWatchedFiles", client.registrations.get(0).getRegistrations().get(0).getMethod());
      String all = new com.google.gson.Gson().toJson(client.registrations.get(0).getRegistrations().get(0).getRegisterOptions());
      assertTrue(all.contains("**/go.mod") && all.contains("**/.go-version") && all.contains("**/.vscode/settings.json"), all);
      assertTrue(all.contains(s.uri("/home/u")) && all.contains(".profile") && all.contains(".bashrc"),
          "the user's startup files, outside the workspace, under the root: " + all);

      // go.mod edited on disk: the go line moved down two lines.
      s.machine.file(LspScenario.GO_MOD, "module example.com/proj\n\n// pinned for CI\n\ngo 1.22\n");
      client.filesChanged(goMod);
      client.awaitDiagnostics(goMod, p -> !p.getDiagnostics().isEmpty() && p.getDiagnostics().get(0).getRange().getStart().getLine() == 4);

      // A startup file changed: the new export shows up in it.
      s.machine.append("/home/u/.profile", "export GOROOT=/usr/local/go\n");
      client.filesChanged(s.uri("/home/u/.profile"));
      client.awaitSlugs(s.uri("/home/u/.profile"), "test-goroot-exported");

      // The settings file appears on disk (created by another program): the go.mod finding goes.
      s.machine.file(LspScenario.SETTINGS, "{}\n");
      client.filesChanged(s.uri(LspScenario.SETTINGS));
      client.awaitDiagnostics(goMod, p -> p.getDiagnostics().isEmpty());
    }
  }

  @Test
  void severalWorkspaceFoldersAndFoldersAddedOrRemovedLater() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    s.machine.file("/home/u/other/go.mod", "module example.com/other\n\ngo 1.22\n");
    s.machine.file("/home/u/other/.vscode/settings.json", "{ \"go.goroot\": \"/opt/gone\" }\n");
    s.machine.file("/home/u/third/go.mod", "module example.com/third\n\ngo 1.22\n");
    s.machine.file("/home/u/third/.vscode/settings.json", "{ \"go.goroot\": \"/opt/also-gone\" }\n");
    String first = s.uri(LspScenario.SETTINGS);
    String other = s.uri("/home/u/other/.vscode/settings.json");
    String third = s.uri("/home/u/third/.vscode/settings.json");
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE), s.uri("/home/u/other"));
      client.initialized();
      client.awaitSlugs(first, "setting-goroot-invalid");
      client.awaitSlugs(other, "setting-goroot-invalid");
      client.server.getWorkspaceService().didChangeWorkspaceFolders(new org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams(
          new org.eclipse.lsp4j.WorkspaceFoldersChangeEvent(
              List.of(new org.eclipse.lsp4j.WorkspaceFolder(s.uri("/home/u/third"), "third")),
              List.of(new org.eclipse.lsp4j.WorkspaceFolder(s.uri("/home/u/other"), "other")))));
      client.awaitSlugs(third, "setting-goroot-invalid");
      client.awaitDiagnostics(other, p -> p.getDiagnostics().isEmpty());
      JsonObject report = TestClient.join(client.server.report()).getAsJsonObject();
      assertEquals("[\"/home/u/proj\",\"/home/u/third\"]", report.getAsJsonObject("machine").get("workspaceFolders").toString());
    }
  }

  @Test
  void settingsArePulledAndAnEmptyChangeMeansDefaults() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    try (TestClient client = TestClient.start(s.config())) {
      client.configuration = JsonParser.parseString("{\"disabledRules\": [\"GED401\"]}");
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.open(settings, "jsonc");
      TestClient.join(client.server.report());
      assertEquals(java.util.Optional.empty(), client.latest(settings), "GED401 (the rule's code) is disabled");
      assertTrue(client.configurationRequests.get() >= 1, "pulled with workspace/configuration");
      // What eglot does: an empty payload, and nothing configured. Defaults: every rule runs again.
      client.configuration = null;
      client.configurationChanged(new JsonObject());
      client.awaitSlugs(settings, "setting-goroot-invalid");
    }
  }

  @Test
  void pushedSettingsAreReadFaultTolerantly() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.minimal(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.open(settings, "jsonc");
      client.awaitSlugs(settings, "setting-goroot-invalid");
      client.configurationChanged(JsonParser.parseString("{\"goEnvDoctor\": {\"disabledRules\": [\"setting-goroot-invalid\"]}}"));
      client.awaitDiagnostics(settings, p -> p.getDiagnostics().isEmpty());
      client.configurationChanged(JsonParser.parseString(
          "{\"goEnvDoctor\": {\"disabledRules\": 5, \"shellProbe\": {\"timeoutSeconds\": \"soon\"}, \"logLevel\": \"loud\"}}"));
      client.awaitSlugs(settings, "setting-goroot-invalid");
      String logged = client.logs.toString();
      assertTrue(logged.contains("goEnvDoctor.disabledRules: expected a list of rule slugs, got 5"), logged);
      assertTrue(logged.contains("goEnvDoctor.shellProbe.timeoutSeconds: expected a number from 1 to 60, got \"soon\"; using 10"), logged);
      assertTrue(logged.contains("goEnvDoctor.logLevel: expected off, error, warning, info or debug, got \"loud\""), logged);
      assertEquals(0, client.configurationRequests.get(), "a client without workspace/configuration is never asked");
    }
  }

  @Test
  void reportCarriesTheFindingsAndTheirFixesFoundAgainByFileAndRange() {
    // A client that lists findings from the report (the IntelliJ tool window) fixes one by asking for the code
    // actions of its file and range, with no diagnostic in hand and without opening the file.
    LspScenario s = LspScenario.brokenGoroot(tmp);
    s.machine.append("/home/u/.profile", "export GOROOT=/usr/lib/go-1.19\n");
    Map<String, String> before = s.tree();
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      JsonObject report = TestClient.join(client.server.report()).getAsJsonObject();
      assertEquals("[]", report.get("failures").toString());
      assertTrue(report.has("layers") && report.has("machine"), "still the report of docs/report-schema.md");
      List<JsonObject> findings = report.getAsJsonArray("findings").asList().stream().map(f -> f.getAsJsonObject()).toList();
      assertEquals(List.of("setting-goroot-invalid", "test-goroot-exported"),
          findings.stream().map(f -> f.get("slug").getAsString()).sorted().toList());
      JsonObject goroot = findings.stream().filter(f -> f.get("slug").getAsString().equals("setting-goroot-invalid")).findFirst().orElseThrow();
      assertEquals("error", goroot.get("severity").getAsString());
      assertEquals("GED401", goroot.get("code").getAsString());
      JsonObject location = goroot.getAsJsonObject("location");
      assertEquals(LspScenario.SETTINGS, location.get("file").getAsString(), "a machine path, as in the rest of the report");
      JsonObject r = location.getAsJsonObject("range");
      assertEquals(2, r.get("startLine").getAsInt());
      JsonObject fix = goroot.getAsJsonArray("fixes").get(0).getAsJsonObject();
      assertEquals("Remove go.goroot", fix.get("title").getAsString());
      assertTrue(fix.get("preferred").getAsBoolean());

      org.eclipse.lsp4j.Range range = new org.eclipse.lsp4j.Range(
          new org.eclipse.lsp4j.Position(r.get("startLine").getAsInt(), r.get("startColumn").getAsInt()),
          new org.eclipse.lsp4j.Position(r.get("endLine").getAsInt(), r.get("endColumn").getAsInt()));
      List<String> titles = client.codeActions(s.uri(location.get("file").getAsString()), range, List.of(), List.of("quickfix"))
          .stream().map(a -> a.getRight().getTitle()).toList();
      assertEquals("Remove go.goroot", titles.get(0), titles.toString());
      JsonObject exported = findings.stream().filter(f -> f.get("slug").getAsString().equals("test-goroot-exported")).findFirst().orElseThrow();
      assertEquals("/home/u/.profile", exported.getAsJsonObject("location").get("file").getAsString(),
          "a finding on a file the editor never opened is in the report too");
      assertEquals(before, s.tree(), "the report and the code actions write nothing");
    }
  }

  @Test
  void reportRequestAndCommandReturnTheSnapshotReport() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      JsonObject request = TestClient.join(client.server.report()).getAsJsonObject();
      JsonObject command = new com.google.gson.Gson().toJsonTree(client.command("goEnvDoctor.report")).getAsJsonObject();
      assertEquals(request, command);
      assertEquals("[\"/home/u/proj\"]", request.getAsJsonObject("machine").get("workspaceFolders").toString());
      assertEquals(List.of("editor", "login", "terminal", "vscode-go", "gopls"),
          request.getAsJsonArray("layers").asList().stream().map(l -> l.getAsJsonObject().get("id").getAsString()).toList());
      assertEquals(null, client.command("goEnvDoctor.refresh"), "refresh answers once the new snapshot settled");
      IllegalStateException unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
          () -> client.command("goEnvDoctor.format"));
      ResponseErrorException error = (ResponseErrorException) unknown.getCause().getCause();
      assertEquals(-32602, error.getResponseError().getCode());
    }
  }
}
