package dev.goenvdoctor.rules;

import static dev.goenvdoctor.rules.GoEnvironmentRulesTestSupport.assertFixRemoves;
import static dev.goenvdoctor.rules.GoEnvironmentRulesTestSupport.assertTruthful;
import static dev.goenvdoctor.rules.GoEnvironmentRulesTestSupport.lineOf;
import static dev.goenvdoctor.rules.GoEnvironmentRulesTestSupport.tarball;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.fix.FixApplier;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.testing.Scenario;
import dev.goenvdoctor.testing.TestTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Go environment" rules on scenario machines: each fires where it should, stays quiet where it should not, and its fixes work. */
class GoEnvironmentRulesTest {
  private static final String ENV_FILE = "/home/u/.config/go/env";
  private static final String PROFILE = "/home/u/.profile";
  private static final String GO_MOD = "/home/u/proj/go.mod";
  private static final String SETTINGS = "/home/u/proj/.vscode/settings.json";
  private static final String MOUNTS_ROOT = "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro\n";

  @TempDir
  Path tmp;

  private static Finding only(List<Finding> findings) {
    assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
    Finding f = findings.get(0);
    assertTruthful(f);
    return f;
  }

  private static boolean hasEvidence(Finding f, String file, int line) {
    return f.evidence().stream().map(Provenance::location)
        .anyMatch(l -> l.file().equals(file) && l.range().startLine() == line);
  }

  private static Fix fix(Finding f) {
    assertFalse(f.fixes().isEmpty(), () -> f.slug() + " offers no fix: " + f);
    return f.fixes().get(0);
  }

  @Test
  void healthyTarballMachineHasNoFindingsInTheseGroups() {
    Scenario s = tarball(tmp).executable("/usr/bin/gcc", new byte[] {0x7f})
        .file("/proc/self/mountinfo", MOUNTS_ROOT).dir("/tmp");
    List<Finding> findings = new ArrayList<>();
    GoEnvironmentRules.all().forEach(r -> findings.addAll(s.findings(r)));
    SandboxRules.all().forEach(r -> findings.addAll(s.findings(r)));
    assertEquals(List.of(), findings);
  }

  @Test
  void anEmptyMachineCrashesNoRule() {
    Scenario s = Scenario.empty(tmp);
    GoEnvironmentRules.all().forEach(r -> assertEquals(List.of(), s.findings(r), r.info().slug()));
  }

  @Test
  void catalogueOrderAndCodesMatchTheReadme() {
    assertEquals(List.of("goproxy-blocks-downloads", "checksum-db-disabled", "vendor-flag-without-vendor",
        "go-dirs-not-writable", "tmp-noexec", "cgo-without-compiler"),
        GoEnvironmentRules.all().stream().map(r -> r.info().slug()).toList());
    assertEquals(List.of("GED601", "GED602", "GED603", "GED604", "GED605", "GED606"),
        GoEnvironmentRules.all().stream().map(r -> r.info().code()).toList());
    assertEquals(List.of(Severity.ERROR, Severity.WARNING, Severity.ERROR, Severity.ERROR, Severity.ERROR, Severity.ERROR),
        GoEnvironmentRules.all().stream().map(r -> r.info().severity()).toList());
  }

  @Nested
  class GoproxyBlocksDownloads {
    private final Rule rule = new GoproxyBlocksDownloadsRule();

    @Test
    void toolchainSwitchWithGoproxyOffIsAnError() throws IOException {
      Scenario s = tarball(tmp).file(GO_MOD, "module example.com/proj\n\ngo 1.23\n").file(ENV_FILE, "GOPROXY=off\n");
      Finding f = only(s.findings(rule));
      assertEquals("goproxy-blocks-downloads", f.slug());
      assertEquals(Severity.ERROR, f.severity());
      assertEquals(ENV_FILE, f.location().file());
      assertEquals(0, f.location().range().startLine());
      assertTrue(hasEvidence(f, GO_MOD, 2), f.evidence().toString());
      assertTrue(f.message().contains("GOPROXY=off (saved by go env -w in ~/.config/go/env:1) in every layer"), f.message());
      assertTrue(f.message().contains("~/proj/go.mod:3 (go 1.23) makes the go command switch to go1.23.0"), f.message());
      assertTrue(f.message().contains(": every layer runs go1.22.5 with GOTOOLCHAIN=auto"), f.message());
      assertTrue(f.message().contains("golang.org/toolchain@v0.0.1-go1.23.0.linux-amd64"), f.message());
      assertEquals(List.of("go env -u GOPROXY"), f.commands());
      assertFalse(fix(f).preferred());
      assertFixRemoves(s, fix(f), "goproxy-blocks-downloads");
      assertFalse(Files.readString(s.host(ENV_FILE)).contains("GOPROXY"));
    }

