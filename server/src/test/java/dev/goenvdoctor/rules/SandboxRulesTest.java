package dev.goenvdoctor.rules;

import static dev.goenvdoctor.rules.GoEnvironmentRulesTestSupport.assertFixRemoves;
import static dev.goenvdoctor.rules.GoEnvironmentRulesTestSupport.assertTruthful;
import static dev.goenvdoctor.rules.GoEnvironmentRulesTestSupport.tarball;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.binary.FixtureGo;
import dev.goenvdoctor.testing.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Sandboxes" rules. Flatpak, snap and WSL cannot run here, so their machines are directory
 * fixtures: the marker files and links those systems create, read through the same probes as a real root.
 */
class SandboxRulesTest {
  private static final String GO_MOD = "/home/u/proj/go.mod";
  private static final String WSL_CONF = "/etc/wsl.conf";

  @TempDir
  Path tmp;

  private static Finding only(List<Finding> findings) {
    assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
    assertTruthful(findings.get(0));
    return findings.get(0);
  }

  private static boolean hasEvidence(Finding f, String file, int line) {
    return f.evidence().stream().map(Provenance::location)
        .anyMatch(l -> l.file().equals(file) && l.range().startLine() == line);
  }

  /** The uid that owns /home/u: 1000 when the test runs as root (it hands the directory over), else the runner's. */
  private static int homeUid(Scenario s) throws IOException {
    int owner = (Integer) Files.getAttribute(s.host("/home/u"), "unix:uid");
    if (owner == 0) {
      Files.setAttribute(s.host("/home/u"), "unix:uid", 1000);
      return 1000;
    }
    return owner;
  }

  @Test
  void catalogueOrderAndCodesMatchTheReadme() {
    assertEquals(List.of("flatpak-editor", "snap-go-refresh", "wsl-windows-path", "sudo-home-mismatch", "mac-confinement"),
        SandboxRules.all().stream().map(r -> r.info().slug()).toList());
    assertEquals(List.of("GED701", "GED702", "GED703", "GED704", "GED705"),
        SandboxRules.all().stream().map(r -> r.info().code()).toList());
    assertEquals(List.of(Severity.ERROR, Severity.INFO, Severity.WARNING, Severity.WARNING, Severity.INFO),
        SandboxRules.all().stream().map(r -> r.info().severity()).toList());
  }

  @Test
  void anEmptyMachineCrashesNoRule() {
    Scenario s = Scenario.empty(tmp);
    SandboxRules.all().forEach(r -> assertEquals(List.of(), s.findings(r), r.info().slug()));
  }

  @Nested
  class FlatpakEditor {
    private final Rule rule = new FlatpakEditorRule();
    private static final String INFO = "[Application]\nname=com.visualstudio.code\n"
        + "runtime=runtime/org.freedesktop.Sdk/x86_64/23.08\n\n[Instance]\ninstance-id=1234567890\n";

    private Scenario vscodeFlatpak(Path dir) {
      return Scenario.ubuntu(dir).file("/.flatpak-info", INFO)
          .env("FLATPAK_ID", "com.visualstudio.code").env("container", "flatpak").env("PATH", "/app/bin:/usr/bin");
    }

    @Test
    void sandboxWithoutTheGoSdkExtension() {
      Finding f = only(vscodeFlatpak(tmp).findings(rule));
      assertEquals("flatpak-editor", f.slug());
      assertEquals(Severity.ERROR, f.severity());
      assertEquals(GO_MOD, f.location().file());
      assertEquals(0, f.location().range().startLine());
      assertTrue(hasEvidence(f, "/.flatpak-info", 1), f.evidence().toString());
      assertTrue(f.message().startsWith("VS Code (com.visualstudio.code) runs in Flatpak, runtime org.freedesktop.Sdk"
          + " 23.08; its PATH is /app/bin:/usr/bin and the Go extension finds no go."), f.message());
      assertTrue(f.message().contains("FLATPAK_ENABLE_SDK_EXT does not include golang"), f.message());
      assertTrue(f.message().contains("flatpak-spawn --host"), f.message());
      assertEquals(List.of("flatpak install flathub org.freedesktop.Sdk.Extension.golang//23.08",
          "flatpak override --user --env=FLATPAK_ENABLE_SDK_EXT=golang com.visualstudio.code"), f.commands());
    }

