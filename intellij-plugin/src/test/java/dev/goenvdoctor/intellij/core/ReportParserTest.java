package dev.goenvdoctor.intellij.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The report model read from the real server's JSON, and what it does with JSON it does not expect. */
class ReportParserTest {
  static final String UBUNTU = "ubuntu-apt-and-tarball-in-bashrc";

  static Stream<String> scenarios() throws IOException {
    try (Stream<Path> dirs = Files.list(ServerJar.scenario(""))) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void everyTestScenarioReportReadsWithItsLayersAndFindings(String scenario) throws Exception {
    Report report = ServerJar.report(scenario);
    assertEquals(List.of("editor", "login", "terminal", "vscode-go", "gopls"), report.layers().stream().map(Layer::id).toList());
    assertEquals("/home/u", report.machine().home());
    assertEquals(List.of("/home/u/proj"), report.machine().workspaceFolders());
    assertFalse(report.machine().execAllowed(), "a scenario root runs nothing");
    int expected = JsonParser.parseString(ServerJar.checkJson(scenario)).getAsJsonObject().getAsJsonArray("findings").size();
    assertEquals(expected, report.findings().size(), "every finding of check is read");
    report.findings().forEach(f -> assertTrue(f.location().file().startsWith("/"), f.toString()));
    report.layers().forEach(l -> assertFalse(l.path().isEmpty(), l.id() + " has a PATH"));
  }

  @Test
  void ubuntuScenarioHasTheTerminalOnlyGoAndTheLinesThatSetIt() throws Exception {
    Report report = ServerJar.report(UBUNTU);
    Layer terminal = report.layers().get(2);
    assertEquals("STATIC", terminal.source());
    assertEquals("/home/u/go", terminal.environment().get("GOPATH"));
    Provenance gopath = terminal.origins().get("GOPATH");
    assertEquals("~/.bashrc:117", gopath.location().label("/home/u"));
    assertEquals("export GOPATH=$HOME/go", gopath.text());
    PathEntry tarball = terminal.path().stream().filter(e -> e.dir().equals("/usr/local/go/bin")).findFirst().orElseThrow();
    assertEquals("~/.bashrc:116", tarball.origin().location().label("/home/u"));
    assertTrue(report.layers().get(0).path().stream().noneMatch(e -> e.dir().equals("/usr/local/go/bin")), "not in the editor's PATH");
    GoCommand go = report.layers().get(0).go();
    assertEquals("/usr/bin/go \u2192 /usr/lib/go-1.18/bin/go", go.shown("/home/u"));
    assertEquals("go1.18.1", go.version());

    Finding needsNewer = report.findings().stream().filter(f -> f.slug().equals("module-needs-newer-go")).findFirst().orElseThrow();
    assertEquals("error", needsNewer.severity());
    assertEquals("GED201", needsNewer.code());
    assertEquals("~/proj/go.mod:3", needsNewer.location().label("/home/u"));
    FixChoice preferred = needsNewer.fixes().get(0);
    assertEquals("Set go.goroot to /usr/local/go (go1.22.5) in the workspace settings", preferred.title());
    assertTrue(preferred.preferred());
    assertEquals(List.of("/home/u/proj/.vscode/settings.json"), preferred.files());
  }

  @Test
  void unknownFieldsAreIgnoredAndMissingOptionalOnesBecomeEmpty() throws Exception {
    JsonObject tree = JsonParser.parseString(ServerJar.reportJson(UBUNTU)).getAsJsonObject();
    Report plain = ReportParser.parse(tree.deepCopy());
    tree.addProperty("addedInSchema7", "x");
    JsonObject editor = tree.getAsJsonArray("layers").get(0).getAsJsonObject();
    editor.add("futureThing", new JsonArray());
    editor.getAsJsonObject("go").addProperty("newField", 3);
    assertEquals(plain, ReportParser.parse(tree.deepCopy()), "unknown fields change nothing");

    editor.remove("go");
    editor.remove("origins");
    editor.remove("path");
    editor.remove("environment");
    tree.remove("machine");
    tree.remove("problems");
    Report thin = ReportParser.parse(tree);
    Layer e = thin.layers().get(0);
    assertNull(e.go());
    assertTrue(e.path().isEmpty() && e.origins().isEmpty() && e.environment().isEmpty());
    assertEquals("", thin.machine().home());
    assertTrue(thin.problems().isEmpty() && thin.findings().isEmpty());
  }

  @Test
  void wrongTypesAndOversizedListsAreReadSafely() throws Exception {
    JsonObject tree = JsonParser.parseString(ServerJar.reportJson(UBUNTU)).getAsJsonObject();
    JsonObject editor = tree.getAsJsonArray("layers").get(0).getAsJsonObject();
    editor.addProperty("path", "not a list");
    editor.add("origins", new JsonArray());
    JsonArray huge = new JsonArray();
    for (int i = 0; i < 5000; i++) {
      JsonObject entry = new JsonObject();
      entry.addProperty("dir", "/d" + i);
      huge.add(entry);
    }
    tree.getAsJsonArray("layers").get(1).getAsJsonObject().add("path", huge);
    JsonArray findings = new JsonArray();
    findings.add("not an object");
    findings.add(JsonParser.parseString("{\"slug\":\"no-location\"}"));
    findings.add(JsonParser.parseString("{\"slug\":\"x\",\"severity\":\"fatal\",\"location\":{\"file\":\"/f\",\"range\":{\"startLine\":-4}}}"));
    tree.add("findings", findings);
    Report report = ReportParser.parse(tree);
    assertTrue(report.layers().get(0).path().isEmpty());
    assertEquals(ReportParser.MAX_PATH_ENTRIES, report.layers().get(1).path().size());
    assertEquals(1, report.findings().size(), "only findings with a location are kept");
    assertEquals("info", report.findings().get(0).severity(), "an unknown severity is shown as info");
    assertEquals(0, report.findings().get(0).location().startLine());
  }

  @Test
  void whatCannotBeShownSaysWhy() {
    assertEquals("the server sent no report", message(""));
    assertTrue(message("{\"schemaVersion\": 1, \"layers\": [").startsWith("the server's report is not valid JSON: "), message("{"));
    assertEquals("the server's report is not a JSON object", message("[1, 2]"));
    assertEquals("the server's report has no schemaVersion", message("{\"layers\": []}"));
    assertEquals("the server sent a report of schema version 2; this plugin reads version 1", message("{\"schemaVersion\": 2, \"layers\": []}"));
    assertEquals("the server sent a report without layers", message("{\"schemaVersion\": 1, \"layers\": {}}"));
    assertTrue(message("[".repeat(100_000)).startsWith("the server's report is not valid JSON"), "deep nesting is refused, not a crash");
  }

  private static String message(String json) {
    return assertThrows(ReportFormatException.class, () -> ReportParser.parse(json)).getMessage();
  }
}