    @Test
    void toolchainLineNewerThanGoLineIsTheTarget() {
      Scenario s = tarball(tmp).file(GO_MOD, "module example.com/proj\n\ngo 1.22.0\n\ntoolchain go1.23.4\n")
          .append(PROFILE, "export GOPROXY=off\n");
      Finding f = only(s.findings(rule));
      assertTrue(f.message().contains("switch to go1.23.4"), f.message());
      assertTrue(hasEvidence(f, GO_MOD, 4), f.evidence().toString());
      assertEquals(PROFILE, f.location().file());
      assertEquals(lineOf(s, PROFILE, "GOPROXY=off"), f.location().range().startLine());
    }

    @Test
    void quietWhenTheToolchainIsAlreadyInTheModuleCacheOrOnPath() {
      Scenario cached = tarball(tmp).file(GO_MOD, "module example.com/proj\n\ngo 1.23\n").file(ENV_FILE, "GOPROXY=off\n")
          .dir("/home/u/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.0.linux-amd64");
      assertEquals(List.of(), cached.findings(rule));
      cached.goTool("/home/u/go/bin/go1.23.0", "go1.23.0", "golang.org/dl/go1.23.0")
          .env("PATH", Scenario.DEFAULT_PATH + ":/usr/local/go/bin:/home/u/go/bin");
      assertEquals(List.of(), cached.findings(rule));
    }

    @Test
    void aConditionalGoproxyInAStartupFileIsNotEvidence() {
      Scenario s = tarball(tmp).file(GO_MOD, "module example.com/proj\n\ngo 1.23\n")
          .append(PROFILE, "if [ \"$(hostname)\" = build ]; then\n  export GOPROXY=off\nfi\n");
      assertEquals(List.of(), s.findings(rule));
      // The same line without the condition is.
      s.append(PROFILE, "export GOPROXY=off\n");
      assertEquals(1, s.findings(rule).size());
    }

    @Test
    void quietWhenNothingMustBeDownloaded(@TempDir Path other) {
      // go line met, no requirements: GOPROXY=off harms nothing here.
      assertEquals(List.of(), tarball(tmp).file(ENV_FILE, "GOPROXY=off\n").findings(rule));
      // GOTOOLCHAIN=local never downloads: that case belongs to module-needs-newer-go.
      assertEquals(List.of(), tarball(other).file(GO_MOD, "module example.com/proj\n\ngo 1.23\n")
          .file(ENV_FILE, "GOPROXY=off\nGOTOOLCHAIN=local\n").findings(rule));
    }

    @Test
    void requiredModulesMissingFromTheCacheAreAWarning() {
      Scenario s = tarball(tmp)
          .file(GO_MOD, "module example.com/proj\n\ngo 1.22\n\nrequire (\n\tgithub.com/BurntSushi/toml v1.3.2\n"
              + "\tgithub.com/google/uuid v1.6.0 // indirect\n)\n")
          .append(PROFILE, "export GOPROXY=off\n");
      Finding f = only(s.findings(rule));
      assertEquals(Severity.WARNING, f.severity());
      assertEquals(PROFILE, f.location().file());
      assertTrue(hasEvidence(f, GO_MOD, 5) && hasEvidence(f, GO_MOD, 6), f.evidence().toString());
      assertTrue(f.message().contains("requires github.com/BurntSushi/toml v1.3.2, github.com/google/uuid v1.6.0"),
          f.message());
      assertTrue(f.message().contains("not in the module cache ~/go/pkg/mod"), f.message());
      assertTrue(f.message().contains("module lookup disabled by GOPROXY=off"), f.message());
    }

