package dev.goenvdoctor.rules;

import static dev.goenvdoctor.rules.VersionRuleChecks.applyAndVerify;
import static dev.goenvdoctor.rules.VersionRuleChecks.contains;
import static dev.goenvdoctor.rules.VersionRuleChecks.evidence;
import static dev.goenvdoctor.rules.VersionRuleChecks.fixTitled;
import static dev.goenvdoctor.rules.VersionRuleChecks.none;
import static dev.goenvdoctor.rules.VersionRuleChecks.preferredFix;
import static dev.goenvdoctor.rules.VersionRuleChecks.single;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.testing.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Versions and pins" rules on scenario machines read without running anything: each rule fires on
 * the broken machine with the slug, severity, location, evidence and words a user would see, stays quiet
 * on the close healthy one, and each fix, once applied, makes its finding go away without new findings
 * or changes to other files.
 */
class VersionRulesTest {
  static final String GO_MOD = "/home/u/proj/go.mod";
  static final String PROFILE = "/home/u/.profile";
  static final String BASHRC = "/home/u/.bashrc";
  static final String SETTINGS = "/home/u/proj/.vscode/settings.json";
  /** Line numbers (0-based) of a line appended to Debian's skel files. */
  static final int PROFILE_END = 27;
  static final int BASHRC_END = 113;

  /** The go.env upstream Go 1.21 and later ship in GOROOT: the proxy, the checksum database, GOTOOLCHAIN=auto. */
  static final String GO_ENV = "# This file contains the initial defaults for go command configuration.\n"
      + "# Values set by 'go env -w' and written to the user's go/env file override these.\n"
      + "# The environment overrides everything else.\n\n"
      + "# Use the Go module mirror and checksum database by default.\n"
      + "# See https://proxy.golang.org for details.\n"
      + "GOPROXY=https://proxy.golang.org,direct\n"
      + "GOSUMDB=sum.golang.org\n\n"
      + "# Automatically download newer toolchains as directed by go.mod files.\n"
      + "# See https://go.dev/doc/toolchain for details.\n"
      + "GOTOOLCHAIN=auto\n";

  /** A Go 1.21+ tree as released: VERSION, bin/go with build info, and go.env. */
  static Scenario modernGo(Scenario s, String dir, String version) {
    return s.goRoot(dir, version).file(dir + "/go.env", GO_ENV);
  }

  static Scenario goMod(Scenario s, String body) {
    return s.file(GO_MOD, "module example.com/proj\n\n" + body);
  }

  static String editorPathWith(String dir) {
    return dir + ":" + Scenario.DEFAULT_PATH;
  }

  @Nested
  class ModuleNeedsNewerGo {
    final Rule rule = new ModuleNeedsNewerGoRule();

    /** Ubuntu 22.04's Go 1.18 in VS Code, the tarball only in terminals (below .bashrc's guard). */
    Scenario ubuntuWithTarballInTerminal(Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1"), "/usr/local/go", "go1.27.4")
          .append(BASHRC, "export PATH=/usr/local/go/bin:$PATH\n");
      return goMod(s, "go 1.27\n");
    }

    @Test
    void goOlderThan121BuildsAnywayAndFails(@TempDir Path tmp) {
      Scenario s = ubuntuWithTarballInTerminal(tmp);
      Finding f = single(s, rule, Severity.ERROR, GO_MOD, 2);
      assertEquals(3, f.location().range().startColumn()); // the value "1.27", not the whole line
      contains(f, "go.mod:3 requires go >= 1.27.",
          "VS Code and gopls run /usr/bin/go -> /usr/lib/go-1.18/bin/go (go1.18.1): Go 1.20 and older cannot switch toolchains",
          "\"note: module requires Go 1.27\"",
          "Your terminal runs /usr/local/go/bin/go (go1.27.4), which meets it.",
          "A Go that meets it is installed at /usr/local/go (go1.27.4).");
      evidence(f, GO_MOD, 3);
      evidence(f, "/etc/environment", 1); // what put /usr/bin, and so go1.18, first
    }

    @Test
    void releaseGoLineStopsOldGoAtOnce(@TempDir Path tmp) {
      Scenario s = goMod(ubuntuWithTarballInTerminal(tmp), "go 1.27.0\n");
      Finding f = single(s, rule, Severity.ERROR, GO_MOD, 2);
      contains(f, "cannot even read this go line: every go command in the module fails with"
          + " \"/home/u/proj/go.mod:3: invalid go version '1.27.0': must match format 1.23\".");
    }