    @Test
    void extensionEnabledButNotInstalled() {
      Finding f = only(vscodeFlatpak(tmp).env("FLATPAK_ENABLE_SDK_EXT", "golang").findings(rule));
      assertTrue(f.message().contains("FLATPAK_ENABLE_SDK_EXT includes golang, but /usr/lib/sdk/golang/bin/go does not"
          + " exist"), f.message());
      assertEquals(List.of("flatpak install flathub org.freedesktop.Sdk.Extension.golang//23.08"), f.commands());
    }

    @Test
    void quietWithTheSdkExtensionOrOutsideFlatpak(@TempDir Path other, @TempDir Path third) {
      Scenario withSdk = vscodeFlatpak(tmp).env("FLATPAK_ENABLE_SDK_EXT", "golang")
          .env("PATH", "/app/bin:/usr/bin:/usr/lib/sdk/golang/bin").goRoot("/usr/lib/sdk/golang", "go1.22.5");
      assertEquals(List.of(), withSdk.findings(rule));
      assertEquals(List.of(), Scenario.ubuntu(other).findings(rule));
      // FLATPAK_ID inherited outside a sandbox (no /.flatpak-info) is not a sandbox.
      assertEquals(List.of(), Scenario.ubuntu(third).env("FLATPAK_ID", "com.visualstudio.code").findings(rule));
    }
  }

  @Nested
  class SnapGoRefresh {
    private final Rule rule = new SnapGoRefreshRule();

    private Scenario snapGo(Path dir) {
      return Scenario.ubuntu(dir).goRoot("/snap/go/10585", "go1.22.5").symlink("/snap/go/current", "10585")
          .executable("/usr/bin/snap", FixtureGo.image("go1.21.9", "github.com/snapcore/snapd/cmd/snap"))
          .symlink("/snap/bin/go", "/usr/bin/snap");
    }

    @Test
    void everyLayerRunsTheSnap() {
      Finding f = only(snapGo(tmp).findings(rule));
      assertEquals("snap-go-refresh", f.slug());
      assertEquals(Severity.INFO, f.severity());
      assertEquals("/etc/environment", f.location().file());
      assertEquals(0, f.location().range().startLine());
      assertTrue(hasEvidence(f, "/etc/environment", 0), f.evidence().toString());
      assertTrue(f.message().startsWith("Every layer runs the go snap at revision 10585 (go1.22.5); the editor reaches it"
          + " through /snap/bin/go -> /usr/bin/snap."), f.message());
      assertTrue(f.message().contains("snap refresh --hold=forever go (snapd 2.58 or later)"), f.message());
      assertTrue(f.message().contains("snap refresh --unhold go"), f.message());
      assertEquals(List.of("snap refresh --hold=forever go"), f.commands());
      assertEquals(List.of(), f.fixes());
    }

    @Test
    void oneLayerNamesItsChain() {
      // The terminal puts the tarball first; only the editor (and what derives from it) keeps the snap.
      Scenario s = snapGo(tmp).goRoot("/usr/local/go", "go1.22.5")
          .append("/home/u/.profile", "export PATH=/usr/local/go/bin:$PATH\n")
          .file("/home/u/proj/.vscode/settings.json", "{\"go.alternateTools\": {\"go\": \"/usr/local/go/bin/go\"},"
              + " \"go.toolsEnvVars\": {\"PATH\": \"/usr/local/go/bin:/usr/bin:/bin\"}}\n");
      Finding f = only(s.findings(rule));
      assertTrue(f.message().startsWith("The editor runs /snap/bin/go -> /usr/bin/snap, the go snap at revision 10585"
          + " (go1.22.5)."), f.message());
    }

    @Test
    void quietForATarballGo() {
      assertEquals(List.of(), tarball(tmp).env("PATH", "/usr/local/go/bin:" + Scenario.DEFAULT_PATH).findings(rule));
    }

    @Test
    void revisionComesFromTheRealPath() {
      assertEquals(Optional.of("10585"), SnapGoRefreshRule.revision("/snap/go/10585/bin/go"));
      assertEquals(Optional.empty(), SnapGoRefreshRule.revision("/snap/go/current/bin/go"));
      assertEquals(Optional.empty(), SnapGoRefreshRule.revision("/usr/local/go/bin/go"));
    }
  }