    @Test
    void quietWhenEveryRequiredModuleIsCachedOrVendored(@TempDir Path other) {
      String goMod = "module example.com/proj\n\ngo 1.22\n\nrequire github.com/BurntSushi/toml v1.3.2\n"
          + "require github.com/google/uuid v1.6.0\n";
      Scenario cached = tarball(tmp).file(GO_MOD, goMod).append(PROFILE, "export GOPROXY=off\n")
          // the cache's case encoding: upper case becomes '!' + lower case
          .dir("/home/u/go/pkg/mod/github.com/!burnt!sushi/toml@v1.3.2")
          .file("/home/u/go/pkg/mod/cache/download/github.com/google/uuid/@v/v1.6.0.mod", "module github.com/google/uuid\n");
      assertEquals(List.of(), cached.findings(rule));
      Scenario vendored = tarball(other).file(GO_MOD, goMod).append(PROFILE, "export GOPROXY=off\n")
          .file("/home/u/proj/vendor/modules.txt", "# github.com/google/uuid v1.6.0\n## explicit\n");
      assertEquals(List.of(), vendored.findings(rule));
    }

    @Test
    void onlyOffAsTheFirstEntryForbidsDownloads() {
      assertTrue(GoproxyBlocksDownloadsRule.forbidsDownloads("off"));
      assertTrue(GoproxyBlocksDownloadsRule.forbidsDownloads(" off,https://proxy.golang.org"));
      assertFalse(GoproxyBlocksDownloadsRule.forbidsDownloads("https://proxy.golang.org,off"));
      assertFalse(GoproxyBlocksDownloadsRule.forbidsDownloads("direct"));
      assertFalse(GoproxyBlocksDownloadsRule.forbidsDownloads(""));
    }

    @Test
    void theQuotedErrorIsWhatRealGoPrints(@TempDir Path work) throws Exception {
      Path go = TestTools.systemFile("/usr/lib/go-1.19/bin/go");
      Files.writeString(work.resolve("go.mod"), "module x\n\ngo 1.19\n\nrequire github.com/google/uuid v1.6.0\n");
      ExecResult r = runGo(go, work, Map.of("GOPROXY", "off", "GOFLAGS", "-mod=mod"), "mod", "download");
      assertTrue(r.stderr().contains("module lookup disabled by GOPROXY=off"), r.stderr());
    }
  }

  @Nested
  class ChecksumDbDisabled {
    private final Rule rule = new ChecksumDbDisabledRule();

    @Test
    void wildcardGonosumdbInProfile() throws IOException {
      Scenario s = tarball(tmp).append(PROFILE, "export GONOSUMDB='*'          # all private\n");
      Finding f = only(s.findings(rule));
      assertEquals("checksum-db-disabled", f.slug());
      assertEquals(Severity.WARNING, f.severity());
      assertEquals(PROFILE, f.location().file());
      int line = lineOf(s, PROFILE, "GONOSUMDB");
      assertEquals(line, f.location().range().startLine());
      assertTrue(hasEvidence(f, PROFILE, line));
      // The scenario's editor environment is fixed; only the shells read ~/.profile.
      assertTrue(f.message().startsWith("GONOSUMDB=* (~/.profile:" + (line + 1) + ") in the desktop session and your"
          + " terminal: the go command"
          + " skips the checksum database for every module (*), public modules included."), f.message());
      assertTrue(f.message().contains("GOPRIVATE=git.example.com/team/*"), f.message());
      assertFalse(fix(f).preferred());
      assertFixRemoves(s, fix(f), "checksum-db-disabled");
    }

    @Test
    void gosumdbOffSavedWithGoEnvW() throws IOException {
      Scenario s = tarball(tmp).file(ENV_FILE, "GOPRIVATE=git.example.com/team/*\nGOSUMDB=off\n");
      Finding f = only(s.findings(rule));
      assertEquals(ENV_FILE, f.location().file());
      assertEquals(1, f.location().range().startLine());
      assertTrue(f.message().contains("GOSUMDB=off (saved by go env -w in ~/.config/go/env:2) in every layer"), f.message());
      assertEquals(List.of("go env -u GOSUMDB"), f.commands());
      assertFixRemoves(s, fix(f), "checksum-db-disabled");
      assertEquals("GOPRIVATE=git.example.com/team/*\n", Files.readString(s.host(ENV_FILE)));
    }

