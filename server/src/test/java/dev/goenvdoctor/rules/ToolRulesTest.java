package dev.goenvdoctor.rules;

import static dev.goenvdoctor.rules.VersionRuleChecks.applyAndVerify;
import static dev.goenvdoctor.rules.VersionRuleChecks.contains;
import static dev.goenvdoctor.rules.VersionRuleChecks.evidence;
import static dev.goenvdoctor.rules.VersionRuleChecks.none;
import static dev.goenvdoctor.rules.VersionRuleChecks.preferredFix;
import static dev.goenvdoctor.rules.VersionRuleChecks.single;
import static dev.goenvdoctor.rules.VersionRulesTest.BASHRC;
import static dev.goenvdoctor.rules.VersionRulesTest.BASHRC_END;
import static dev.goenvdoctor.rules.VersionRulesTest.GO_MOD;
import static dev.goenvdoctor.rules.VersionRulesTest.PROFILE;
import static dev.goenvdoctor.rules.VersionRulesTest.SETTINGS;
import static dev.goenvdoctor.rules.VersionRulesTest.editorPathWith;
import static dev.goenvdoctor.rules.VersionRulesTest.goMod;
import static dev.goenvdoctor.rules.VersionRulesTest.modernGo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.fix.FixApplier;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.testing.Scenario;
import dev.goenvdoctor.testing.TestTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Tools" rules on scenario machines read without running anything, with the real apt gopls and
 * real Go (and non-Go) programs from npm where a fixture would prove less.
 */
class ToolRulesTest {
  static final String GOPLS = "golang.org/x/tools/gopls";

  /** A healthy base: the tarball Go 1.27 on every layer's PATH, go.mod at go 1.27. */
  static Scenario tarball(Path tmp) {
    Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.27.4")
        .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n").env("PATH", editorPathWith("/usr/local/go/bin"));
    return goMod(s, "go 1.27\n");
  }

  static Scenario copy(Scenario s, Path real, String machinePath) throws IOException {
    return s.executable(machinePath, Files.readAllBytes(real));
  }

  @Nested
  class GoplsBuiltWithOlderGo {
    final Rule rule = new GoplsBuiltWithOlderGoRule();

    @Test
    void realAptGoplsIsOlderThanTheGoLine(@TempDir Path tmp) throws IOException {
      // Debian's gopls package: built with go1.19.5, no module line for its release.
      Scenario s = copy(tarball(tmp), TestTools.systemFile("/usr/bin/gopls"), "/usr/bin/gopls");
      goMod(s, "go 1.22.0\n");
      Finding f = single(s, rule, Severity.WARNING, GO_MOD, 2);
      contains(f, "gopls at /usr/bin/gopls was built with go1.19.5; go.mod:3 says go 1.22.0, so gopls drops the module's"
          + " Go version and type-checks it as go1.19, with no message about it;",
          "it runs with /usr/local/go/bin/go (go1.27.4)",
          "Rebuild it with a current Go (a command you run): /usr/local/go/bin/go install golang.org/x/tools/gopls@latest");
      evidence(f, GO_MOD, 3);
      assertEquals(List.of("/usr/local/go/bin/go install golang.org/x/tools/gopls@latest"), f.commands());
      assertTrue(f.fixes().isEmpty()); // rebuilding is a command, never a file edit
    }

    @Test
    void olderThanTheGoItRunsWith(@TempDir Path tmp) {
      Scenario s = tarball(tmp).env("GOPATH", "/home/u/go").goTool("/home/u/go/bin/gopls", "go1.26.2", GOPLS);
      goMod(s, "go 1.26\n");
      Finding f = single(s, rule, Severity.WARNING, GO_MOD, 2);
      contains(f, "gopls at /home/u/go/bin/gopls was built with go1.26.2; it runs with /usr/local/go/bin/go (go1.27.4),"
          + " whose standard library may use language features the type checker of go1.26 does not know.");
      assertFalse(f.message().contains("drops"), f.message());
    }