  @Nested
  class WslWindowsPath {
    private final Rule rule = new WslWindowsPathRule();
    private static final String WINDOWS_GO = "/mnt/c/Program Files/Go/bin";

    private Scenario wsl(Scenario s) {
      return s.file("/proc/sys/kernel/osrelease", "5.15.153.1-microsoft-standard-WSL2\n")
          .executable(WINDOWS_GO + "/go.exe", new byte[] {'M', 'Z'})
          .env("WSL_DISTRO_NAME", "Ubuntu")
          .env("PATH", Scenario.DEFAULT_PATH + ":" + WINDOWS_GO + ":/mnt/c/WINDOWS/system32");
    }

    @Test
    void windowsGoAndNoLinuxGo() throws IOException {
      Scenario s = wsl(Scenario.ubuntu(tmp)).file(WSL_CONF, "[boot]\nsystemd=true\n\n[interop]\nappendWindowsPath=true\n");
      Finding f = only(s.findings(rule));
      assertEquals("wsl-windows-path", f.slug());
      assertEquals(Severity.WARNING, f.severity());
      assertEquals(WSL_CONF, f.location().file());
      assertEquals(4, f.location().range().startLine());
      assertTrue(hasEvidence(f, WSL_CONF, 4));
      assertTrue(f.message().startsWith("WSL appends the Windows PATH (appendWindowsPath=true in /etc/wsl.conf:5), and "
          + WINDOWS_GO + " has go.exe, a Windows Go. A bare go never runs go.exe"), f.message());
      assertTrue(f.message().contains("There is no Linux go on PATH"), f.message());
      assertEquals(List.of("wsl --shutdown"), f.commands());
      Fix fix = f.fixes().get(0);
      assertFalse(fix.preferred(), "editing /etc needs root and a WSL restart");
      assertFixRemoves(s, fix, "wsl-windows-path");
      assertEquals("[boot]\nsystemd=true\n\n[interop]\nappendWindowsPath=false\n", Files.readString(s.host(WSL_CONF)));
    }

    @Test
    void defaultSettingWithALinuxGoAndAConfWithoutInterop() throws IOException {
      Scenario s = wsl(tarball(tmp)).env("PATH", "/usr/local/go/bin:" + Scenario.DEFAULT_PATH + ":" + WINDOWS_GO)
          .file(WSL_CONF, "[boot]\nsystemd=true");
      Finding f = only(s.findings(rule));
      assertTrue(f.message().contains("(no appendWindowsPath setting in /etc/wsl.conf, and true is the default)"),
          f.message());
      assertTrue(f.message().contains("Your Linux go is /usr/local/go/bin/go (go1.22.5)."), f.message());
      assertEquals(WSL_CONF, f.location().file());
      assertFixRemoves(s, f.fixes().get(0), "wsl-windows-path");
      assertEquals("[boot]\nsystemd=true\n\n[interop]\nappendWindowsPath=false\n", Files.readString(s.host(WSL_CONF)));
    }

    @Test
    void noWslConfAtAll() throws IOException {
      Scenario s = wsl(Scenario.ubuntu(tmp));
      Finding f = only(s.findings(rule));
      assertEquals(GO_MOD, f.location().file());
      assertTrue(f.message().contains("(no /etc/wsl.conf, and appending is the default)"), f.message());
      assertFixRemoves(s, f.fixes().get(0), "wsl-windows-path");
      assertEquals("[interop]\nappendWindowsPath=false\n", Files.readString(s.host(WSL_CONF)));
    }

    @Test
    void quietWhenNotAppendedOrNoWindowsGoOrNotWsl(@TempDir Path other, @TempDir Path third) {
      assertEquals(List.of(), wsl(Scenario.ubuntu(tmp)).file(WSL_CONF, "[interop]\nappendWindowsPath = false\n")
          .findings(rule));
      Scenario noGoExe = Scenario.ubuntu(other).file("/proc/sys/kernel/osrelease", "5.15.153.1-microsoft-standard-WSL2\n")
          .env("PATH", Scenario.DEFAULT_PATH + ":/mnt/c/WINDOWS/system32");
      assertEquals(List.of(), noGoExe.findings(rule));
      Scenario notWsl = Scenario.ubuntu(third).executable(WINDOWS_GO + "/go.exe", new byte[] {'M', 'Z'})
          .env("PATH", Scenario.DEFAULT_PATH + ":" + WINDOWS_GO);
      assertEquals(List.of(), notWsl.findings(rule));
    }
  }