    @Test
    void theLastLineWithoutANewlineIsRemovedCleanly() throws IOException {
      Scenario s = tarball(tmp).file(ENV_FILE, "GOPRIVATE=git.example.com/team/*\nGOSUMDB=off");
      assertFixRemoves(s, fix(only(s.findings(rule))), "checksum-db-disabled");
      assertEquals("GOPRIVATE=git.example.com/team/*", Files.readString(s.host(ENV_FILE)));
    }

    @Test
    void aLineThatSetsMoreThanTheVariableGetsNoFix() {
      Scenario s = tarball(tmp).append(PROFILE, "export GOSUMDB=off GOPROXY=direct\n");
      Finding f = only(s.findings(rule));
      assertEquals(lineOf(s, PROFILE, "GOSUMDB=off"), f.location().range().startLine());
      assertEquals(List.of(), f.fixes(), "deleting the line would also drop GOPROXY=direct");
    }

    @Test
    void insecureInToolsEnvVarsReachesOnlyTheExtensionLayers() throws IOException {
      Scenario s = tarball(tmp).file(SETTINGS, "{\n  // flags for tools\n  \"go.toolsEnvVars\": {\n"
          + "    \"GOFLAGS\": \"-insecure -trimpath\"\n  }\n}\n");
      Finding f = only(s.findings(rule));
      assertEquals(SETTINGS, f.location().file());
      assertEquals(3, f.location().range().startLine());
      assertTrue(f.message().contains("in the Go extension and gopls"), f.message());
      assertTrue(f.message().contains("go: -insecure flag is no longer supported; use GOINSECURE instead"), f.message());
      assertTrue(fix(f).preferred());
      assertFixRemoves(s, fix(f), "checksum-db-disabled");
      String after = Files.readString(s.host(SETTINGS));
      assertTrue(after.contains("\"GOFLAGS\": \"-trimpath\"") && after.contains("// flags for tools"), after);
    }

    @Test
    void narrowPatternsAreQuiet() {
      Scenario s = tarball(tmp).append(PROFILE, "export GOPRIVATE='git.example.com/team/*,github.com/myorg'\n"
          + "export GOINSECURE=git.internal.example.com\nexport GOFLAGS=-trimpath\n");
      assertEquals(List.of(), s.findings(rule));
    }

    @Test
    void whatCountsAsTooBroad() {
      assertEquals(Optional.of("every module (*)"), ChecksumDbDisabledRule.broadPattern("*"));
      assertTrue(ChecksumDbDisabledRule.broadPattern("git.corp.example.com,*/*").isPresent());
      assertEquals(Optional.of("every module on github.com (github.com/*)"), ChecksumDbDisabledRule.broadPattern("github.com/*"));
      assertTrue(ChecksumDbDisabledRule.broadPattern("*.com").isPresent());
      assertEquals(Optional.empty(), ChecksumDbDisabledRule.broadPattern("github.com/myorg/*"));
      assertEquals(Optional.empty(), ChecksumDbDisabledRule.broadPattern("*.corp.example.com"));
      assertEquals(Optional.empty(), ChecksumDbDisabledRule.broadPattern(""));
      assertTrue(ChecksumDbDisabledRule.isInsecureFlag("-insecure"));
      assertTrue(ChecksumDbDisabledRule.isInsecureFlag("--insecure=true"));
      assertFalse(ChecksumDbDisabledRule.isInsecureFlag("-insecure=false"));
    }

    @Test
    void realGoRejectsInsecureOnlyInGoGet(@TempDir Path work) throws Exception {
      Path go = TestTools.systemFile("/usr/lib/go-1.19/bin/go");
      Files.writeString(work.resolve("go.mod"), "module x\n\ngo 1.19\n");
      ExecResult get = runGo(go, work, Map.of("GOFLAGS", "-insecure", "GOPROXY", "off"), "get", ".");
      assertTrue(get.stderr().contains("go: -insecure flag is no longer supported; use GOINSECURE instead"), get.stderr());
    }
  }