    @Test
    void currentGoplsIsFine(@TempDir Path tmp) {
      Scenario s = tarball(tmp).env("GOPATH", "/home/u/go").goTool("/home/u/go/bin/gopls", "go1.27.0", GOPLS);
      goMod(s, "go 1.27.4\n"); // same language version: gopls keeps it
      none(s, rule);
    }
  }

  @Nested
  class GoplsNotFound {
    final Rule rule = new GoplsNotFoundRule();

    @Test
    void goplsOnlyInTheTerminalsGopath(@TempDir Path tmp) throws IOException {
      Scenario s = tarball(tmp).append(BASHRC, "export GOPATH=$HOME/work\n")
          .goTool("/home/u/work/bin/gopls", "go1.27.4", GOPLS);
      Finding f = single(s, rule, Severity.ERROR, GO_MOD, 0);
      contains(f, "No gopls for VS Code or other editors: not in $GOBIN (unset), /home/u/go/bin and the editor's PATH.",
          "Your terminal has GOPATH=/home/u/work (~/.bashrc:114), and gopls is at /home/u/work/bin/gopls.");
      evidence(f, BASHRC, 114);
      Fix fix = preferredFix(f);
      assertEquals("Set go.alternateTools.gopls to /home/u/work/bin/gopls", fix.title());
      applyAndVerify(s, rule, f, fix, false);
      none(s, new AlternateToolInvalidRule());
      assertEquals("{\n    \"go.alternateTools\": {\n        \"gopls\": \"/home/u/work/bin/gopls\"\n    }\n}\n",
          Files.readString(s.host(SETTINGS)));
    }

    @Test
    void nowhereAtAll(@TempDir Path tmp) {
      Finding f = single(tarball(tmp), rule, Severity.ERROR, GO_MOD, 0);
      contains(f, "Install it (a command you run): go install golang.org/x/tools/gopls@latest");
      assertEquals(List.of("go install golang.org/x/tools/gopls@latest"), f.commands());
    }

    @Test
    void foundWhereEditorsLookOrNotWanted(@TempDir Path tmp) {
      Scenario s = tarball(tmp).goTool("/home/u/go/bin/gopls", "go1.27.4", GOPLS);
      none(s, rule);
      Scenario off = tarball(tmp.resolve("off")).file(SETTINGS, "{ \"go.useLanguageServer\": false }\n");
      none(off, rule);
    }
  }

  @Nested
  class ToolsBinNotOnPath {
    final Rule rule = new ToolsBinNotOnPathRule();

    Scenario tools(Scenario s) {
      return s.goTool("/home/u/go/bin/gopls", "go1.27.4", GOPLS)
          .goTool("/home/u/go/bin/dlv", "go1.27.4", "github.com/go-delve/delve/cmd/dlv")
          .goTool("/home/u/go/bin/staticcheck", "go1.27.4", "honnef.co/go/tools/cmd/staticcheck");
    }

    @Test
    void onlyTheTerminalHasIt(@TempDir Path tmp) throws IOException {
      Scenario s = tools(tarball(tmp)).append(BASHRC, "export PATH=\"$PATH:$HOME/go/bin\"\n");
      Finding f = single(s, rule, Severity.WARNING, BASHRC, BASHRC_END);
      contains(f, "dlv, gopls and staticcheck are in /home/u/go/bin, which is on your terminal's PATH (~/.bashrc:114)"
          + " but not on the editor's");
      evidence(f, BASHRC, 114);
      Fix fix = preferredFix(f);
      assertEquals("Move ~/.bashrc:114 to ~/.profile", fix.title());
      applyAndVerify(s, rule, f, fix, true);
      assertTrue(Files.readString(s.host(PROFILE)).endsWith("\nexport PATH=\"$PATH:$HOME/go/bin\"\n"));
    }

