package dev.goenvdoctor.probe.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationFinderTest {
  private static final String HOME = "/home/u";
  private static final Map<String, String> ENV = Map.of("HOME", HOME, "GOROOT", "/snap/go/10580");
  private static final List<String> PATH = List.of("/home/u/go/bin", "/usr/local/go/bin", "/usr/bin", "/snap/bin");

  @TempDir Path dir;
  private Fixture f;
  private InstallationScan scan;

  /** One machine holding Go from every source this finder knows. */
  @BeforeEach
  void machine() {
    f = new Fixture(dir)
        // Ubuntu 22.04 golang-go: /usr/bin/go -> ../lib/go-1.18/bin/go, /usr/lib/go -> go-1.18
        .goRoot("/usr/lib/go-1.18", "go1.18.1")
        .link("/usr/lib/go", "go-1.18")
        .link("/usr/bin/go", "../lib/go-1.18/bin/go")
        .resource("golang-1.18-go.list", "/var/lib/dpkg/info/golang-1.18-go.list", false)
        .resource("golang-go.list", "/var/lib/dpkg/info/golang-go:amd64.list", false)
        // official tarball
        .goRoot("/usr/local/go", "go1.22.5\ntime 2024-06-27T20:11:12Z\n").resource("go.env", "/usr/local/go/go.env", false)
        // snap: current revision and an old one kept for rollback
        .exec("/usr/bin/snap", Fixture.FAKE_ELF)
        .link("/snap/bin/go", "/usr/bin/snap")
        .goRoot("/snap/go/10585", "go1.22.5\n").resource("go.env", "/snap/go/10585/go.env", false)
        .goRoot("/snap/go/10584", "go1.22.4\n").resource("go.env", "/snap/go/10584/go.env", false)
        .link("/snap/go/current", "10585")
        // golang.org/dl: one finished download, one interrupted, and their wrappers
        .goRoot("/home/u/sdk/go1.22.5", "go1.22.5\n").resource("go.env", "/home/u/sdk/go1.22.5/go.env", false)
        .file("/home/u/sdk/go1.22.5/.unpacked-success", "")
        .file("/home/u/sdk/go1.21.0/go1.21.0.linux-amd64.tar.gz", "partial")
        .exec("/home/u/go/bin/go1.22.5", Fixture.FAKE_ELF)
        .exec("/home/u/go/bin/go1.21.0", Fixture.FAKE_ELF)
        // GoLand-style download
        .goRoot("/home/u/go/go1.23.1", "go1.23.1\n").resource("go.env", "/home/u/go/go1.23.1/go.env", false)
        // version managers
        .goRoot("/home/u/.goenv/versions/1.22.5", "go1.22.5\n").resource("go.env", "/home/u/.goenv/versions/1.22.5/go.env", false)
        .goRoot("/home/u/.gvm/gos/go1.20.14", "go1.20.14\n")
        .goRoot("/home/u/.asdf/installs/golang/1.21.13/go", "go1.21.13\n")
        .resource("go.env", "/home/u/.asdf/installs/golang/1.21.13/go/go.env", false)
        .goRoot("/home/u/.local/share/mise/installs/go/1.23.0", "go1.23.0\n")
        .resource("go.env", "/home/u/.local/share/mise/installs/go/1.23.0/go.env", false)
        .link("/home/u/.local/share/mise/installs/go/1.23", "1.23.0")
        .goRoot("/home/u/.local/share/mise/installs/go/1.21.5/go", "go1.21.5\n")
        .resource("go.env", "/home/u/.local/share/mise/installs/go/1.21.5/go/go.env", false)
        // Linuxbrew, flatpak SDK extension, a toolchain downloaded by GOTOOLCHAIN switching
        .goRoot("/home/linuxbrew/.linuxbrew/Cellar/go/1.22.5/libexec", "go1.22.5\n")
        .resource("go.env", "/home/linuxbrew/.linuxbrew/Cellar/go/1.22.5/libexec/go.env", false)
        .goRoot("/usr/lib/sdk/golang", "go1.24.1\n").resource("go.env", "/usr/lib/sdk/golang/go.env", false)
        .file("/usr/lib/sdk/golang/enable.sh", "export GOROOT=/usr/lib/sdk/golang\nexport PATH=$PATH:$GOROOT/bin\n")
        .goRoot("/home/u/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.2.linux-amd64", "go1.23.2\n")
        .resource("go.env", "/home/u/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.2.linux-amd64/go.env", false);
    scan = new InstallationFinder(f.root()).find(ENV, PATH);
  }

  private GoInstallation at(String realPath) {
    return scan.byRealPath(realPath).orElseThrow(() -> new AssertionError(realPath + " not found in " +
        scan.installations().stream().map(GoInstallation::realPath).toList()));
  }

  @Test
  void ubuntuAptGoIsProvenByDpkgListsAndDeduplicatedAcrossItsSymlinks() {
    GoInstallation apt = at("/usr/lib/go-1.18");
    assertEquals(InstallKind.APT, apt.kind());
    assertEquals("/usr/lib/go-1.18", apt.goroot());
    assertEquals(Optional.of("go1.18.1"), apt.version());
    assertEquals("/usr/lib/go-1.18/VERSION:1", apt.versionFrom().orElseThrow().display());
    assertEquals(List.of(
        "/var/lib/dpkg/info/golang-1.18-go.list:7 lists /usr/lib/go-1.18/bin/go (package golang-1.18-go)",
        "/var/lib/dpkg/info/golang-go:amd64.list:10 lists /usr/lib/go (package golang-go)"), apt.evidence());
    assertEquals(List.of("/usr/lib/go-1.18", "/usr/lib/go", "PATH entry /usr/bin (/usr/bin/go -> /usr/lib/go-1.18/bin/go)"),
        apt.seenAs());
    assertEquals(1, scan.installations().stream().filter(i -> i.realPath().equals("/usr/lib/go-1.18")).count());
  }

  @Test
  void tarballWithItsGoEnv() {
    GoInstallation tarball = at("/usr/local/go");
    assertEquals(InstallKind.TARBALL, tarball.kind());
    assertEquals(Optional.of("go1.22.5"), tarball.version());
    assertTrue(tarball.root().goEnvValue("GOTOOLCHAIN").isPresent());
    assertEquals(List.of(), tarball.problems());
  }

  @Test
  void snapRevisionsCurrentAndStaleAndAPinnedGorootThatIsGone() {
    GoInstallation current = at("/snap/go/10585");
    assertEquals(InstallKind.SNAP, current.kind());
    assertTrue(current.seenAs().contains("/snap/go/current"));
    assertEquals(List.of(), current.problems());

    GoInstallation stale = at("/snap/go/10584");
    assertEquals(InstallKind.SNAP, stale.kind());
    assertEquals(List.of("snap revision 10584 is not the current one (/snap/go/current resolves to /snap/go/10585); "
        + "a GOROOT pinned to it stops working when snapd removes it"), stale.problems());

    GoInstallation pinned = at("/snap/go/10580");
    assertFalse(pinned.isGoRoot());
    assertEquals(List.of("GOROOT=/snap/go/10580 (environment)"), pinned.seenAs());
    assertEquals("/snap/go/10580 is not a Go root: missing", pinned.problems().get(0));
  }

  @Test
  void golangDlDownloadsFinishedAndInterruptedWithTheirWrappers() {
    GoInstallation done = at("/home/u/sdk/go1.22.5");
    assertEquals(InstallKind.GOLANG_DL, done.kind());
    assertTrue(done.evidence().contains(".unpacked-success present: the download finished"));

    GoInstallation broken = at("/home/u/sdk/go1.21.0");
    assertEquals(InstallKind.GOLANG_DL, broken.kind());
    assertFalse(broken.isGoRoot());
    assertTrue(broken.problems().contains("no /home/u/sdk/go1.21.0/.unpacked-success: the download did not finish; the go1.21.0 "
        + "wrapper refuses to run and says \"go1.21.0: not downloaded. Run 'go1.21.0 download' to install to /home/u/sdk/go1.21.0\""),
        broken.problems().toString());

    assertEquals(List.of(
        new DlWrapper("/home/u/go/bin/go1.21.0", "go1.21.0", "/home/u/sdk/go1.21.0", false,
            Optional.of("go1.21.0: not downloaded. Run 'go1.21.0 download' to install to /home/u/sdk/go1.21.0")),
        new DlWrapper("/home/u/go/bin/go1.22.5", "go1.22.5", "/home/u/sdk/go1.22.5", true, Optional.empty())), scan.dlWrappers());
  }

  @Test
  void versionManagersEachClassifiedByTheirOwnDirectory() {
    assertEquals(InstallKind.GOENV, at("/home/u/.goenv/versions/1.22.5").kind());
    assertEquals(InstallKind.GVM, at("/home/u/.gvm/gos/go1.20.14").kind());
    assertEquals(Optional.of("go1.20.14"), at("/home/u/.gvm/gos/go1.20.14").version());
    GoInstallation asdf = at("/home/u/.asdf/installs/golang/1.21.13/go");
    assertEquals(InstallKind.ASDF, asdf.kind());
    assertEquals(List.of("/home/u/.asdf/installs/golang/1.21.13/go is in asdf-golang's installs directory (/home/u/.asdf/installs/golang)"),
        asdf.evidence());
    GoInstallation mise = at("/home/u/.local/share/mise/installs/go/1.23.0");
    assertEquals(InstallKind.MISE, mise.kind());
    assertEquals(List.of("/home/u/.local/share/mise/installs/go/1.23", "/home/u/.local/share/mise/installs/go/1.23.0"), mise.seenAs(),
        "mise's version-prefix symlink is the same installation");
    assertEquals(InstallKind.MISE, at("/home/u/.local/share/mise/installs/go/1.21.5/go").kind(), "older layout: go/ subdirectory");
  }

  @Test
  void linuxbrewFlatpakToolchainModuleAndGoland() {
    assertEquals(InstallKind.LINUXBREW, at("/home/linuxbrew/.linuxbrew/Cellar/go/1.22.5/libexec").kind());
    GoInstallation flatpak = at("/usr/lib/sdk/golang");
    assertEquals(InstallKind.FLATPAK_SDK, flatpak.kind());
    assertTrue(flatpak.evidence().get(1).startsWith("/usr/lib/sdk/golang/enable.sh exists"));
    GoInstallation toolchain = at("/home/u/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.2.linux-amd64");
    assertEquals(InstallKind.TOOLCHAIN_MODULE, toolchain.kind());
    assertEquals(Optional.of("go1.23.2"), toolchain.version());
    GoInstallation goland = at("/home/u/go/go1.23.1");
    assertEquals(InstallKind.GOLAND, goland.kind());
    assertTrue(goland.evidence().get(0).endsWith("a guess from the name"));
  }

  @Test
  void everySourceFoundExactlyOnce() {
    List<String> reals = scan.installations().stream().map(GoInstallation::realPath).toList();
    assertEquals(reals.stream().distinct().toList(), reals);
    assertEquals(16, reals.size(), reals.toString());
  }

  @Test
  void gomodcacheAndGoenvRootFollowTheirVariables() {
    Fixture g = new Fixture(dir.resolve("other"))
        .goRoot("/cache/golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64", "go1.22.0\n")
        .goRoot("/opt/goenv/versions/1.21.0", "go1.21.0\n");
    InstallationScan other = new InstallationFinder(g.root())
        .find(Map.of("HOME", HOME, "GOMODCACHE", "/cache", "GOENV_ROOT", "/opt/goenv/"), List.of());
    assertEquals(InstallKind.TOOLCHAIN_MODULE, other.byRealPath("/cache/golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64").orElseThrow().kind());
    assertEquals(InstallKind.GOENV, other.byRealPath("/opt/goenv/versions/1.21.0").orElseThrow().kind());
  }

  @Test
  void gorootFromTheUserEnvFileIsACandidate() {
    Fixture g = new Fixture(dir.resolve("envfile")).goRoot("/opt/go", "go1.22.1\n").resource("go.env", "/opt/go/go.env", false)
        .file("/home/u/.config/go/env", "GOROOT=/opt/go\n");
    InstallationScan other = new InstallationFinder(g.root()).find(Map.of("HOME", HOME), List.of());
    GoInstallation opt = other.byRealPath("/opt/go").orElseThrow();
    assertEquals(List.of("GOROOT=/opt/go (/home/u/.config/go/env:1)"), opt.seenAs());
    assertEquals(InstallKind.OTHER, opt.kind());
  }

  @Test
  void realMachineAptGoProvenByTheRealDpkgList() {
    TestTools.systemFile("/var/lib/dpkg/info/golang-1.19-go.list");
    InstallationScan real = new InstallationFinder(Root.system()).find(Map.of("HOME", dir.toString()), List.of("/usr/bin"));
    GoInstallation apt = real.byRealPath("/usr/lib/go-1.19").orElseThrow();
    assertEquals(InstallKind.APT, apt.kind());
    assertEquals(Optional.of("go1.19.8"), apt.version());
    assertTrue(apt.evidence().contains("/var/lib/dpkg/info/golang-1.19-go.list:7 lists /usr/lib/go-1.19/bin/go (package golang-1.19-go)"),
        apt.evidence().toString());
    assertTrue(apt.seenAs().contains("/usr/lib/go"), apt.seenAs().toString());
    assertTrue(apt.seenAs().contains("PATH entry /usr/bin (/usr/bin/go -> /usr/lib/go-1.19/bin/go)"), apt.seenAs().toString());
  }
}
