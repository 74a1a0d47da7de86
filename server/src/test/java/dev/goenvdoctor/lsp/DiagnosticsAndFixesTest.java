package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.goenvdoctor.fix.FixApplier;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.rules.RuleCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main flow over the protocol: a broken scenario's diagnostics, their code actions, applying one, and the diagnostic going away. */
class DiagnosticsAndFixesTest {
  @TempDir Path tmp;

  @Test
  void brokenSettingsDiagnosticFixedByItsPreferredCodeAction() throws Exception {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    String expected = FixApplier.preview(s.machine.root(), preferredFix(s)).get(LspScenario.SETTINGS);
    Map<String, String> before = s.tree();
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.open(settings, "jsonc");

      PublishDiagnosticsParams published = client.awaitSlugs(settings, "setting-goroot-invalid");
      assertEquals(1, published.getVersion(), "published for the open buffer's version");
      Diagnostic d = published.getDiagnostics().get(0);
      assertEquals("go-env-doctor", d.getSource());
      assertEquals(DiagnosticSeverity.Error, d.getSeverity());
      assertTrue(d.getMessage().contains("/usr/local/go1.22"), d.getMessage());
      assertEquals(2, d.getRange().getStart().getLine(), "on the go.goroot line");
      assertEquals("\"/usr/local/go1.22\"", s.text(LspScenario.SETTINGS).lines().toList().get(2)
          .substring(d.getRange().getStart().getCharacter(), d.getRange().getEnd().getCharacter()), "on the value");
      // The URI names the real file under the scenario root; the rule page is a file the editor can open.
      assertTrue(settings.startsWith("file://" + s.rootDir), settings);
      Path page = Path.of(java.net.URI.create(d.getCodeDescription().getHref()));
      assertTrue(Files.readString(page).startsWith("# setting-goroot-invalid"), page.toString());
      assertEquals(settings, d.getRelatedInformation().get(0).getLocation().getUri());
      assertEquals("setting-goroot-invalid", ((JsonObject) d.getData()).get("slug").getAsString());

      List<CodeAction> actions = client.actionsFor(settings, d);
      assertEquals(List.of("Remove go.goroot", "Disable rule setting-goroot-invalid for this workspace"),
          actions.stream().map(CodeAction::getTitle).toList());
      CodeAction fix = actions.get(0);
      assertEquals("quickfix", fix.getKind());
      assertTrue(fix.getIsPreferred());
      assertNull(actions.get(1).getIsPreferred());
      TextDocumentEdit edit = fix.getEdit().getDocumentChanges().get(0).getLeft();
      assertEquals(1, edit.getTextDocument().getVersion(), "versioned: a stale edit is rejected by the client");
      assertEquals(before, s.tree(), "asking for code actions writes nothing");

      client.apply(fix.getEdit());
      assertEquals(expected, s.text(LspScenario.SETTINGS), "the editor's result equals the fix applied by the CLI");
      assertTrue(s.text(LspScenario.SETTINGS).contains("// Go for this project"), "comments kept");
      PublishDiagnosticsParams cleared = client.awaitDiagnostics(settings, p -> p.getDiagnostics().isEmpty());
      assertEquals(2, cleared.getVersion());
      assertEquals(0, client.shutdownAndExit());
    }
  }

  @Test
  void staleVersionedEditIsRejectedByTheClient() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.open(settings, "jsonc");
      Diagnostic d = client.awaitSlugs(settings, "setting-goroot-invalid").getDiagnostics().get(0);
      CodeAction fix = client.actionsFor(settings, d).get(0);
      // The user types a comment before applying the fix: the problem stays, the edit is for version 1.
      client.change(settings, "// edited\n" + client.buffer(settings));
      client.awaitDiagnostics(settings, p -> p.getVersion() == 2 && !p.getDiagnostics().isEmpty());
      IllegalStateException stale = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
          () -> client.apply(fix.getEdit()));
      assertTrue(stale.getMessage().contains("stale"), stale.getMessage());
      // A fresh request gives an edit for the new version, with ranges one line lower.
      Diagnostic now = client.latest(settings).orElseThrow().getDiagnostics().get(0);
      assertEquals(3, now.getRange().getStart().getLine());
      CodeAction fresh = client.actionsFor(settings, now).get(0);
      assertEquals(2, fresh.getEdit().getDocumentChanges().get(0).getLeft().getTextDocument().getVersion());
    }
  }

  @Test
  void missingSettingsFileIsCreatedThroughCreateFile() throws Exception {
    LspScenario s = LspScenario.ubuntu(tmp);
    String goMod = s.uri(LspScenario.GO_MOD);
    String settings = s.uri(LspScenario.SETTINGS);
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      Diagnostic d = client.awaitSlugs(goMod, "test-no-workspace-settings").getDiagnostics().get(0);
      assertEquals(2, d.getRange().getStart().getLine(), "on go.mod's go line");
      assertNull(client.latest(goMod).orElseThrow().getVersion(), "no version for a file that is not open");
      CodeAction create = client.actionsFor(goMod, d).stream().filter(a -> Boolean.TRUE.equals(a.getIsPreferred())).findFirst().orElseThrow();
      assertEquals("create", create.getEdit().getDocumentChanges().get(0).getRight().getKind());
      assertEquals(settings, create.getEdit().getDocumentChanges().get(0).getRight().toString().contains(settings) ? settings : "",
          "creates the workspace's own settings.json");
      String expected = FixApplier.preview(s.machine.root(),
          TestRules.noWorkspaceSettings().check(s.machine.snapshot()).get(0).fixes().get(0)).get(LspScenario.SETTINGS);
      client.apply(create.getEdit());
      assertEquals(expected, s.text(LspScenario.SETTINGS));
      assertTrue(expected.contains("\"GOTOOLCHAIN\": \"local\""), expected);
      client.awaitDiagnostics(goMod, p -> p.getDiagnostics().isEmpty());
    }
  }

  @Test
  void clientWithoutDocumentChangesGetsPlainChangesAndNoFileCreation() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.minimal(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.open(settings, "jsonc");
      Diagnostic d = client.awaitSlugs(settings, "setting-goroot-invalid").getDiagnostics().get(0);
      CodeAction fix = client.actionsFor(settings, d).get(0);
      assertNull(fix.getEdit().getDocumentChanges());
      assertEquals(List.of(settings), List.copyOf(fix.getEdit().getChanges().keySet()));
      client.apply(fix.getEdit());
      client.awaitDiagnostics(settings, p -> p.getDiagnostics().isEmpty());
    }
    // Without a settings.json, the creating fix cannot be expressed: it is not offered.
    LspScenario bare = LspScenario.ubuntu(tmp.resolve("bare"));
    try (TestClient client = TestClient.start(bare.config())) {
      client.initialize(TestClient.minimal(), null, bare.uri(LspScenario.WORKSPACE));
      client.initialized();
      String goMod = bare.uri(LspScenario.GO_MOD);
      Diagnostic d = client.awaitSlugs(goMod, "test-no-workspace-settings").getDiagnostics().get(0);
      assertEquals(List.of(), client.actionsFor(goMod, d));
    }
  }

  @Test
  void disableRuleActionWritesTheSettingAndTheDiagnosticGoes() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.open(settings, "jsonc");
      Diagnostic d = client.awaitSlugs(settings, "setting-goroot-invalid").getDiagnostics().get(0);
      CodeAction disable = client.actionsFor(settings, d).get(1);
      client.apply(disable.getEdit());
      assertTrue(s.text(LspScenario.SETTINGS).contains("\"goEnvDoctor.disabledRules\": [\"setting-goroot-invalid\"]")
          || s.text(LspScenario.SETTINGS).contains("\"goEnvDoctor.disabledRules\": [\n"), s.text(LspScenario.SETTINGS));
      assertTrue(s.text(LspScenario.SETTINGS).contains("\"go.goroot\": \"/usr/local/go1.22\""), "the setting itself stays");
      client.awaitDiagnostics(settings, p -> p.getDiagnostics().isEmpty());
    }
  }

  @Test
  void fixAllAppliesEveryPreferredFixOfTheWorkspace() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    s.machine.file("/home/u/.config/Code/User/settings.json", "{\n  \"go.goroot\": \"/opt/go-gone\"\n}\n");
    String settings = s.uri(LspScenario.SETTINGS);
    String user = s.uri("/home/u/.config/Code/User/settings.json");
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.awaitSlugs(settings, "setting-goroot-invalid");
      client.awaitSlugs(user, "setting-goroot-invalid");
      List<CodeAction> fixAll = client.codeActions(settings, client.latest(settings).orElseThrow().getDiagnostics().get(0).getRange(),
          List.of(), List.of("source.fixAll")).stream().map(e -> e.getRight()).toList();
      assertEquals(1, fixAll.size(), "only the source action when asked for source.fixAll");
      assertEquals("source.fixAll.goEnvDoctor", fixAll.get(0).getKind());
      assertEquals("Fix all go-env-doctor problems (2 fixes)", fixAll.get(0).getTitle());
      client.apply(fixAll.get(0).getEdit());
      assertFalse(s.text(LspScenario.SETTINGS).contains("go.goroot"));
      assertFalse(s.text("/home/u/.config/Code/User/settings.json").contains("go.goroot"));
      client.awaitDiagnostics(settings, p -> p.getDiagnostics().isEmpty());
      client.awaitDiagnostics(user, p -> p.getDiagnostics().isEmpty());
    }
  }

  @Test
  void startupFileOutsideTheWorkspaceGetsItsDiagnosticAtTheRealFile() {
    LspScenario s = LspScenario.ubuntu(tmp);
    s.machine.file("/home/u/proj/.vscode/settings.json", "{}\n");
    s.machine.append("/home/u/.profile", "export GOROOT=/usr/local/go\n");
    String profile = s.uri("/home/u/.profile");
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      PublishDiagnosticsParams p = client.awaitSlugs(profile, "test-goroot-exported");
      int line = (int) s.text("/home/u/.profile").lines().count() - 1;
      assertEquals(line, p.getDiagnostics().get(0).getRange().getStart().getLine());
      assertTrue(Files.exists(TestClient.path(profile)));
    }
  }

  @Test
  void twoFindingsOfferingTheSameChangeShowItOnce() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    Checker checker = Checker.of(List.of(TestRules.gorootSetting(), TestRules.gorootSetting(TestRules.GOROOT_AGAIN)));
    try (TestClient client = TestClient.start(s.config().withChecker(checker))) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      PublishDiagnosticsParams p = client.awaitSlugs(settings, "setting-goroot-invalid", "test-goroot-again");
      List<String> titles = client.codeActions(settings, p.getDiagnostics().get(0).getRange(), p.getDiagnostics(), null)
          .stream().map(a -> a.getRight().getTitle()).toList();
      assertEquals(1, titles.stream().filter("Remove go.goroot"::equals).count(), titles.toString());
      assertTrue(titles.contains("Disable rule test-goroot-again for this workspace"), titles.toString());
    }
  }

  @Test
  void aBufferTooLargeToReadGetsNoFixPlannedOnItAndSaysWhy() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    String goMod = s.uri(LspScenario.WORKSPACE + "/go.mod");
    Checker checker = Checker.of(List.of(TestRules.gorootSetting(), TestRules.wantsToolchain()));
    try (TestClient client = TestClient.start(s.config().withChecker(checker))) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.open(settings, "jsonc");
      client.awaitSlugs(settings, "setting-goroot-invalid");
      Range onGoMod = client.awaitSlugs(goMod, "test-wants-toolchain").getDiagnostics().get(0).getRange();
      assertEquals(List.of("Set GOTOOLCHAIN=local"), settingsFixTitles(client, goMod, onGoMod), "the fix edits the open buffer");

      // The same settings with 17 MB of padding: over the limit the buffer is not read, and a fix planned on the
      // empty stand-in text would have been inserted at the start of the user's buffer.
      client.change(settings, s.text(LspScenario.SETTINGS) + " ".repeat(Documents.MAX_TEXT + 1024));
      client.awaitDiagnostics(settings, p -> p.getVersion() == 2 && p.getDiagnostics().isEmpty());
      assertEquals(List.of(), settingsFixTitles(client, goMod, onGoMod));
      String report = TestClient.join(client.server.report()).toString();
      assertTrue(report.contains("the open buffer is larger than 16 MiB, so it is not read and no fix is offered"), report);

      // A whole text under the limit is read again.
      client.change(settings, s.text(LspScenario.SETTINGS));
      client.awaitDiagnostics(settings, p -> p.getVersion() == 3 && TestClient.slugs(p).equals(List.of("setting-goroot-invalid")));
      assertEquals(List.of("Set GOTOOLCHAIN=local"), settingsFixTitles(client, goMod, onGoMod));
    }
  }

  private static List<String> settingsFixTitles(TestClient client, String uri, Range range) {
    return client.codeActions(uri, range, List.of(), List.of("quickfix")).stream()
        .map(a -> a.getRight().getTitle()).filter(t -> t.startsWith("Set")).toList();
  }

  @Test
  void aRuleThatThrowsIsLoggedAndTheOthersStillPublish() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    Checker checker = Checker.of(List.of(TestRules.throwing(), TestRules.gorootSetting()));
    try (TestClient client = TestClient.start(s.config().withChecker(checker))) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.awaitSlugs(settings, "setting-goroot-invalid");
      assertTrue(client.logs.stream().anyMatch(m -> m.getMessage().contains("test-throws: internal error, rule skipped")),
          client.logs.toString());
    }
  }

  @Test
  void theShippedServerPublishesWhatTheCatalogueFinds() {
    // The default configuration (every rule of the catalogue, as `serve` runs it) on a scenario: the server
    // publishes, file by file, the slugs that `check` finds on the same machine, whatever rules exist today.
    LspScenario s = LspScenario.brokenGoroot(tmp);
    Map<String, List<String>> expected = new java.util.TreeMap<>();
    RuleCatalogue.check(s.machine.snapshot(), List.of()).findings().stream()
        .filter(f -> Files.isRegularFile(s.host(f.location().file())))
        .forEach(f -> expected.computeIfAbsent(s.uri(f.location().file()), k -> new java.util.ArrayList<>()).add(f.slug()));
    expected.values().forEach(java.util.Collections::sort);
    ServerConfig shipped = ServerConfig.of(s.machine.root(), s.env, dev.goenvdoctor.model.LayerSource.ENV_FILE, List.of(), true);
    try (TestClient client = TestClient.start(shipped)) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      JsonObject report = TestClient.join(client.server.report()).getAsJsonObject();
      assertEquals(1, report.get("schemaVersion").getAsInt());
      expected.forEach((uri, slugs) -> client.awaitDiagnostics(uri, p -> TestClient.slugs(p).equals(slugs)));
      Map<String, List<String>> published = new java.util.TreeMap<>();
      client.allPublished().forEach(p -> published.put(p.getUri(), TestClient.slugs(p)));
      published.values().removeIf(List::isEmpty);
      assertEquals(expected, published);
    }
  }

  private static Fix preferredFix(LspScenario s) {
    return TestRules.gorootSetting().check(s.machine.snapshot()).get(0).fixes().get(0);
  }
}