  @Nested
  class VendorFlagWithoutVendor {
    private final Rule rule = new VendorFlagWithoutVendorRule();
    private static final String REQUIRES = "module example.com/proj\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n";

    @Test
    void goflagsSavedWithGoEnvWAndNoVendorDirectory() throws IOException {
      Scenario s = tarball(tmp).file(GO_MOD, REQUIRES).file(ENV_FILE, "GOFLAGS=-mod=vendor\n");
      Finding f = only(s.findings(rule));
      assertEquals("vendor-flag-without-vendor", f.slug());
      assertEquals(Severity.ERROR, f.severity());
      assertEquals(GO_MOD, f.location().file());
      assertEquals(0, f.location().range().startLine());
      assertTrue(hasEvidence(f, ENV_FILE, 0));
      assertTrue(f.message().startsWith("GOFLAGS=-mod=vendor (saved by go env -w in ~/.config/go/env:1) in every layer,"
          + " but ~/proj has no vendor directory and its go.mod requires 1 module"), f.message());
      assertTrue(f.message().contains("go: inconsistent vendoring in /home/u/proj"), f.message());
      assertEquals(List.of("go env -u GOFLAGS", "go mod vendor"), f.commands());
      assertTrue(fix(f).preferred());
      assertFixRemoves(s, fix(f), "vendor-flag-without-vendor");
    }

    @Test
    void otherFlagsAreKept() throws IOException {
      Scenario s = tarball(tmp).file(GO_MOD, REQUIRES).append(PROFILE, "export GOFLAGS=\"-mod=vendor -trimpath\"\n");
      Finding f = only(s.findings(rule));
      assertEquals(GO_MOD, f.location().file());
      assertTrue(hasEvidence(f, PROFILE, lineOf(s, PROFILE, "GOFLAGS")));
      assertFixRemoves(s, fix(f), "vendor-flag-without-vendor");
      assertTrue(Files.readString(s.host(PROFILE)).contains("export GOFLAGS=-trimpath\n"));
    }

    @Test
    void quietWithAVendorDirectoryOrNoRequirements(@TempDir Path other) {
      assertEquals(List.of(), tarball(tmp).file(GO_MOD, REQUIRES).file(ENV_FILE, "GOFLAGS=-mod=vendor\n")
          .file("/home/u/proj/vendor/modules.txt", "# github.com/google/uuid v1.6.0\n## explicit\n").findings(rule));
      assertEquals(List.of(), tarball(other).file(ENV_FILE, "GOFLAGS=-mod=vendor\n").findings(rule));
    }

    @Test
    void theQuotedErrorIsWhatRealGoPrints(@TempDir Path work) throws Exception {
      Path go = TestTools.systemFile("/usr/lib/go-1.19/bin/go");
      Files.writeString(work.resolve("go.mod"), "module x\n\ngo 1.19\n\nrequire github.com/google/uuid v1.6.0\n");
      Files.writeString(work.resolve("main.go"), "package main\n\nimport _ \"github.com/google/uuid\"\n\nfunc main() {}\n");
      ExecResult r = runGo(go, work, Map.of("GOFLAGS", "-mod=vendor", "GOPROXY", "off"), "build", ".");
      assertTrue(r.stderr().contains("go: inconsistent vendoring in " + work.toRealPath()), r.stderr());
    }
  }

  @Nested
  class GoDirsNotWritable {
    private final Rule rule = new GoDirsNotWritableRule();

    @Test
    void buildCacheOnAReadOnlyMount() {
      Scenario s = tarball(tmp).dir("/home/u/.cache/go-build")
          .file("/proc/self/mountinfo", MOUNTS_ROOT + "40 22 0:40 / /home/u/.cache ro,relatime shared:9 - ext4 /dev/sdb1 ro\n");
      Finding f = only(s.findings(rule));
      assertEquals("go-dirs-not-writable", f.slug());
      assertEquals(Severity.ERROR, f.severity());
      assertEquals(GO_MOD, f.location().file());
      assertEquals(0, f.location().range().startLine());
      assertTrue(f.message().startsWith("GOCACHE ~/.cache/go-build is on a read-only mount."), f.message());
      assertTrue(f.message().contains("go env -w GOCACHE=<dir>"), f.message());
      assertEquals(List.of(), f.commands());
    }

