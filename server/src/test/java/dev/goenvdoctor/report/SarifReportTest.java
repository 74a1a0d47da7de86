package dev.goenvdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.goenvdoctor.model.FileCreation;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.rules.Rule;
import dev.goenvdoctor.rules.RuleInfo;
import dev.goenvdoctor.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {
  @TempDir Path dir;

  private static Rule rule(String slug, String code, Severity severity) {
    return new Rule() {
      @Override
      public RuleInfo info() {
        return new RuleInfo(slug, code, severity, "summary of " + slug);
      }

      @Override
      public List<Finding> check(Snapshot snapshot) {
        return List.of();
      }
    };
  }

  @Test
  void findingsWithEvidenceAndFixesAreValidSarif() throws Exception {
    List<Rule> rules = List.of(rule("go-missing-in-editor", "GED101", Severity.ERROR), rule("path-missing-dir", "GED508", Severity.INFO));
    Location goLine = new Location("/home/u/proj/go.mod", new TextRange(2, 0, 2, 7));
    Provenance bashrc = new Provenance(new Location("/home/u/.bashrc", new TextRange(115, 0, 115, 36)), "export PATH=$PATH:/usr/local/go/bin");
    Fix setting = new Fix("Set go.goroot", true, List.of(new TextEdit("/home/u/proj/.vscode/settings.json", new TextRange(1, 0, 1, 0),
        "    \"go.goroot\": \"/usr/local/go\",\n")), List.of());
    Fix create = new Fix("Create settings", false, List.of(), List.of(new FileCreation("/home/u/proj/.vscode/settings.json", "{}\n")));
    List<Finding> findings = List.of(
        new Finding("go-missing-in-editor", "GED101", Severity.ERROR, "VS Code finds no go", goLine, List.of(bashrc), List.of(setting, create), List.of("log out and back in")),
        new Finding("path-missing-dir", "GED508", Severity.INFO, "PATH entry /opt/go/bin does not exist", goLine, List.of(), List.of(), List.of()));

    String sarif = SarifReport.render(findings, rules, "1.0.0", p -> "/work/root" + p);
    SarifValidator.validate(sarif, dir);

    JsonObject run = JsonParser.parseString(sarif).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
    JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
    assertEquals("go-missing-in-editor", result.get("ruleId").getAsString());
    assertEquals("error", result.get("level").getAsString());
    JsonObject region = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation").getAsJsonObject("region");
    assertEquals(3, region.get("startLine").getAsInt());
    assertTrue(result.getAsJsonArray("locations").toString().contains("file:///work/root/home/u/proj/go.mod"));
    assertEquals("note", run.getAsJsonArray("results").get(1).getAsJsonObject().get("level").getAsString());
    assertEquals(1, result.getAsJsonArray("fixes").size(), "file creations have no SARIF form; the edit fix is kept");
  }

  @Test
  void theValidatorRejectsALevelSarifDoesNotHave() {
    String invalid = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
        + "\"results\":[{\"ruleId\":\"a\",\"level\":\"fatal\",\"message\":{\"text\":\"m\"}}]}]}";
    org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class, () -> SarifValidator.validate(invalid, dir));
  }
}