    @Test
    void languageVersionAsToolchainCannotRun(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.21.0")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n").env("PATH", editorPathWith("/usr/local/go/bin"))
          .env("GOTOOLCHAIN", "go1.22");
      goMod(s, "go 1.22\n");
      Finding f = single(s, rule, Severity.ERROR, GO_MOD, 2);
      contains(f, "VS Code and gopls run /usr/local/go/bin/go (go1.21.0) with GOTOOLCHAIN=go1.22 (the environment):",
          "\"go: invalid toolchain: go1.22 is a language version but not a toolchain version (go1.22.x)\"",
          "Your terminal runs /usr/local/go/bin/go (go1.21.0) with GOTOOLCHAIN=auto");
    }

    @Test
    void gorootFixPointsVsCodeAtTheInstalledGo(@TempDir Path tmp) throws IOException {
      Scenario s = ubuntuWithTarballInTerminal(tmp);
      Finding f = single(s, rule, Severity.ERROR, GO_MOD, 2);
      Fix fix = preferredFix(f);
      assertTrue(fix.title().startsWith("Set go.goroot to /usr/local/go"), fix.title());
      applyAndVerify(s, rule, f, fix, false);
      assertEquals("{\n    \"go.goroot\": \"/usr/local/go\"\n}\n", Files.readString(s.host(SETTINGS)));
    }