    @Test
    void goPathOwnedByAnotherUser() throws IOException {
      Scenario s = tarball(tmp).dir("/home/u/go/pkg/mod/cache/download").dir("/home/u/.cache/go-build");
      int owner = (Integer) Files.getAttribute(s.host("/home/u/go"), "unix:uid");
      int me = owner == 0 ? 1000 : owner + 1;
      s.file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nu:x:" + me + ":" + me + "::/home/u:/bin/bash\n"
          + (owner == 0 ? "" : "builder:x:" + owner + ":" + owner + "::/nonexistent:/usr/sbin/nologin\n"))
          .file("/proc/self/status", "Name:\tjava\nUid:\t" + me + "\t" + me + "\t" + me + "\t" + me + "\n");
      if (owner == 0) { // as root the test can build the real shape: your home, root's ~/go
        for (String own : List.of("/home/u", "/home/u/.cache", "/home/u/.cache/go-build")) {
          Files.setAttribute(s.host(own), "unix:uid", me);
        }
      }
      for (String dir : List.of("/home/u/go", "/home/u/go/pkg", "/home/u/go/pkg/mod")) {
        Files.setPosixFilePermissions(s.host(dir), PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      Finding f = only(s.findings(rule));
      String ownerName = owner == 0 ? "root" : "builder";
      assertTrue(f.message().contains("GOPATH ~/go is owned by " + ownerName + " (uid " + owner + ")"), f.message());
      assertTrue(f.message().contains("GOMODCACHE ~/go/pkg/mod is owned by " + ownerName), f.message());
      assertTrue(f.message().contains("go commands run as u (uid " + me + ") cannot write there"), f.message());
      assertEquals("sudo chown -R \"$(id -un):$(id -gn)\" /home/u/go", f.commands().get(0));
    }

    @Test
    void quietWhenTheUserOwnsTheDirectories() throws IOException {
      Scenario s = tarball(tmp).dir("/home/u/go/pkg/mod").dir("/home/u/.cache/go-build")
          .file("/proc/self/mountinfo", MOUNTS_ROOT);
      int owner = (Integer) Files.getAttribute(s.host("/home/u/go"), "unix:uid");
      s.file("/proc/self/status", "Uid:\t" + owner + "\t" + owner + "\t" + owner + "\t" + owner + "\n");
      assertEquals(List.of(), s.findings(rule));
    }
  }

  @Nested
  class TmpNoexec {
    private final Rule rule = new TmpNoexecRule();
    private static final String NOEXEC_TMP = MOUNTS_ROOT
        + "30 22 0:30 / /tmp rw,nosuid,nodev,noexec,relatime shared:2 - tmpfs tmpfs rw,size=1024k\n";

    @Test
    void defaultTmpOnANoexecMount() throws IOException {
      Scenario s = tarball(tmp).dir("/tmp").file("/proc/self/mountinfo", NOEXEC_TMP);
      Finding f = only(s.findings(rule));
      assertEquals("tmp-noexec", f.slug());
      assertEquals(Severity.ERROR, f.severity());
      assertEquals(GO_MOD, f.location().file());
      assertTrue(f.message().startsWith("go run and go test build in /tmp (GOTMPDIR and TMPDIR unset) in every layer,"
          + " which is mounted noexec (tmpfs on /tmp)"), f.message());
      assertTrue(f.message().contains("fork/exec /tmp/go-build.../exe/main: permission denied (golang/go#52941)"));
      assertEquals(List.of("mkdir -p /home/u/.cache/go-tmp", "go env -w GOTMPDIR=/home/u/.cache/go-tmp"), f.commands());
      Fix settings = fix(f);
      assertTrue(settings.title().contains("go.toolsEnvVars.GOTMPDIR"), settings.title());
      assertFalse(settings.preferred(), "the directory does not exist yet");

      // The settings fix covers the Go extension and gopls; the shells still build in /tmp.
      s.dir("/home/u/.cache/go-tmp");
      FixApplier.apply(s.root(), settings);
      Finding rest = only(s.findings(rule));
      assertTrue(rest.message().contains("in the editor, the desktop session and your terminal,"), rest.message());
      // What `go env -w GOTMPDIR=...` writes reaches every layer.
      s.file(ENV_FILE, "GOTMPDIR=/home/u/.cache/go-tmp\n");
      assertEquals(List.of(), s.findings(rule));
    }

