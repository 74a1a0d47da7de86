package dev.goenvdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.goenvdoctor.testing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} and {@code explain} as a user and a CI job see them: output, formats, exit codes, --fix. */
class CheckCommandTest {
  @TempDir Path dir;

  /** A machine with only a tarball Go exported below .bashrc's guard: the editor finds no go. */
  private Scenario goOnlyInTheTerminal() {
    return Scenario.ubuntu(dir).goRoot("/usr/local/go", "go1.22.5")
        .append("/home/u/.bashrc", "\nexport PATH=$PATH:/usr/local/go/bin\n");
  }

  private String editorPath = Scenario.DEFAULT_PATH;

  private CliRun check(Scenario s, String... extra) throws Exception {
    return run("check", s, extra);
  }

  private CliRun run(String command, Scenario s, String... extra) throws Exception {
    Path env = dir.resolve("editor.env");
    Files.writeString(env, "HOME=/home/u\nUSER=u\nSHELL=/bin/bash\nPATH=" + editorPath + "\n");
    List<String> args = new ArrayList<>(List.of(command, "--root", dir.toString(), "--env", env.toString(), "--workspace", s.workspace()));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void findingsExitWithOneAndNameTheLineThatCausedThem() throws Exception {
    CliRun run = check(goOnlyInTheTerminal());
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("go-missing-in-editor (GED101)"), run.out());
    assertTrue(run.out().contains("~/.bashrc:"), run.out());
    assertTrue(run.out().contains("explain: go-env-doctor explain go-missing-in-editor"), run.out());
  }

  @Test
  void severityThresholdDecidesTheExitCode() throws Exception {
    Scenario healthy = Scenario.ubuntu(dir).goRoot("/usr/local/go", "go1.22.5");
    CliRun run = check(healthy, "--severity", "error", "--disable", "go-missing-in-editor,gopls-not-found");
    assertEquals(0, run.exitCode(), run.out());
  }

  @Test
  void jsonAndSarifAreMachineReadable() throws Exception {
    Scenario s = goOnlyInTheTerminal();
    JsonObject json = JsonParser.parseString(check(s, "--format", "json").out()).getAsJsonObject();
    assertEquals(1, json.get("schemaVersion").getAsInt());
    boolean found = false;
    for (JsonElement f : json.getAsJsonArray("findings")) {
      found |= f.getAsJsonObject().get("slug").getAsString().equals("go-missing-in-editor");
    }
    assertTrue(found, json.toString());
    CliRun sarif = check(s, "--format", "sarif");
    assertEquals(1, sarif.exitCode());
    dev.goenvdoctor.report.SarifValidator.validate(sarif.out(), Files.createTempDirectory(dir, "sarif"));
  }

  @Test
  void fixAppliesThePreferredFixesAndTheFindingIsGone() throws Exception {
    Scenario s = goOnlyInTheTerminal();
    CliRun before = check(s);
    assertTrue(before.out().contains("go-missing-in-editor"), before.out());
    assertTrue(before.out().contains("+++ b"), "the preferred fix is shown as a diff: " + before.out());
    assertFalse(Files.exists(s.host("/home/u/proj/.vscode/settings.json")), "check without --fix writes nothing");

    CliRun fixed = check(s, "--fix");
    assertTrue(fixed.err().contains("fixed go-missing-in-editor"), fixed.err());
    // Logging out and back in gives the editor what the login shell now builds.
    JsonObject report = JsonParser.parseString(run("report", s, "--json").out()).getAsJsonObject();
    for (JsonElement layer : report.getAsJsonArray("layers")) {
      if (layer.getAsJsonObject().get("id").getAsString().equals("login")) {
        editorPath = layer.getAsJsonObject().getAsJsonObject("environment").get("PATH").getAsString();
      }
    }
    assertTrue(editorPath.contains("/usr/local/go/bin"), editorPath);
    CliRun after = check(s);
    assertFalse(after.out().contains("go-missing-in-editor"), after.out());
  }

  @Test
  void twoFixesForTheSameFileAreNotAppliedOnTopOfEachOther() throws Exception {
    // Appended after /usr/bin, below the guard: two rules fix the same .bashrc line in different ways.
    Scenario s = Scenario.ubuntu(dir).aptGo("1.18", "go1.18.1").goRoot("/usr/local/go", "go1.27.4")
        .append("/home/u/.bashrc", "\nexport PATH=$PATH:/usr/local/go/bin\n");
    String bashrc = Files.readString(s.host("/home/u/.bashrc"));
    CliRun fixed = check(s, "--fix");
    assertTrue(fixed.err().contains("was changed by an earlier fix; run check again"), fixed.err());
    String after = Files.readString(s.host("/home/u/.bashrc"));
    long goLines = after.lines().filter(l -> l.contains("/usr/local/go/bin")).count()
        + Files.readString(s.host("/home/u/.profile")).lines().filter(l -> l.contains("/usr/local/go/bin") && !l.startsWith("#")).count();
    assertEquals(1, goLines, "the Go PATH line exists exactly once after the fixes:\n" + after);
    assertTrue(bashrc.length() > 0);
  }

  @Test
  void rulesDisabledInTheWorkspaceSettingsAreSkipped() throws Exception {
    Scenario s = goOnlyInTheTerminal();
    assertTrue(check(s).out().contains("go-missing-in-editor"));
    s.file("/home/u/proj/.vscode/settings.json", "{\n  // this team builds in containers\n  \"goEnvDoctor.disabledRules\": [\"go-missing-in-editor\"]\n}\n");
    assertFalse(check(s).out().contains("go-missing-in-editor"));
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, CliRun.run("check", "--severity", "loud").exitCode());
    assertEquals(2, CliRun.run("check", "--format", "xml").exitCode());
    assertEquals(2, CliRun.run("explain", "no-such-rule").exitCode());
    assertEquals(2, CliRun.run("frobnicate").exitCode());
    assertEquals(2, CliRun.run().exitCode());
  }

  @Test
  void explainPrintsTheRulePageBySlugOrCode() {
    CliRun bySlug = CliRun.run("explain", "go-missing-in-editor");
    assertEquals(0, bySlug.exitCode());
    assertTrue(bySlug.out().startsWith("# go-missing-in-editor"), bySlug.out());
    assertEquals(bySlug.out(), CliRun.run("explain", "GED101").out());
    CliRun list = CliRun.run("explain");
    assertTrue(list.out().lines().count() >= 40, list.out());
  }
}