    @Test
    void afterTheFixTheEditorStillNeedsANewSession(@TempDir Path tmp) {
      Scenario s = tools(tarball(tmp)).append(BASHRC, "export PATH=\"$PATH:$HOME/go/bin\"\n");
      Fix fix = preferredFix(single(s, rule, Severity.WARNING, BASHRC, BASHRC_END));
      assertDoesNotThrow(() -> FixApplier.apply(s.root(), fix));
      Finding waiting = single(s, rule, Severity.WARNING, PROFILE, 30);
      contains(waiting, "which the desktop session now puts on PATH (~/.profile:31), but the editor's PATH lacks it",
          "Log out and back in, then start the editor again.");
      assertTrue(waiting.fixes().isEmpty());
      VersionRuleChecks.relogin(s);
      none(s, rule);
    }

    @Test
    void appendFixWhenNoLineAddsIt(@TempDir Path tmp) throws IOException {
      Scenario s = tools(tarball(tmp));
      Finding f = single(s, rule, Severity.WARNING, GO_MOD, 0);
      contains(f, "dlv, gopls and staticcheck are in /home/u/go/bin, which is not on the editor's PATH");
      Fix fix = preferredFix(f);
      assertEquals("Add ~/go/bin to PATH in ~/.profile", fix.title());
      applyAndVerify(s, rule, f, fix, true);
      assertTrue(Files.readString(s.host(PROFILE)).endsWith("\nexport PATH=\"$PATH:$HOME/go/bin\"\n"));
    }

    @Test
    void onPathOrEmptyIsFine(@TempDir Path tmp) {
      Scenario s = tools(tarball(tmp)).env("PATH", editorPathWith("/usr/local/go/bin") + ":/home/u/go/bin");
      none(s, rule);
      none(tarball(tmp.resolve("empty")).dir("/home/u/go/bin"), rule);
    }
  }

  @Nested
  class AlternateToolInvalid {
    final Rule rule = new AlternateToolInvalidRule();

    Scenario withSettings(Path tmp, String alternateTools) {
      return tarball(tmp).env("GOPATH", "/home/u/go").goTool("/home/u/go/bin/gopls", "go1.27.4", GOPLS)
          .file(SETTINGS, "{\n  // tools\n  \"go.alternateTools\": {\n    " + alternateTools + "\n  }\n}\n");
    }

    @Test
    void missingPathFallsBackSilently(@TempDir Path tmp) throws IOException {
      Scenario s = withSettings(tmp, "\"gopls\": \"/home/old-user/go/bin/gopls\"");
      Finding f = single(s, rule, Severity.WARNING, SETTINGS, 3);
      assertEquals(13, f.location().range().startColumn());
      contains(f, "go.alternateTools.gopls (~/proj/.vscode/settings.json:4) is /home/old-user/go/bin/gopls, which does not"
          + " exist; vscode-go silently uses /home/u/go/bin/gopls (built with go1.27.4) instead.");
      evidence(f, SETTINGS, 4);
      Fix fix = preferredFix(f);
      assertEquals("Set go.alternateTools.gopls to /home/u/go/bin/gopls", fix.title());
      applyAndVerify(s, rule, f, fix, false);
      assertTrue(Files.readString(s.host(SETTINGS)).contains("// tools"));
    }

    @Test
    void notExecutable(@TempDir Path tmp) throws IOException {
      Scenario s = withSettings(tmp, "\"gopls\": \"~/bin/gopls\"").goTool("/home/u/bin/gopls", "go1.27.4", GOPLS);
      Files.setPosixFilePermissions(s.host("/home/u/bin/gopls"), PosixFilePermissions.fromString("rw-r--r--"));
      Finding f = single(s, rule, Severity.WARNING, SETTINGS, 3);
      contains(f, "is ~/bin/gopls (/home/u/bin/gopls), which is not executable; vscode-go silently uses");
      assertEquals(List.of("chmod +x /home/u/bin/gopls"), f.commands());
    }