    @Test
    void settingsFixIsPreferredWhenTheDirectoryExists() throws IOException {
      Scenario s = tarball(tmp).dir("/tmp").dir("/home/u/.cache/go-tmp").file("/proc/self/mountinfo", NOEXEC_TMP);
      Finding f = only(s.findings(rule));
      assertEquals(List.of("go env -w GOTMPDIR=/home/u/.cache/go-tmp"), f.commands());
      assertTrue(fix(f).preferred());
      FixApplier.apply(s.root(), fix(f));
      assertTrue(Files.readString(s.host(SETTINGS)).contains("\"GOTMPDIR\": \"/home/u/.cache/go-tmp\""));
    }

    @Test
    void gotmpdirThatDoesNotExist() {
      Scenario s = tarball(tmp).append(PROFILE, "export GOTMPDIR=/home/u/build-tmp\n");
      Finding f = only(s.findings(rule));
      assertEquals(PROFILE, f.location().file());
      assertEquals(lineOf(s, PROFILE, "GOTMPDIR"), f.location().range().startLine());
      assertTrue(f.message().contains("go: creating work dir: stat /home/u/build-tmp: no such file or directory"),
          f.message());
      assertEquals(List.of("mkdir -p /home/u/build-tmp"), f.commands());
    }

    @Test
    void aComputedOrConditionalValueIsNoEvidenceOfAMissingDirectory(@TempDir Path other) {
      // Read statically, the value keeps the command text: whether the directory exists is unknown.
      assertEquals(List.of(), tarball(tmp).append(PROFILE, "export TMPDIR=\"/tmp/$(id -u)\"\n").findings(rule));
      // Set only on a host the static reading cannot tell: it may never be exported at all.
      assertEquals(List.of(), tarball(other).append(PROFILE, "if [ \"$(hostname)\" = build ]; then\n"
          + "  export GOTMPDIR=/scratch/tmp\nfi\n").findings(rule));
    }

    @Test
    void quietOnAnExecAllowedTmpOrWithAGoodGotmpdir(@TempDir Path other) {
      assertEquals(List.of(), tarball(tmp).dir("/tmp").file("/proc/self/mountinfo", MOUNTS_ROOT
          + "30 22 0:30 / /tmp rw,nosuid,nodev,relatime shared:2 - tmpfs tmpfs rw\n").findings(rule));
      assertEquals(List.of(), tarball(other).dir("/tmp").dir("/home/u/.cache/go-tmp").file("/proc/self/mountinfo", NOEXEC_TMP)
          .file(ENV_FILE, "GOTMPDIR=/home/u/.cache/go-tmp\n").findings(rule));
    }

    @Test
    void quietWhenTheMountsAreUnknown() {
      assertEquals(List.of(), tarball(tmp).dir("/tmp").findings(rule));
    }
  }

  @Nested
  class CgoWithoutCompiler {
    private final Rule rule = new CgoWithoutCompilerRule();

    @Test
    void cgoForcedOnWithoutGcc() throws IOException {
      Scenario s = tarball(tmp).append(PROFILE, "export CGO_ENABLED=1\n").env("CGO_ENABLED", "1");
      Finding f = only(s.findings(rule));
      assertEquals("cgo-without-compiler", f.slug());
      assertEquals(Severity.ERROR, f.severity());
      int line = lineOf(s, PROFILE, "CGO_ENABLED");
      assertEquals(PROFILE, f.location().file());
      assertEquals(line, f.location().range().startLine());
      assertTrue(hasEvidence(f, PROFILE, line));
      assertTrue(f.message().startsWith("CGO_ENABLED=1 (~/.profile:" + (line + 1) + "), but there is no gcc on the PATH"
          + " of any layer;"), f.message());
      assertTrue(f.message().contains("cgo: C compiler \"gcc\" not found: exec: \"gcc\": executable file not found in $PATH"));
      assertEquals(List.of("sudo apt install gcc"), f.commands());
      assertFalse(fix(f).preferred());
      assertFixRemoves(s.env("CGO_ENABLED", null), fix(f), "cgo-without-compiler");
    }