    @Test
    void localToolchainQuotesTheGoCommandsError(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.21.0")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\nexport GOTOOLCHAIN=local\n")
          .env("PATH", editorPathWith("/usr/local/go/bin")).env("GOTOOLCHAIN", "local");
      goMod(s, "go 1.22\n");
      Finding f = single(s, rule, Severity.ERROR, GO_MOD, 2);
      contains(f, "with GOTOOLCHAIN=local (~/.profile:29), so it never switches",
          "fails with \"go: go.mod requires go >= 1.22 (running go 1.21.0; GOTOOLCHAIN=local)\"",
          "No installed Go meets it");
      evidence(f, PROFILE, 29);
      assertEquals(List.of("go install golang.org/dl/go1.22.0@latest", "go1.22.0 download"), f.commands());
    }

    @Test
    void autoSwitchingThatDownloadsIsAWarning(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.21.0")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n").env("PATH", editorPathWith("/usr/local/go/bin"));
      goMod(s, "go 1.22\n");
      Finding f = single(s, rule, Severity.WARNING, GO_MOD, 2);
      contains(f, "with GOTOOLCHAIN=auto (/usr/local/go/go.env:12): the go command switches to go1.22.0, downloading"
          + " golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64 into the module cache on first use");
      evidence(f, "/usr/local/go/go.env", 12);
    }

    @Test
    void downloadsBlockedByGoproxyOffIsAnError(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.21.0")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n").env("PATH", editorPathWith("/usr/local/go/bin"))
          .file("/home/u/.config/go/env", "GOPROXY=off\n");
      goMod(s, "go 1.22\n");
      Finding f = single(s, rule, Severity.ERROR, GO_MOD, 2);
      contains(f, "would download golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64, but GOPROXY=off (~/.config/go/env:1)"
          + " blocks downloads");
      evidence(f, "/home/u/.config/go/env", 1);
    }

    @Test
    void toolchainAlreadyInTheModuleCacheIsFine(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.21.0")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n").env("PATH", editorPathWith("/usr/local/go/bin"))
          .file("/home/u/.config/go/env", "GOPROXY=off\n");
      modernGo(s, "/home/u/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64", "go1.22.0");
      goMod(s, "go 1.22\n");
      none(s, rule);
    }

    @Test
    void toolchainFixForVsCodeOnlyLocalSetting(@TempDir Path tmp) {
      // Only VS Code's tools are told GOTOOLCHAIN=local; the toolchain is already in the module cache.
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.21.0")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n").env("PATH", editorPathWith("/usr/local/go/bin"))
          .file(SETTINGS, "{\n  // pinned on purpose\n  \"go.toolsEnvVars\": {\n    \"GOTOOLCHAIN\": \"local\"\n  }\n}\n");
      modernGo(s, "/home/u/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64", "go1.22.0");
      goMod(s, "go 1.22\n");
      Finding f = single(s, rule, Severity.ERROR, GO_MOD, 2);
      contains(f, "VS Code and gopls run /usr/local/go/bin/go (go1.21.0) with GOTOOLCHAIN=local (.vscode/settings.json:4)"
          .replace(".vscode", "~/proj/.vscode"), "Your terminal runs /usr/local/go/bin/go (go1.21.0), which switches to go1.22.0 from the module cache.");
      evidence(f, SETTINGS, 4);
      Fix fix = preferredFix(f);
      assertEquals("Set go.toolsEnvVars.GOTOOLCHAIN to go1.22.0 (already on this machine)", fix.title());
      applyAndVerify(s, rule, f, fix, false);
    }

    @Test
    void terminalOnlyGetsTheLoginFileFix(@TempDir Path tmp) throws IOException {
      // The editor was started with the tarball on PATH; terminals still run Ubuntu's Go 1.18.
      Scenario s = modernGo(Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1"), "/usr/local/go", "go1.27.4")
          .env("PATH", editorPathWith("/usr/local/go/bin"));
      goMod(s, "go 1.27\n");
      Finding f = single(s, rule, Severity.ERROR, GO_MOD, 2);
      contains(f, "Your terminal runs /usr/bin/go -> /usr/lib/go-1.18/bin/go (go1.18.1)",
          "VS Code and gopls run /usr/local/go/bin/go (go1.27.4), which meets it.");
      Fix fix = preferredFix(f);
      assertTrue(fix.title().startsWith("Put /usr/local/go/bin first on PATH"), fix.title());
      applyAndVerify(s, rule, f, fix, false);
      assertTrue(Files.readString(s.host(PROFILE)).endsWith("\nexport PATH=\"/usr/local/go/bin:$PATH\"\n"));
    }

    @Test
    void healthyTarballMachine(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.27.4")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n").env("PATH", editorPathWith("/usr/local/go/bin"));
      goMod(s, "go 1.27.1\n");
      none(s, rule);
    }
  }

  @Nested
  class ToolchainUnavailable {
    final Rule rule = new ToolchainUnavailableRule();

    Scenario base(Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.26.2")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n").env("PATH", editorPathWith("/usr/local/go/bin"));
      return goMod(s, "go 1.26.0\n\ntoolchain go1.27.4\n");
    }

    @Test
    void localToolchainIgnoresTheLine(@TempDir Path tmp) {
      Scenario s = base(tmp).file(SETTINGS, "{\n  \"go.toolsEnvVars\": { \"GOTOOLCHAIN\": \"local\" }\n}\n");
      modernGo(s, "/home/u/sdk/go1.27.4", "go1.27.4").file("/home/u/sdk/go1.27.4/.unpacked-success", "");
      Finding f = single(s, rule, Severity.WARNING, GO_MOD, 4);
      contains(f, "go.mod:5 prefers toolchain go1.27.4.",
          "VS Code and gopls run /usr/local/go/bin/go (go1.26.2) with GOTOOLCHAIN=local (~/proj/.vscode/settings.json:2):"
              + " the go command never reads go.mod to pick a toolchain, so go1.27.4 is ignored there",
          "A Go that new is installed at /home/u/sdk/go1.27.4 (go1.27.4).");
      evidence(f, GO_MOD, 5);
      evidence(f, SETTINGS, 2);
      applyAndVerify(s, rule, f, preferredFix(f), false);
    }

    @Test
    void blockedDownloadIsAnError(@TempDir Path tmp) {
      Scenario s = base(tmp).file("/home/u/.config/go/env", "GOTOOLCHAIN=auto\nGOPROXY=off\n");
      Finding f = single(s, rule, Severity.ERROR, GO_MOD, 4);
      contains(f, "Your terminal, VS Code and gopls run /usr/local/go/bin/go (go1.26.2) with GOTOOLCHAIN=auto"
          + " (~/.config/go/env:1): the go command would download golang.org/toolchain@v0.0.1-go1.27.4.linux-amd64,"
          + " but GOPROXY=off (~/.config/go/env:2) blocks downloads", "so every go command in the module fails.");
      evidence(f, "/home/u/.config/go/env", 2);
      assertEquals(List.of("go install golang.org/dl/go1.27.4@latest", "go1.27.4 download"), f.commands());
    }

    @Test
    void switchingThatWorksIsQuiet(@TempDir Path tmp) {
      none(base(tmp), rule); // GOTOOLCHAIN=auto and a proxy: the go command fetches go1.27.4 itself
      Scenario cached = base(tmp).file("/home/u/.config/go/env", "GOPROXY=off\n");
      modernGo(cached, "/home/u/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.27.4.linux-amd64", "go1.27.4");
      none(cached, rule);
    }
  }

  @Nested
  class VersionPinDisagrees {
    final Rule rule = new VersionPinDisagreesRule();

    @Test
    void pinNotInstalledInAsdf(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/home/u/.asdf/installs/golang/1.26.2/go", "go1.26.2")
          .file("/home/u/proj/.tool-versions", "nodejs 22.1.0\ngolang 1.27.4\n");
      goMod(s, "go 1.26\n");
      Finding f = single(s, rule, Severity.WARNING, "/home/u/proj/.tool-versions", 1);
      assertEquals(7, f.location().range().startColumn());
      contains(f, ".tool-versions:2 pins golang 1.27.4, but asdf has only 1.26.2"
          + " (~/.asdf/installs/golang/1.26.2/go) installed.");
      evidence(f, "/home/u/proj/.tool-versions", 2);
    }

    @Test
    void editorRunsAnotherGoThanThePin(@TempDir Path tmp) throws IOException {
      Scenario s = modernGo(Scenario.ubuntu(tmp).aptGo("1.26", "go1.26.2"), "/usr/local/go", "go1.27.4")
          .append(BASHRC, "export PATH=/usr/local/go/bin:$PATH\n")
          .file("/home/u/proj/.go-version", "1.27.4\n");
      goMod(s, "go 1.26\n");
      Finding f = single(s, rule, Severity.WARNING, "/home/u/proj/.go-version", 0);
      contains(f, ".go-version:1 pins go 1.27.4. VS Code and gopls run /usr/bin/go -> /usr/lib/go-1.26/bin/go (go1.26.2).",
          "The pinned Go is installed at /usr/local/go.");
      assertFalse(f.message().contains("terminal"), f.message()); // the terminal follows the pin
      Fix fix = preferredFix(f);
      assertTrue(fix.title().startsWith("Set go.goroot to /usr/local/go"), fix.title());
      applyAndVerify(s, rule, f, fix, false);
    }

    @Test
    void gvmNeedsTheGoPrefix(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/home/u/.gvm/gos/go1.27.4", "go1.27.4")
          .file("/home/u/proj/.go-version", "1.27.4\n");
      goMod(s, "go 1.27\n");
      Finding f = single(s, rule, Severity.WARNING, "/home/u/proj/.go-version", 0);
      contains(f, ".go-version:1 pins go 1.27.4, but gvm names its versions with the go prefix (it has go1.27.4):"
          + " write go1.27.4.");
    }

    @Test
    void pinUpdatedToTheGoEveryLayerRuns(@TempDir Path tmp) throws IOException {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.27.4")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n").env("PATH", editorPathWith("/usr/local/go/bin"))
          .file("/home/u/proj/.go-version", "1.26.0\n");
      goMod(s, "go 1.27\n");
      Finding f = single(s, rule, Severity.WARNING, "/home/u/proj/.go-version", 0);
      contains(f, ".go-version:1 pins go 1.26.0. Your terminal, VS Code and gopls run /usr/local/go/bin/go (go1.27.4).");
      Fix fix = preferredFix(f);
      assertEquals("Change the pin in ~/proj/.go-version to 1.27.4", fix.title());
      applyAndVerify(s, rule, f, fix, false);
      assertEquals("1.27.4\n", Files.readString(s.host("/home/u/proj/.go-version")));
    }

    @Test
    void matchingOrNonVersionPinsAreQuiet(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.27.4")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n").env("PATH", editorPathWith("/usr/local/go/bin"))
          .file("/home/u/proj/.go-version", "1.27\n");
      goMod(s, "go 1.27\n");
      none(s, rule); // 1.27 means any 1.27.x
      s.file("/home/u/proj/.go-version", "system\n");
      none(s, rule);
    }

    @Test
    void neverSuggestsAPinTheModuleRejects(@TempDir Path tmp) {
      Scenario s = Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1").file("/home/u/proj/.go-version", "1.27.4\n");
      goMod(s, "go 1.27\n");
      Finding f = single(s, rule, Severity.WARNING, "/home/u/proj/.go-version", 0);
      assertTrue(f.fixes().isEmpty(), () -> "no fix should pin go1.18.1: " + f.fixes());
    }
  }

  @Nested
  class GoUnsupported {
    final Rule rule = new GoUnsupportedRule();

    @Test
    void ubuntuDefaultGoIsUnsupported(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1"), "/usr/lib/go-1.27", "go1.27.4")
          .append(BASHRC, "export PATH=/usr/lib/go-1.27/bin:$PATH\n");
      goMod(s, "go 1.22\n");
      Finding f = single(s, rule, Severity.WARNING, GO_MOD, 2);
      contains(f, "VS Code and gopls run /usr/bin/go -> /usr/lib/go-1.18/bin/go (go1.18.1).",
          "The two newest Go releases known to go-env-doctor (release table of " + VersionReleases.TABLE_DATE
              + ") are go1.27 and go1.26; go1.18 gets no more security or bug fixes.",
          "A supported Go is installed at /usr/lib/go-1.27 (go1.27.4).");
      evidence(f, "/etc/environment", 1);
      applyAndVerify(s, rule, f, preferredFix(f), false);
    }

    @Test
    void terminalOnlyGetsTheLoginFileFix(@TempDir Path tmp) throws IOException {
      Scenario s = modernGo(Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1"), "/usr/local/go", "go1.27.4")
          .env("PATH", editorPathWith("/usr/local/go/bin"));
      goMod(s, "go 1.18\n");
      Finding f = single(s, rule, Severity.WARNING, GO_MOD, 2);
      contains(f, "Your terminal runs /usr/bin/go -> /usr/lib/go-1.18/bin/go (go1.18.1).",
          "A supported Go is installed at /usr/local/go (go1.27.4). Put its bin directory first on PATH.");
      Fix fix = preferredFix(f);
      assertEquals("Put /usr/local/go/bin first on PATH in the login shell's startup file (then log out and back in)",
          fix.title());
      applyAndVerify(s, rule, f, fix, false);
      assertTrue(Files.readString(s.host(PROFILE)).endsWith("export PATH=\"/usr/local/go/bin:$PATH\"\n"));
    }

    @Test
    void theTwoNewestReleasesAreSupported(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.26.0")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n").env("PATH", editorPathWith("/usr/local/go/bin"));
      none(s, rule);
    }

    @Test
    void releaseTableIsNewestFirstAndDated() {
      List<VersionReleases.Release> all = VersionReleases.all();
      for (int i = 1; i < all.size(); i++) {
        assertTrue(all.get(i - 1).released().compareTo(all.get(i).released()) > 0);
        assertTrue(all.get(i - 1).minor() > all.get(i).minor());
      }
      assertTrue(VersionReleases.TABLE_DATE.compareTo(all.get(0).released()) >= 0);
      assertTrue(VersionReleases.unsupported(GoVersion.parse("go1.25.9").orElseThrow()));
      assertFalse(VersionReleases.unsupported(GoVersion.parse("go1.28rc1").orElseThrow()));
    }
  }

  @Nested
  class NewerGoNotUsed {
    final Rule rule = new NewerGoNotUsedRule();

    Scenario sideBySide(Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1"), "/usr/lib/go-1.27", "go1.27.4")
          .file("/var/lib/dpkg/info/golang-1.27-go.list", "/usr/lib/go-1.27\n/usr/lib/go-1.27/bin/go\n");
      return goMod(s, "go 1.18\n");
    }

    @Test
    void sideBySidePackageNotOnPath(@TempDir Path tmp) {
      Scenario s = sideBySide(tmp);
      Finding f = single(s, rule, Severity.INFO, GO_MOD, 2);
      contains(f, "go1.27.4 is installed at /usr/lib/go-1.27 but no layer uses it: every layer runs /usr/bin/go ->"
          + " /usr/lib/go-1.18/bin/go (go1.18.1).", "/usr/bin/go belongs to golang-go");
      evidence(f, "/usr/lib/go-1.27/VERSION", 1);
      applyAndVerify(s, rule, f, preferredFix(f), false);
    }

    @Test
    void loginFileFixPutsItOnPath(@TempDir Path tmp) throws IOException {
      Scenario s = sideBySide(tmp);
      Finding f = single(s, rule, Severity.INFO, GO_MOD, 2);
      applyAndVerify(s, rule, f, fixTitled(f, "Put /usr/lib/go-1.27/bin first on PATH"), false);
      assertTrue(Files.readString(s.host(PROFILE)).contains("export PATH=\"/usr/lib/go-1.27/bin:$PATH\""));
    }

    @Test
    void versionsAManagerKeepsAreNotUnused(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1"), "/home/u/.goenv/versions/1.27.4", "go1.27.4");
      none(goMod(s, "go 1.18\n"), rule);
    }

    @Test
    void quietWhenSomeLayerUsesIt(@TempDir Path tmp) {
      Scenario s = sideBySide(tmp).append(PROFILE, "export PATH=\"/usr/lib/go-1.27/bin:$PATH\"\n");
      none(s, rule);
    }
  }

  /**
   * Well set-up machines (current Go on every layer's PATH from ~/.profile, gopls and tools installed
   * and on PATH) get no finding of these groups at warning or above: tarball, goenv and asdf.
   */
  @Nested
  class HealthyMachines {
    Scenario withTools(Scenario s, String pathLine) {
      s.append(PROFILE, pathLine + "\nexport PATH=\"$PATH:$HOME/go/bin\"\n")
          .goTool("/home/u/go/bin/gopls", "go1.27.4", "golang.org/x/tools/gopls")
          .goTool("/home/u/go/bin/dlv", "go1.27.4", "github.com/go-delve/delve/cmd/dlv");
      return goMod(s, "go 1.27.1\n");
    }

    void quiet(Scenario s) {
      s.env("PATH", VersionRuleChecks.reloginPath(s));
      Snapshot snapshot = s.snapshot();
      // The scenario really is set up: all five layers run go1.27.4 (through the shim, for managers).
      assertEquals(List.of("go1.27.4", "go1.27.4", "go1.27.4", "go1.27.4", "go1.27.4"),
          VersionFacts.allLayers(snapshot).stream().map(l -> l.version().toolchainName()).toList());
      for (Rule r : VersionRuleChecks.groupRules()) {
        List<Finding> loud = r.check(snapshot).stream().filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
        assertTrue(loud.isEmpty(), () -> r.info().slug() + " on a healthy machine: " + loud);
      }
    }

    @Test
    void tarball(@TempDir Path tmp) {
      quiet(withTools(modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.27.4"),
          "export PATH=\"/usr/local/go/bin:$PATH\""));
    }

    @Test
    void goenv(@TempDir Path tmp) throws IOException {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/home/u/.goenv/versions/1.27.4", "go1.27.4")
          .executable("/home/u/.goenv/shims/go", resource("/goinstall/goenv-shim"))
          .file("/home/u/.goenv/version", "1.27.4\n").file("/home/u/proj/.go-version", "1.27.4\n");
      quiet(withTools(s, "export PATH=\"$HOME/.goenv/shims:$PATH\""));
    }

    @Test
    void asdf(@TempDir Path tmp) throws IOException {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/home/u/.asdf/installs/golang/1.27.4/go", "go1.27.4")
          .executable("/home/u/.asdf/shims/go", resource("/goinstall/asdf-shim"))
          .file("/home/u/proj/.tool-versions", "golang 1.27.4\n");
      quiet(withTools(s, "export PATH=\"$HOME/.asdf/shims:$PATH\""));
    }

    private byte[] resource(String name) throws IOException {
      try (var in = VersionRulesTest.class.getResourceAsStream(name)) {
        assertTrue(in != null, name);
        return in.readAllBytes();
      }
    }
  }

  /** Bad or hostile machine state never makes a rule of these groups throw. */
  @Nested
  class OddInput {
    void runAll(Scenario s) {
      Snapshot snapshot = s.snapshot();
      for (Rule r : VersionRuleChecks.groupRules()) {
        List<Finding> findings = assertDoesNotThrow(() -> r.check(snapshot), r.info().slug());
        findings.forEach(f -> assertTrue(f.location() != null && !f.message().isBlank(), f::toString));
      }
    }

    @Test
    void emptyMachineWithoutHomeOrPath(@TempDir Path tmp) {
      runAll(Scenario.empty(tmp));
      runAll(Scenario.empty(tmp.resolve("w")).workspace("/nowhere").env("SHELL", "/usr/bin/fish"));
    }

    @Test
    void hostileFiles(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.21.0")
          .file("/usr/local/go/VERSION", "\u0000\u0001 not a version\n")
          .symlink("/usr/bin/go", "/nowhere/go")
          .file(GO_MOD, "module x\n\ngo 1.x\n\ntoolchain banana\n")
          .file("/home/u/proj/.go-version", "go\u0000\n")
          .file("/home/u/proj/.tool-versions", "golang\ngolang    \n")
          .file("/home/u/proj/mise.toml", "[tools\ngo = [\n")
          .file(SETTINGS, "{ \"go.alternateTools\": { \"gopls\": 42, \"go\": \"${env:\", \"dlv\": \"/\", \"x\": \"\" },"
              + " \"go.useLanguageServer\": \"no\" ")
          .file("/home/u/.config/go/env", "GOTOOLCHAIN\nGOPROXY=\r\n=x\n")
          .env("PATH", "relative:::~/bin:" + "/a".repeat(2000)).env("GOPATH", "relative:dir").env("GOBIN", "~/bin");
      runAll(s);
    }

    @Test
    void everyKindOfGotoolchainValue(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.21.0")
          .env("PATH", editorPathWith("/usr/local/go/bin"));
      goMod(s, "go 1.22rc1\n\ntoolchain go1.23.1-custom\n");
      for (String value : List.of("", "local", "auto", "path", "local+auto", "local+path", "go1.22.0+path", "go1.22",
          "go1.2x", "+", "go1.22.0+", "gotip", "go1.21rc1", "go1.21.0", "go99999999999.1.1", "auto+auto")) {
        runAll(s.env("GOTOOLCHAIN", value));
      }
    }
  }

  @Nested
  class OlderGoShadowsNewer {
    final Rule rule = new OlderGoShadowsNewerRule();

    @Test
    void appendedTarballLosesToDistributionGo(@TempDir Path tmp) throws IOException {
      Scenario s = modernGo(Scenario.ubuntu(tmp).aptGo("1.19", "go1.19.8"), "/usr/local/go", "go1.27.4")
          .append(PROFILE, "export PATH=\"$PATH:/usr/local/go/bin\"      # as the install page says\n");
      goMod(s, "go 1.19\n");
      Finding f = single(s, rule, Severity.WARNING, PROFILE, PROFILE_END);
      contains(f, "The desktop session and your terminal run /usr/bin/go -> /usr/lib/go-1.19/bin/go (go1.19.8) because"
          + " /usr/bin comes before /usr/local/go/bin (added at ~/.profile:28), which has /usr/local/go/bin/go (go1.27.4).");
      evidence(f, PROFILE, 28);
      evidence(f, "/etc/environment", 1);
      Fix fix = preferredFix(f);
      applyAndVerify(s, rule, f, fix, false);
      assertTrue(Files.readString(s.host(PROFILE))
          .endsWith("\nexport PATH=\"/usr/local/go/bin:$PATH\"      # as the install page says\n"));
    }

    @Test
    void vsCodeInheritsTheEditorsOrder(@TempDir Path tmp) {
      // The editor was started with the tarball appended (no startup line says so): only go.goroot can help.
      Scenario s = modernGo(Scenario.ubuntu(tmp).aptGo("1.19", "go1.19.8"), "/usr/local/go", "go1.27.4")
          .env("PATH", Scenario.DEFAULT_PATH + ":/usr/local/go/bin");
      goMod(s, "go 1.19\n");
      Finding f = single(s, rule, Severity.WARNING, GO_MOD, 2);
      contains(f, "VS Code and gopls run /usr/bin/go -> /usr/lib/go-1.19/bin/go (go1.19.8) because /usr/bin"
          + " comes before /usr/local/go/bin, which has /usr/local/go/bin/go (go1.27.4).");
      Fix fix = preferredFix(f);
      assertTrue(fix.title().startsWith("Set go.goroot to /usr/local/go"), fix.title());
      applyAndVerify(s, rule, f, fix, false);
    }

    @Test
    void prependedTarballIsFine(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp).aptGo("1.19", "go1.19.8"), "/usr/local/go", "go1.27.4")
          .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n");
      none(s, rule);
    }

    @Test
    void aNewerGoFirstIsFine(@TempDir Path tmp) {
      Scenario s = modernGo(Scenario.ubuntu(tmp).aptGo("1.19", "go1.19.8"), "/usr/local/go", "go1.18.10")
          .append(PROFILE, "export PATH=\"$PATH:/usr/local/go/bin\"\n");
      none(s, rule);
    }
  }
}
