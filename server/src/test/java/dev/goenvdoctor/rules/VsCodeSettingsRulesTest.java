package dev.goenvdoctor.rules;

import static dev.goenvdoctor.rules.SettingsStartupFixHarness.applyAndRecheck;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.contains;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.evidence;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.fix;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.lacks;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.only;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.preferred;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.read;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.testing.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "VS Code settings" rules on scenario machines (Ubuntu 22.04 user u, workspace /home/u/proj with
 * {@code go 1.22}): each rule fires on the offending setting with its evidence, stays quiet on a close
 * healthy setup, and each fix, applied to the files, makes the finding go away without side effects.
 */
class VsCodeSettingsRulesTest {
  private static final String SETTINGS = "/home/u/proj/.vscode/settings.json";
  private static final String USER_SETTINGS = "/home/u/.config/Code/User/settings.json";

  @TempDir Path tmp;

  private final Rule gorootInvalid = new SettingGorootInvalidRule();
  private final Rule gorootConflict = new ToolsEnvGorootConflictRule();
  private final Rule pathClobbers = new ToolsEnvPathClobbersRule();
  private final Rule terminalDiffers = new TerminalEnvDiffersRule();

  @Test
  void groupListsTheFourRulesInCatalogueOrder() {
    assertEquals(List.of("setting-goroot-invalid", "toolsenv-goroot-conflict", "toolsenv-path-clobbers", "terminal-env-differs"),
        VsCodeSettingsRules.all().stream().map(r -> r.info().slug()).toList());
    assertEquals(List.of("GED401", "GED402", "GED403", "GED404"),
        VsCodeSettingsRules.all().stream().map(r -> r.info().code()).toList());
    assertEquals(List.of(Severity.ERROR, Severity.WARNING, Severity.ERROR, Severity.WARNING),
        VsCodeSettingsRules.all().stream().map(r -> r.info().severity()).toList());
  }

  // setting-goroot-invalid

  @Test
  void gorootPointingAtBinIsReportedOnTheValueAndFixedToItsParent() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .file(SETTINGS, "{\n  // the Go for this project\n  \"go.goroot\": \"/usr/local/go/bin\",\n  \"editor.tabSize\": 4\n}\n");
    Finding f = only(s.findings(gorootInvalid));
    assertEquals("setting-goroot-invalid", f.slug());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(SETTINGS, f.location().file());
    assertEquals(2, f.location().range().startLine());
    assertEquals(15, f.location().range().startColumn()); // the value, with its quotes
    assertEquals(List.of(SETTINGS + ":3"), evidence(f));
    contains(f.message(), "go.goroot (.vscode/settings.json:3) is /usr/local/go/bin, which is not a Go root",
        "The Go root is /usr/local/go (go1.22.5)");