    @Test
    void aPathClobberedByToolsEnvVarsLosesTheCompilerOnlyThere() {
      Scenario s = tarball(tmp).executable("/usr/bin/gcc", new byte[] {0x7f}).file(ENV_FILE, "CGO_ENABLED=1\n")
          .file(SETTINGS, "{\n  \"go.toolsEnvVars\": {\"PATH\": \"/usr/local/go/bin\"}\n}\n");
      Finding f = only(s.findings(rule));
      assertEquals(ENV_FILE, f.location().file());
      assertTrue(f.message().contains("no gcc on the PATH of the Go extension and gopls;"), f.message());
      assertTrue(f.commands().contains("go env -u CGO_ENABLED"));
    }

    @Test
    void ccNamesTheCompilerToLookFor() throws IOException {
      Scenario s = tarball(tmp).executable("/usr/bin/gcc", new byte[] {0x7f})
          .file(ENV_FILE, "CGO_ENABLED=1\nCC=clang -fno-color-diagnostics\n");
      Finding f = only(s.findings(rule));
      assertTrue(f.message().contains("cgo: C compiler \"clang\" not found"), f.message());
      // With CC set, removing CGO_ENABLED=1 would not turn cgo off: the remedy is CGO_ENABLED=0.
      assertTrue(f.message().contains("set CGO_ENABLED=0: with CC set"), f.message());
      assertEquals(List.of("go env -w CGO_ENABLED=0"), f.commands());
      assertEquals("Set CGO_ENABLED=0 in ~/.config/go/env:1 (no cgo)", fix(f).title());
      s.executable("/usr/bin/clang", new byte[] {0x7f});
      assertEquals(List.of(), s.findings(rule));
      Files.delete(s.host("/usr/bin/clang"));
      assertEquals(1, s.findings(rule).size());
      assertFixRemoves(s, fix(f), "cgo-without-compiler");
      assertEquals("CGO_ENABLED=0\nCC=clang -fno-color-diagnostics\n", Files.readString(s.host(ENV_FILE)));
    }

    @Test
    void quietWithACompilerOrWithoutTheExplicitSetting(@TempDir Path other) {
      assertEquals(List.of(), tarball(tmp).executable("/usr/bin/gcc", new byte[] {0x7f})
          .append(PROFILE, "export CGO_ENABLED=1\n").findings(rule));
      assertEquals(List.of(), tarball(other).findings(rule));
    }

    @Test
    void theQuotedErrorIsWhatRealGoPrints(@TempDir Path work) throws Exception {
      Path go = TestTools.systemFile("/usr/lib/go-1.19/bin/go");
      Files.writeString(work.resolve("go.mod"), "module x\n\ngo 1.19\n");
      Files.writeString(work.resolve("main.go"), "package main\n\n// int f(void) { return 1; }\nimport \"C\"\n\n"
          + "func main() { C.f() }\n");
      ExecResult r = runGo(go, work, Map.of("CGO_ENABLED", "1", "PATH", go.getParent().toString()), "build", ".");
      assertTrue(r.stderr().contains("cgo: C compiler \"gcc\" not found: exec: \"gcc\": executable file not found in $PATH"),
          r.stderr());
    }
  }

  /** Runs the real go in {@code dir} with a private GOPATH and cache, plus {@code env}. */
  static ExecResult runGo(Path go, Path dir, Map<String, String> env, String... args) throws Exception {
    Path home = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-home"));
    Map<String, String> full = new HashMap<>(Map.of("HOME", home.toString(), "GOPATH", home.resolve("go").toString(),
        "GOCACHE", home.resolve("cache").toString(), "GOTOOLCHAIN", "local", "PATH", "/usr/bin:/bin", "GOENV", "off"));
    full.putAll(env);
    List<String> command = new ArrayList<>(List.of(go.toString()));
    command.addAll(List.of(args));
    ExecResult r = new ProcessExecutor().run(ExecRequest.of(command, full, dir.toString(), Duration.ofSeconds(120)));
    assertTrue(r.startError().isEmpty(), r.startError().toString());
    assertFalse(r.succeeded(), "expected the go command to fail");
    return r;
  }
}