  @Nested
  class SudoHomeMismatch {
    private final Rule rule = new SudoHomeMismatchRule();

    @Test
    void rootThroughSudoWithTheUsersHome() throws IOException {
      Scenario s = Scenario.ubuntu(tmp);
      int u = homeUid(s);
      s.file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nu:x:" + u + ":" + u + "::/home/u:/bin/bash\n")
          .file("/proc/self/status", "Name:\tjava\nUid:\t0\t0\t0\t0\n")
          .env("SUDO_USER", "u").env("SUDO_UID", String.valueOf(u));
      Finding f = only(s.findings(rule));
      assertEquals("sudo-home-mismatch", f.slug());
      assertEquals(Severity.WARNING, f.severity());
      assertEquals(GO_MOD, f.location().file());
      assertTrue(f.message().startsWith("Running as root (uid 0) through sudo for SUDO_USER=u, with HOME=/home/u (owned by u"
          + " (uid " + u + "))."), f.message());
      assertTrue(f.message().contains("go commands run this way create files owned by root (uid 0) in /home/u"
          + " (/home/u/go, /home/u/.cache/go-build)"), f.message());
      assertTrue(f.message().endsWith("without sudo."), f.message());
    }

    @Test
    void homeOwnedByAnotherUserWithoutSudo() throws IOException {
      Scenario s = Scenario.ubuntu(tmp);
      int owner = homeUid(s);
      int me = owner + 1;
      s.file("/etc/passwd", "u:x:" + owner + ":" + owner + "::/home/u:/bin/bash\nbob:x:" + me + ":" + me + "::/home/bob:/bin/sh\n")
          .file("/proc/self/status", "Uid:\t" + me + "\t" + me + "\t" + me + "\t" + me + "\n");
      Finding f = only(s.findings(rule));
      assertTrue(f.message().startsWith("HOME=/home/u is owned by u (uid " + owner + "), but this process runs as bob"
          + " (uid " + me + ")."), f.message());
    }

    @Test
    void quietForTheUserThemselves(@TempDir Path other) throws IOException {
      assertEquals(List.of(), Scenario.ubuntu(tmp).findings(rule));
      // SUDO_USER naming the very user this runs as (sudo -u u by u) changes nothing.
      Scenario s = Scenario.ubuntu(other);
      int u = homeUid(s);
      s.file("/etc/passwd", "u:x:" + u + ":" + u + "::/home/u:/bin/bash\n")
          .file("/proc/self/status", "Uid:\t" + u + "\t" + u + "\t" + u + "\t" + u + "\n").env("SUDO_USER", "u");
      assertEquals(List.of(), s.findings(rule));
    }
  }

  @Nested
  class MacConfinement {
    private final Rule rule = new MacConfinementRule();

    @Test
    void appArmorProfileInEnforceMode() {
      Finding f = only(Scenario.ubuntu(tmp).file("/proc/self/attr/apparmor/current", "code (enforce)\n").findings(rule));
      assertEquals("mac-confinement", f.slug());
      assertEquals(Severity.INFO, f.severity());
      assertEquals(GO_MOD, f.location().file());
      assertTrue(f.message().startsWith("This process runs under AppArmor profile code (enforce). SELinux is not enabled."),
          f.message());
      assertTrue(f.message().contains("Informational only"), f.message());
      assertEquals(List.of(), f.commands());
      assertEquals(List.of(), f.fixes());
    }

    @Test
    void selinuxEnforcingAndComplainMode(@TempDir Path other) {
      Finding selinux = only(Scenario.ubuntu(tmp).file("/sys/fs/selinux/enforce", "1").findings(rule));
      assertTrue(selinux.message().contains("SELinux is enforcing (/sys/fs/selinux/enforce is 1)"), selinux.message());
      Finding complain = only(Scenario.ubuntu(other).file("/proc/self/attr/apparmor/current", "code (complain)\n")
          .findings(rule));
      assertTrue(complain.message().contains("(complain: denials are only logged)"), complain.message());
    }

    @Test
    void quietWhenUnconfinedOrPermissive() {
      assertEquals(List.of(), Scenario.ubuntu(tmp).file("/proc/self/attr/apparmor/current", "unconfined\n")
          .file("/sys/fs/selinux/enforce", "0").findings(rule));
    }
  }
}