    applyAndRecheck(s, gorootInvalid, preferred(f));
    assertEquals("{\n  // the Go for this project\n  \"go.goroot\": \"/usr/local/go\",\n  \"editor.tabSize\": 4\n}\n",
        read(s, SETTINGS));
  }

  @Test
  void validGorootsInTheirWrittenFormsAreHealthy() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").goRoot("/home/u/sdk/go1.22.5", "go1.22.5");
    for (String value : List.of("/usr/local/go", "/usr/local/go/", "~/sdk/go1.22.5", "${env:HOME}/sdk/go1.22.5",
        "${workspaceFolder}/../sdk/go1.22.5", "")) {
      s.file(SETTINGS, "{ \"go.goroot\": \"" + value + "\" }\n");
      assertEquals(List.of(), s.findings(gorootInvalid), value);
    }
  }

  @Test
  void missingGorootInUserSettingsIsIgnoredByVsCodeGoAndFixedInThatFile() {
    // Ubuntu 24.04's Go on PATH, an older one beside it, and a go.goroot left from a removed version.
    Scenario s = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").goRoot("/usr/lib/go-1.18", "go1.18.1")
        .file(USER_SETTINGS, "{\n  \"workbench.colorTheme\": \"Default Dark+\",\n  \"go.goroot\": \"/usr/lib/go-1.20\"\n}\n");
    Finding f = only(s.findings(gorootInvalid));
    assertEquals(USER_SETTINGS, f.location().file());
    assertEquals(2, f.location().range().startLine());
    contains(f.message(), "go.goroot (~/.config/Code/User/settings.json:3) is /usr/lib/go-1.20, which does not exist",
        "\"go.goroot setting is ignored. /usr/lib/go-1.20 is not a valid GOROOT directory.\"",
        "it runs /usr/lib/go-1.22/bin/go (go1.22.2)");
    // The installation that meets go.mod's "go 1.22" comes first.
    assertEquals("Set go.goroot to /usr/lib/go-1.22 (go1.22.2)", preferred(f).title());
    assertTrue(titles(f).containsAll(List.of("Set go.goroot to /usr/lib/go-1.18 (go1.18.1)",
        "Remove go.goroot and let vscode-go find go by itself")), titles(f).toString());

    applyAndRecheck(s, gorootInvalid, preferred(f));
    contains(read(s, USER_SETTINGS), "\"workbench.colorTheme\": \"Default Dark+\"", "\"go.goroot\": \"/usr/lib/go-1.22\"");
  }

  @Test
  void withNoGoOnDiskTheFixRemovesTheSetting() {
    Scenario s = Scenario.ubuntu(tmp).file(SETTINGS, "{\n  \"go.goroot\": \"/opt/nothing-here\" // old machine\n}\n");
    Finding f = only(s.findings(gorootInvalid));
    contains(f.message(), "looks for go on its own: it finds none");
    applyAndRecheck(s, gorootInvalid, preferred(f));
    lacks(read(s, SETTINGS), "go.goroot");
  }

  // toolsenv-goroot-conflict

  @Test
  void toolsGorootThatDisagreesWithGoGorootIsReportedWithTheCompileError() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").aptGo("1.18", "go1.18.1")
        .file(SETTINGS, "{\n  \"go.goroot\": \"/usr/local/go\",\n  \"go.toolsEnvVars\": {\n    \"GOROOT\": \"/usr/lib/go-1.18\"\n  }\n}\n");
    Finding f = only(s.findings(gorootConflict));
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(SETTINGS, f.location().file());
    assertEquals(3, f.location().range().startLine());
    assertEquals(List.of(SETTINGS + ":2", SETTINGS + ":4"), evidence(f));
    contains(f.message(), "go.goroot is /usr/local/go (go1.22.5, .vscode/settings.json:2)",
        "go.toolsEnvVars.GOROOT is /usr/lib/go-1.18 (go1.18.1, .vscode/settings.json:4)",
        "gopls gets GOROOT=/usr/lib/go-1.18 while vscode-go runs /usr/local/go/bin/go",
        "compile: version \"go1.18.1\" does not match go tool version \"go1.22.5\"");

    applyAndRecheck(s, gorootConflict, preferred(f));
    contains(read(s, SETTINGS), "\"go.goroot\": \"/usr/local/go\"");
    lacks(read(s, SETTINGS), "/usr/lib/go-1.18");
  }

  @Test
  void settingBothToTheSameRootAlsoClearsTheConflict() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").aptGo("1.18", "go1.18.1")
        .file(SETTINGS, "{\n  \"go.goroot\": \"/usr/local/go\",\n  \"go.toolsEnvVars\": { \"GOROOT\": \"/usr/lib/go-1.18\" }\n}\n");
    Finding f = only(s.findings(gorootConflict));
    applyAndRecheck(s, gorootConflict, fix(f, "Set go.toolsEnvVars.GOROOT to /usr/local/go"));
  }

  @Test
  void theSameRootSpelledThroughASymlinkIsNoConflict() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").symlink("/opt/go", "/usr/local/go")
        .file(SETTINGS, "{\n  \"go.goroot\": \"/usr/local/go\",\n  \"go.toolsEnvVars\": { \"GOROOT\": \"/opt/go\" }\n}\n");
    assertEquals(List.of(), s.findings(gorootConflict));
  }

  // toolsenv-path-clobbers

  @Test
  void toolsPathWithoutSystemDirectoriesIsReportedAndRemoved() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").dir("/usr/bin").dir("/bin")
        .file(SETTINGS, "{\n  \"go.toolsEnvVars\": {\n    \"PATH\": \"/usr/local/go/bin\"\n  }\n}\n");
    Finding f = only(s.findings(pathClobbers));
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(SETTINGS, f.location().file());
    assertEquals(2, f.location().range().startLine());
    assertEquals(List.of(SETTINGS + ":3"), evidence(f));
    contains(f.message(), "go.toolsEnvVars.PATH (.vscode/settings.json:3) replaces the PATH of gopls",
        "with /usr/local/go/bin: /usr/bin and /bin are missing, so gopls cannot run git or gcc",
        "Go: Restart Language Server");

    applyAndRecheck(s, pathClobbers, preferred(f));
    assertEquals("{}\n", read(s, SETTINGS), "the last key goes with its object");
  }

  @Test
  void toolsPathThatPicksAnotherGoThanTheExtensionIsReported() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").aptGo("1.18", "go1.18.1")
        .file(SETTINGS, "{\n  \"go.goroot\": \"/usr/local/go\",\n  \"go.toolsEnvVars\": { \"PATH\": \"/usr/lib/go-1.18/bin:/usr/bin:/bin\" }\n}\n");
    Finding f = only(s.findings(pathClobbers));
    contains(f.message(), "gopls runs /usr/lib/go-1.18/bin/go (go1.18.1) while vscode-go runs /usr/local/go/bin/go (go1.22.5)");
    lacks(f.message(), "are missing");
    assertEquals(List.of(SETTINGS + ":3", SETTINGS + ":2"), evidence(f));
    applyAndRecheck(s, pathClobbers, preferred(f));
  }

  @Test
  void withoutUsrBinOnTheMachineItsAbsenceFromToolsPathIsNoProblem() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .file(SETTINGS, "{ \"go.toolsEnvVars\": { \"PATH\": \"/usr/local/go/bin:/run/current-system/sw/bin\" } }\n");
    assertEquals(List.of(), s.findings(pathClobbers));
  }

  @Test
  void toolsPathThatKeepsThePathIsHealthy() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .file(SETTINGS, "{ \"go.toolsEnvVars\": { \"PATH\": \"/usr/local/go/bin:${env:PATH}\" } }\n");
    assertEquals(List.of(), s.findings(pathClobbers));
  }

  // terminal-env-differs

  @Test
  void terminalPathThatPicksAnotherGoIsReportedAndTheGoIsChosenOnceForAll() {
    Scenario s = Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1").goRoot("/usr/local/go", "go1.27.4")
        .file(SETTINGS, "{\n  \"terminal.integrated.env.linux\": {\n    \"PATH\": \"/usr/local/go/bin:${env:PATH}\"\n  }\n}\n");
    Finding f = only(s.findings(terminalDiffers));
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(SETTINGS, f.location().file());
    assertEquals(2, f.location().range().startLine());
    assertEquals(List.of(SETTINGS + ":3"), evidence(f));
    contains(f.message(), "The integrated terminal runs /usr/local/go/bin/go (go1.27.4) because of"
        + " terminal.integrated.env.linux (.vscode/settings.json:3); vscode-go and gopls run /usr/lib/go-1.18/bin/go (go1.18.1)");

    applyAndRecheck(s, terminalDiffers, preferred(f));
    assertEquals("{\n  \"go.goroot\": \"/usr/local/go\"\n}\n", read(s, SETTINGS));
  }

  @Test
  void droppingTheGoDirectoryFromTheTerminalPathAlsoClearsIt() {
    Scenario s = Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1").goRoot("/usr/local/go", "go1.22.5")
        .file(SETTINGS, "{ \"terminal.integrated.env.linux\": { \"PATH\": \"/home/u/bin:/usr/local/go/bin:${env:PATH}\" } }\n");
    Finding f = only(s.findings(terminalDiffers));
    applyAndRecheck(s, terminalDiffers, fix(f, "Remove /usr/local/go/bin from the terminal's PATH"));
    contains(read(s, SETTINGS), "\"PATH\": \"/home/u/bin:${env:PATH}\"");
  }

  @Test
  void vsCodeGoPutsItsGorootFirstInTheTerminalSoATerminalPathCannotOverrideIt() {
    // vscode-go's environment variable collection is applied after terminal.integrated.env.linux.
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/lib/go-1.18", "go1.18.1").goRoot("/usr/local/go", "go1.22.5")
        .file(SETTINGS, "{\n  \"go.goroot\": \"/usr/local/go\",\n  \"terminal.integrated.env.linux\": { \"PATH\": \"/usr/lib/go-1.18/bin:${env:PATH}\" }\n}\n");
    assertEquals(List.of(), s.findings(terminalDiffers));
    // ... unless the extension is told to leave the terminal alone.
    s.file(SETTINGS, "{\n  \"go.goroot\": \"/usr/local/go\",\n  \"go.terminal.activateEnvironment\": false,\n"
        + "  \"terminal.integrated.env.linux\": { \"PATH\": \"/usr/lib/go-1.18/bin:${env:PATH}\" }\n}\n");
    Finding f = only(s.findings(terminalDiffers));
    // With the terminal left alone, gopls gets no GOROOT/bin on its PATH either: only vscode-go is named.
    contains(f.message(), "terminal runs /usr/lib/go-1.18/bin/go (go1.18.1)", "; vscode-go runs /usr/local/go/bin/go (go1.22.5)");
    applyAndRecheck(s, terminalDiffers, preferred(f));
  }

  @Test
  void terminalPathWithoutAGoIsHealthy() {
    Scenario s = Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1").dir("/home/u/bin")
        .file(SETTINGS, "{ \"terminal.integrated.env.linux\": { \"PATH\": \"/home/u/bin:${env:PATH}\" } }\n");
    assertEquals(List.of(), s.findings(terminalDiffers));
  }

  @Test
  void terminalGorootOfAnotherGoIsReportedWithTheCompileError() {
    Scenario s = Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1").goRoot("/usr/local/go", "go1.22.5")
        .file(SETTINGS, "{\n  \"terminal.integrated.env.linux\": {\n    \"GOROOT\": \"/usr/local/go\"\n  }\n}\n");
    Finding f = only(s.findings(terminalDiffers));
    assertEquals(2, f.location().range().startLine());
    contains(f.message(), "gives the integrated terminal GOROOT=/usr/local/go (go1.22.5)", "with GOROOT=/usr/lib/go-1.18",
        "compile: version \"go1.22.5\" does not match go tool version \"go1.18.1\"");
    applyAndRecheck(s, terminalDiffers, preferred(f));
  }

  @Test
  void oddValuesNeverThrowOrFire() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .file(SETTINGS, "{ \"go.goroot\": 42, \"go.toolsEnvVars\": { \"GOROOT\": null, \"PATH\": true },"
            + " \"terminal.integrated.env.linux\": { \"PATH\": null, \"GOROOT\": [] } }\n");
    for (Rule rule : VsCodeSettingsRules.all()) {
      assertEquals(List.of(), s.findings(rule), rule.info().slug());
    }
    s.file(SETTINGS, "{ \"go.goroot\": \"/usr/local/go\", \"go.toolsEnvVars\": { \"GOROOT\": \"relative/dir\" }, // cut off\n");
    for (Rule rule : VsCodeSettingsRules.all()) {
      assertTrue(rule.check(s.snapshot()).size() <= 1, rule.info().slug());
    }
  }
}