    @Test
    void realProgramWithoutBuildInfo(@TempDir Path tmp) throws IOException {
      Scenario s = copy(withSettings(tmp, "\"gopls\": \"${env:HOME}/bin/gopls\""),
          TestTools.npmFile("@esbuild/linux-x64", "bin/esbuild"), "/home/u/bin/gopls");
      Finding f = single(s, rule, Severity.WARNING, SETTINGS, 3);
      contains(f, "is ${env:HOME}/bin/gopls (/home/u/bin/gopls), which is an ELF program without Go build info");
      applyAndVerify(s, rule, f, preferredFix(f), false);
    }

    @Test
    void realGoProgramThatIsNotTheTool(@TempDir Path tmp) throws IOException {
      Scenario s = copy(withSettings(tmp, "\"go\": \"/opt/lefthook\""),
          TestTools.npmFile("lefthook-linux-x64", "bin/lefthook"), "/opt/lefthook");
      Finding f = single(s, rule, Severity.WARNING, SETTINGS, 3);
      contains(f, "go.alternateTools.go (~/proj/.vscode/settings.json:4) is /opt/lefthook, which is a Go program built"
          + " from github.com/evilmartians/lefthook/v2, not go; vscode-go runs it as go all the same.",
          "A usable go is at /usr/local/go/bin/go.");
      applyAndVerify(s, rule, f, preferredFix(f), false);
    }

    @Test
    void unknownNameIsRemoved(@TempDir Path tmp) {
      Scenario s = withSettings(tmp, "\"dlv\": \"mydlv\"");
      Finding f = single(s, rule, Severity.WARNING, SETTINGS, 3);
      contains(f, "is mydlv, which is not found in GOBIN, GOPATH/bin, GOROOT/bin or PATH, so running dlv fails.");
      Fix fix = preferredFix(f);
      assertEquals("Remove go.alternateTools.dlv (use the normal lookup)", fix.title());
      applyAndVerify(s, rule, f, fix, false);
    }

    @Test
    void usableEntriesAreFine(@TempDir Path tmp) throws IOException {
      Scenario s = copy(withSettings(tmp, "\"gopls\": \"${env:HOME}/go/bin/gopls\", \"dlv\": \"dlv-wrapper\","
          + " \"go\": \"/usr/local/go/bin/go\", \"lint\": \"/opt/lint.sh\""),
          TestTools.npmFile("@bufbuild/buf-linux-x64", "bin/buf"), "/home/u/go/bin/dlv-wrapper")
          .executable("/opt/lint.sh", "#!/bin/sh\nexec staticcheck \"$@\"\n".getBytes());
      none(s, rule);
    }
  }

  @Test
  void rulesMatchTheirCatalogueRows() throws IOException {
    Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    Path repo = Files.isDirectory(cwd.resolve("server")) ? cwd : cwd.getParent();
    List<String> rows = Files.readAllLines(repo.resolve("docs/rules/README.md"));
    List<Rule> rules = VersionRuleChecks.groupRules();
    for (Rule r : rules) {
      String row = rows.stream().filter(l -> l.startsWith("| [" + r.info().slug() + "]")).findFirst()
          .orElseThrow(() -> new AssertionError("no catalogue row for " + r.info().slug()));
      String[] cells = row.split("\\|");
      assertEquals(r.info().code(), cells[2].strip(), row);
      assertEquals(r.info().severity().label(), cells[3].strip(), row);
      assertEquals(r.info().summary(), cells[4].strip(), row);
      assertTrue(Files.isRegularFile(repo.resolve("docs/rules/" + r.info().slug() + ".md")));
    }
    assertEquals(List.of("module-needs-newer-go", "toolchain-unavailable", "version-pin-disagrees", "go-unsupported",
        "newer-go-not-used", "older-go-shadows-newer", "gopls-built-with-older-go", "gopls-not-found",
        "tools-bin-not-on-path", "alternate-tool-invalid"), rules.stream().map(r -> r.info().slug()).toList());
    assertTrue(RuleCatalogue.bySlug("GED304").isPresent());
  }
}
