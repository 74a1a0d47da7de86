package dev.goenvdoctor.probe.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goenvdoctor.probe.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host probe on scenario roots (see src/test/resources/host/README.md). */
class HostProbeScenarioTest {
  private static final Map<String, String> GO_DIRS = Map.of(
      "GOPATH", "/home/u/go",
      "GOMODCACHE", "/home/u/go/pkg/mod",
      "GOCACHE", "/home/u/.cache/go-build");

  @TempDir Path dir;

  // ---- laptop: mounts, temp dirs, ownership, identity, distribution ----

  /** The laptop scenario plus what git cannot store: a user-owned home with a root-owned module cache. */
  private Root laptop() throws IOException {
    Path r = Scenarios.root("laptop", dir);
    Files.createDirectories(r.resolve("tmp"));
    Path home = Files.createDirectories(r.resolve("home/u"));
    Path gopath = Files.createDirectories(home.resolve("go"));
    Path modcache = Files.createDirectories(gopath.resolve("pkg/mod"));
    Path disk = Files.createDirectories(r.resolve("media/u/My Disk/gotmp"));
    Path old = Files.createDirectories(r.resolve("media/u/old\\disk/cache"));
    Files.createSymbolicLink(home.resolve("gotmp"), Path.of("/media/u/My Disk/gotmp"));
    chown(home, 1000);
    chown(gopath, 1000);
    chown(gopath.resolve("pkg"), 1000);
    chown(modcache, 0); // what "sudo go mod download" leaves behind
    chown(disk, 1000);
    chown(old, 1000);
    return Root.of(r);
  }

  @Test
  void goBuildsInANoexecTmpByDefault() throws IOException {
    HostFacts facts = HostProbe.probe(laptop(), Scenarios.env("laptop"), "/home/u", GO_DIRS);

    assertTrue(facts.mounts().known());
    assertEquals("/media/u/My Disk", facts.mounts().mountAt("/media/u/My Disk").orElseThrow().mountPoint());
    BuildTempDir used = facts.goBuildTempDir().orElseThrow();
    assertEquals(Optional.empty(), used.variable());
    assertEquals("/tmp", used.path());
    assertTrue(used.exists());
    assertEquals(Tristate.YES, used.noexec());
    assertEquals("tmpfs", used.mount().mount().orElseThrow().fsType());
    assertEquals(Tristate.YES, used.mount().nosuid());
    assertEquals(1, facts.buildTempDirs().size());
  }

  @Test
  void gotmpdirThroughASymlinkOnAnExecMountAvoidsIt() throws IOException {
    Map<String, String> env = new HashMap<>(Scenarios.env("laptop"));
    env.put("TMPDIR", "/tmp");
    env.put("GOTMPDIR", "/tmp/ignored"); // the caller's value (from go env) wins over the process env
    Map<String, String> dirs = new HashMap<>(GO_DIRS);
    dirs.put("GOTMPDIR", "/home/u/gotmp");

    HostFacts facts = HostProbe.probe(laptop(), env, "/home/u", dirs);

    BuildTempDir used = facts.goBuildTempDir().orElseThrow();
    assertEquals(Optional.of("GOTMPDIR"), used.variable());
    assertEquals("/media/u/My Disk/gotmp", used.mount().realPath());
    assertEquals("/media/u/My Disk", used.mount().mount().orElseThrow().mountPoint());
    assertEquals(Tristate.NO, used.noexec());
    BuildTempDir tmpdir = facts.buildTempDirs().stream()
        .filter(t -> t.variable().equals(Optional.of("TMPDIR"))).findFirst().orElseThrow();
    assertFalse(tmpdir.usedByGo());
    assertEquals(Tristate.YES, tmpdir.noexec());
    assertEquals(3, facts.buildTempDirs().size());
  }

  @Test
  void aRootOwnedModuleCacheIsOwnedBySomeoneElseAndNotWritable() throws IOException {
    HostFacts facts = HostProbe.probe(laptop(), Scenarios.env("laptop"), "/home/u", GO_DIRS);

    DirFacts modcache = facts.dirs("GOMODCACHE").get(0);
    assertTrue(modcache.exists());
    assertEquals(0, modcache.ownerUid().orElseThrow());
    assertEquals(Tristate.YES, modcache.ownedByOther());
    assertEquals(Optional.of("root (uid 0)"), modcache.otherOwner());
    assertEquals(Tristate.NO, modcache.writable());
    assertTrue(modcache.writableBasis().contains("owned by root (uid 0)"), modcache.writableBasis());

    DirFacts gopath = facts.dirs("GOPATH").get(0);
    assertEquals(Tristate.NO, gopath.ownedByOther());
    assertEquals(Optional.empty(), gopath.otherOwner());
    assertEquals(Tristate.YES, gopath.writable());
  }

  @Test
  void aMissingDirIsJudgedByItsNearestExistingAncestor() throws IOException {
    HostFacts facts = HostProbe.probe(laptop(), Scenarios.env("laptop"), "/home/u", GO_DIRS);

    DirFacts gocache = facts.dirs("GOCACHE").get(0);
    assertFalse(gocache.exists());
    assertEquals("/home/u", gocache.checkedPath());
    assertEquals(1000, gocache.ownerUid().orElseThrow());
    assertEquals(Tristate.YES, gocache.writable());
    assertEquals("/", gocache.mount().mount().orElseThrow().mountPoint());
  }

  @Test
  void aDirOnAReadOnlyFilesystemIsNotWritableEvenForItsOwner() throws IOException {
    HostFacts facts = HostProbe.probe(laptop(), Scenarios.env("laptop"), "/home/u",
        Map.of("GOCACHE", "/media/u/old\\disk/cache"));

    DirFacts cache = facts.dirs("GOCACHE").get(0);
    assertEquals(Tristate.NO, cache.ownedByOther());
    assertEquals(Tristate.YES, cache.mount().readOnly());
    assertEquals(Tristate.NO, cache.writable());
    assertTrue(cache.writableBasis().contains("read-only mount (/media/u/old\\disk)"), cache.writableBasis());
  }

  @Test
  void identityComesFromTheScenariosProcStatus() throws IOException {
    HostFacts facts = HostProbe.probe(laptop(), Scenarios.env("laptop"), "/home/u", GO_DIRS);

    Identity id = facts.identity();
    assertEquals(1000, id.effectiveUid().orElseThrow());
    assertEquals("/proc/self/status", id.uidSource());
    assertEquals(Optional.of("u"), id.userName());
    assertEquals(1000, id.homeOwnerUid().orElseThrow());
    assertEquals(Tristate.NO, id.homeOwnedByOther());
    assertEquals(Tristate.NO, id.root());
    assertFalse(id.viaSudo());
  }

  @Test
  void underSudoHomeBelongsToTheUserAndRootOwnsNothingForeign() throws IOException {
    Root root = laptop();
    Files.writeString(root.hostPath("/proc/self/status"), "Name:\tjava\nUid:\t0\t0\t0\t0\n");
    Map<String, String> env = new HashMap<>(Scenarios.env("laptop"));
    env.put("SUDO_USER", "u");
    env.put("SUDO_UID", "1000");

    HostFacts facts = HostProbe.probe(root, env, "/home/u", GO_DIRS);

    Identity id = facts.identity();
    assertEquals(Tristate.YES, id.root());
    assertTrue(id.viaSudo());
    assertEquals(Optional.of("u"), id.sudoUser());
    assertEquals(Optional.of("root"), id.userName());
    assertEquals(Tristate.YES, id.homeOwnedByOther());
    assertEquals(Tristate.NO, facts.dirs("GOMODCACHE").get(0).ownedByOther());
    assertEquals(Tristate.YES, facts.dirs("GOPATH").get(0).ownedByOther());
  }

  @Test
  void withoutProcStatusTheUidComesFromTheEnvironmentThenFromHomesOwner() throws IOException {
    Root root = laptop();
    Files.delete(root.hostPath("/proc/self/status"));

    Map<String, String> env = new HashMap<>(Scenarios.env("laptop"));
    env.put("UID", "1001");
    Identity fromEnv = HostProbe.probe(root, env, "/home/u", Map.of()).identity();
    assertEquals(1001, fromEnv.effectiveUid().orElseThrow());
    assertEquals("environment UID", fromEnv.uidSource());
    assertEquals(Tristate.YES, fromEnv.homeOwnedByOther());

    Identity fromHome = HostProbe.probe(root, Scenarios.env("laptop"), "/home/u", Map.of()).identity();
    assertEquals(1000, fromHome.effectiveUid().orElseThrow());
    assertEquals("owner of HOME", fromHome.uidSource());
  }

  @Test
  void ubuntu2204IsRecognisedWithItsKernelAndArchitecture() throws IOException {
    OsInfo os = HostProbe.probe(laptop(), Scenarios.env("laptop"), "/home/u", Map.of()).os();

    assertTrue(os.is("ubuntu", "22.04"));
    assertEquals(Optional.of("Ubuntu 22.04.4 LTS"), os.prettyName());
    assertEquals(Optional.of("jammy"), os.versionCodename());
    assertEquals(List.of("debian"), os.idLike());
    assertEquals(Optional.of("/etc/os-release"), os.osReleaseFile());
    assertEquals(Optional.of("6.5.0-41-generic"), os.kernelRelease());
    assertEquals(Optional.of("amd64"), os.goArch());
    assertEquals("/proc/sys/kernel/arch", os.goArchSource());
    assertEquals(List.of(), os.problems());
  }

  @Test
  void anArmScenarioStatesItsMachineAndGetsGoNames() throws IOException {
    Path r = Scenarios.root("laptop", dir);
    Files.writeString(r.resolve("proc/sys/kernel/arch"), "aarch64\n");
    Files.delete(r.resolve("proc/sys/kernel/osrelease"));
    Files.writeString(r.resolve("proc/version"), "Linux version 6.1.0-18-arm64 (debian-kernel@lists.debian.org) #1 SMP\n");
    Files.delete(r.resolve("etc/os-release"));
    Files.createDirectories(r.resolve("usr/lib"));
    Files.writeString(r.resolve("usr/lib/os-release"),
        "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_ID=\"12\"\nID=debian\n");

    OsInfo os = HostProbe.probe(Root.of(r), Map.of(), null, null).os();

    assertEquals(Optional.of("arm64"), os.goArch());
    assertEquals(Optional.of("6.1.0-18-arm64"), os.kernelRelease());
    assertTrue(os.is("debian", "12"));
    assertEquals(Optional.of("/usr/lib/os-release"), os.osReleaseFile());
  }

  // ---- sandboxes ----

  @Test
  void flatpakVsCodeIsSeenWithItsAppAndRuntime() {
    Map<String, String> env = new HashMap<>(Scenarios.env("flatpak"));
    env.put("FLATPAK_ENABLE_SDK_EXT", "golang,node18");
    HostFacts facts = HostProbe.probe(Root.of(Scenarios.root("flatpak", dir)), env, null, null);

    Sandboxes.Flatpak flatpak = facts.sandboxes().flatpak();
    assertTrue(flatpak.inside());
    assertEquals(Optional.of("com.visualstudio.code"), flatpak.appId());
    assertEquals(Optional.of("runtime/org.freedesktop.Sdk/x86_64/23.08"), flatpak.runtime());
    assertEquals(Optional.of("org.freedesktop.Sdk"), flatpak.runtimeId());
    assertEquals(Optional.of("com.visualstudio.code"), flatpak.flatpakIdEnv());
    assertEquals(List.of("golang", "node18"), flatpak.enabledSdkExtensions());
    assertEquals(List.of(), flatpak.problems());
    // Flatpak's own container=flatpak is the sandbox above, not a container.
    assertFalse(facts.sandboxes().container().detected());
    assertFalse(facts.sandboxes().snap().inside());
  }

  @Test
  void aRuntimeGroupAndAStrayFlatpakIdAreHandled() throws IOException {
    Files.writeString(dir.resolve(".flatpak-info"), "[Runtime]\nruntime=org.freedesktop.Sdk/x86_64/23.08\n");
    Sandboxes.Flatpak runtimeOnly = HostProbe.probe(Root.of(dir), Map.of(), null, null).sandboxes().flatpak();
    assertEquals(Optional.of("org.freedesktop.Sdk"), runtimeOnly.runtimeId());
    assertEquals(List.of("/.flatpak-info has no [Application] name="), runtimeOnly.problems());

    Files.delete(dir.resolve(".flatpak-info"));
    Sandboxes.Flatpak stray = HostProbe.probe(Root.of(dir), Map.of("FLATPAK_ID", "com.visualstudio.code"), null, null)
        .sandboxes().flatpak();
    assertFalse(stray.inside());
    assertTrue(stray.problems().get(0).contains("/.flatpak-info does not exist"), stray.problems().toString());
  }

  @Test
  void anEditorSnapIsSeenFromItsVariables() {
    Sandboxes.Snap snap = HostProbe.probe(Root.of(dir),
        Map.of("SNAP", "/snap/code/174", "SNAP_NAME", "code", "SNAP_REVISION", "174"), null, null).sandboxes().snap();

    assertTrue(snap.inside());
    assertEquals(Optional.of("code"), snap.name());
    assertEquals(Optional.of("174"), snap.revision());
    assertEquals(Optional.of("/snap/code/174"), snap.directory());
  }

  @Test
  void wsl2WithAppendWindowsPathOffAndAWindowsGoOnPath() {
    HostFacts facts = HostProbe.probe(Root.of(Scenarios.root("wsl", dir)), Scenarios.env("wsl"), null, null);

    Sandboxes.Wsl wsl = facts.sandboxes().wsl();
    assertTrue(wsl.detected());
    assertEquals(2, wsl.generation());
    assertEquals(Optional.of("Ubuntu"), wsl.distroName());
    assertTrue(wsl.interopSocket());
    assertEquals(Optional.of(false), wsl.appendWindowsPath());
    assertFalse(wsl.windowsPathAppended());
    assertEquals("/etc/wsl.conf:7", wsl.appendWindowsPathLocation().orElseThrow().display());
    assertEquals(6, wsl.appendWindowsPathLocation().orElseThrow().range().startLine());
    assertEquals(List.of("/mnt/c/Program Files/Go/bin"), wsl.windowsPathEntries());
    assertTrue(wsl.evidence().contains("/proc/sys/kernel/osrelease: 5.15.153.1-microsoft-standard-WSL2"), wsl.evidence().toString());
    assertEquals(List.of(), wsl.problems());
  }

  @Test
  void wslOptionsTheUserCanChange() throws IOException {
    Path r = Scenarios.root("wsl", dir);
    Files.writeString(r.resolve("proc/sys/kernel/osrelease"), "4.4.0-19041-Microsoft\n");
    Files.delete(r.resolve("proc/version"));
    Files.writeString(r.resolve("etc/wsl.conf"), "[automount]\nroot = /win/\n[interop]\nappendWindowsPath = no\n");

    Sandboxes.Wsl wsl = HostProbe.probe(Root.of(r), Map.of("PATH", "/usr/bin:/win/d/go/bin:/mnt/c/Go/bin:/win/data"),
        null, null).sandboxes().wsl();

    assertEquals(1, wsl.generation());
    assertEquals("/win/", wsl.automountRoot());
    assertEquals(List.of("/win/d/go/bin"), wsl.windowsPathEntries());
    assertEquals(Optional.empty(), wsl.appendWindowsPath());
    assertTrue(wsl.windowsPathAppended(), "an unreadable value leaves WSL's default");
    assertEquals(List.of("/etc/wsl.conf:4: appendWindowsPath=no is neither true nor false"), wsl.problems());
  }

  @Test
  void anOrdinaryLinuxIsNotWsl() throws IOException {
    Sandboxes.Wsl wsl = HostProbe.probe(laptop(), Scenarios.env("laptop"), "/home/u", Map.of()).sandboxes().wsl();

    assertFalse(wsl.detected());
    assertEquals(List.of(), wsl.windowsPathEntries());
  }

  @Test
  void dockerIsSeenFromItsMarkerAndPid1Cgroup() {
    Sandboxes sandboxes = HostProbe.probe(Root.of(Scenarios.root("container", dir)), Scenarios.env("container"), null, null)
        .sandboxes();

    Sandboxes.Container container = sandboxes.container();
    assertTrue(container.detected());
    assertEquals(Optional.of("docker"), container.engine());
    assertEquals("/.dockerenv exists", container.evidence().get(0));
    assertTrue(container.evidence().get(1).startsWith("/proc/1/cgroup names docker: 12:pids:/docker/3f1c"),
        container.evidence().toString());
    assertFalse(sandboxes.toolbox().detected());
  }

  @Test
  void aToolboxIsAPodmanContainerWithItsName() {
    Sandboxes sandboxes = HostProbe.probe(Root.of(Scenarios.root("toolbox", dir)), Scenarios.env("toolbox"), null, null)
        .sandboxes();

    assertEquals(Optional.of("podman"), sandboxes.container().engine());
    assertEquals(Optional.of("fedora-toolbox-40"), sandboxes.container().name());
    assertTrue(sandboxes.toolbox().detected());
    assertEquals(Optional.of("toolbox"), sandboxes.toolbox().kind());
    assertEquals(Optional.of("fedora-toolbox-40"), sandboxes.toolbox().name());
  }

  @Test
  void distroboxNamesItselfInContainerId() {
    Map<String, String> env = new HashMap<>(Scenarios.env("toolbox"));
    env.put("CONTAINER_ID", "dev");

    Sandboxes.Toolbox toolbox = HostProbe.probe(Root.of(Scenarios.root("toolbox", dir)), env, null, null)
        .sandboxes().toolbox();

    assertEquals(Optional.of("distrobox"), toolbox.kind());
    assertEquals(Optional.of("dev"), toolbox.name());
  }

  // ---- SELinux and AppArmor ----

  @Test
  void selinuxModesFromTheEnforceFile() throws IOException {
    Path enforce = Files.createDirectories(dir.resolve("sys/fs/selinux")).resolve("enforce");
    Files.writeString(enforce, "1");
    assertEquals(Mac.SelinuxMode.ENFORCING, MacProbe.probe(Root.of(dir)).selinux().mode());
    Files.writeString(enforce, "0");
    assertEquals(Mac.SelinuxMode.PERMISSIVE, MacProbe.probe(Root.of(dir)).selinux().mode());
    Files.writeString(enforce, "yes");
    Mac.Selinux odd = MacProbe.probe(Root.of(dir)).selinux();
    assertEquals(Mac.SelinuxMode.UNKNOWN, odd.mode());
    assertEquals("/sys/fs/selinux/enforce holds 'yes', not 0 or 1", odd.detail());
    Files.delete(enforce);
    assertEquals(Mac.SelinuxMode.NOT_ENABLED, MacProbe.probe(Root.of(dir)).selinux().mode());
  }

  @Test
  void appArmorProfilesAndTheirModes() throws IOException {
    Path attr = Files.createDirectories(dir.resolve("proc/self/attr"));
    Files.createDirectories(attr.resolve("apparmor"));
    Files.writeString(attr.resolve("apparmor/current"), "snap.code.code (complain)\n");
    Mac.AppArmor snap = MacProbe.probe(Root.of(dir)).appArmor();
    assertEquals(Mac.AppArmorState.CONFINED, snap.state());
    assertEquals(Optional.of("snap.code.code"), snap.profile());
    assertEquals(Optional.of("complain"), snap.mode());

    Files.writeString(attr.resolve("apparmor/current"), "code (unconfined)\n");
    Mac.AppArmor flagged = MacProbe.probe(Root.of(dir)).appArmor();
    assertEquals(Mac.AppArmorState.UNCONFINED, flagged.state());
    assertEquals(Optional.of("code"), flagged.profile());

    // Older kernels: only the shared file, which other security modules use too.
    Files.delete(attr.resolve("apparmor/current"));
    Files.writeString(attr.resolve("current"), "unconfined");
    assertEquals(Mac.AppArmorState.UNCONFINED, MacProbe.probe(Root.of(dir)).appArmor().state());
    Files.writeString(attr.resolve("current"), "unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023\0");
    Mac.AppArmor selinuxLabel = MacProbe.probe(Root.of(dir)).appArmor();
    assertEquals(Mac.AppArmorState.NOT_ENABLED, selinuxLabel.state());
    assertTrue(selinuxLabel.detail().contains("another security module's label"), selinuxLabel.detail());
  }

  // ---- nothing readable, or hostile content ----

  @Test
  void anEmptyRootIsAllUnknownWithReasons() {
    HostFacts facts = HostProbe.probe(Root.of(dir), null, null, null);

    assertFalse(facts.mounts().known());
    assertEquals(Tristate.UNKNOWN, facts.goBuildTempDir().orElseThrow().noexec());
    assertTrue(facts.identity().effectiveUid().isEmpty());
    assertEquals(Optional.empty(), facts.os().id());
    List<String> unknowns = facts.unknowns();
    assertTrue(unknowns.contains("HOME is not set"), unknowns.toString());
    assertTrue(unknowns.contains("mounts unknown: /proc/self/mountinfo does not exist"), unknowns.toString());
    assertTrue(unknowns.contains("distribution unknown: /etc/os-release does not exist and /usr/lib/os-release does not exist"),
        unknowns.toString());
    assertTrue(unknowns.contains("GOARCH unknown: /proc/sys/kernel/arch does not exist"), unknowns.toString());
    assertTrue(unknowns.contains("/tmp is not an existing directory"), unknowns.toString());
    assertEquals(Mac.SelinuxMode.NOT_ENABLED, facts.mac().selinux().mode());
    assertEquals(Mac.AppArmorState.NOT_ENABLED, facts.mac().appArmor().state());
  }

  @Test
  void hostileFilesGiveUnknownsNotExceptions() throws IOException {
    byte[] noise = new byte[300_000];
    new Random(52941).nextBytes(noise);
    Files.createDirectories(dir.resolve("proc/self/mountinfo")); // a directory where a file belongs
    Files.createDirectories(dir.resolve("etc"));
    Files.write(dir.resolve("etc/os-release"), noise);
    Files.write(dir.resolve(".flatpak-info"), noise);
    Files.createDirectories(dir.resolve("etc/wsl.conf"));
    Files.createDirectories(dir.resolve("proc/1"));
    Files.write(dir.resolve("proc/1/cgroup"), noise);
    Files.writeString(dir.resolve("proc/self/status"), "Uid:\t99999999999\t99999999999\n");
    Files.createDirectories(dir.resolve("home"));
    Files.createSymbolicLink(dir.resolve("home/u"), Path.of("/home/v"));
    Files.createSymbolicLink(dir.resolve("home/v"), Path.of("/home/u"));
    Map<String, String> env = new HashMap<>();
    env.put("PATH", "::/mnt/:/mnt/c");
    env.put("UID", "-3");

    HostFacts facts = HostProbe.probe(Root.of(dir), env, "/home/u",
        Map.of("GOPATH", "relative/go:/home/u/go::", "GOTMPDIR", "tmp", "GOCACHE", "/home/u\0/x"));

    assertTrue(facts.unknowns().contains(
        "mounts unknown: /proc/self/mountinfo exists but cannot be read (not a regular file, or permission denied)"),
        facts.unknowns().toString());
    assertTrue(facts.identity().effectiveUid().isEmpty());
    assertEquals("owner of HOME", facts.identity().uidSource());
    assertEquals(List.of("/mnt/c"), facts.sandboxes().wsl().windowsPathEntries());
    assertTrue(facts.sandboxes().flatpak().inside());
    assertEquals(List.of("GOCACHE", "GOPATH", "GOPATH", "GOTMPDIR"), facts.dirs().stream().map(DirFacts::name).toList());
    assertEquals(List.of("GOCACHE=/home/u\0/x: the path contains a NUL byte, which no file name can hold"),
        facts.dirs().get(0).problems());
    DirFacts relative = facts.dirs().get(1);
    assertEquals(List.of("GOPATH=relative/go: not an absolute path"), relative.problems());
    DirFacts loop = facts.dirs().get(2);
    assertFalse(loop.exists());
    assertEquals(List.of("/home/u/go is a symlink loop"), loop.problems());
    assertEquals(Tristate.NO, loop.writable());
    BuildTempDir gotmp = facts.goBuildTempDir().orElseThrow();
    assertEquals(Tristate.UNKNOWN, gotmp.noexec());
    assertTrue(gotmp.problems().get(0).startsWith("GOTMPDIR=tmp is relative"), gotmp.problems().toString());
  }

  private static void chown(Path p, int uid) throws IOException {
    boolean root = Native.effectiveUid() == 0;
    if (!root) {
      System.err.println("\n*** SKIPPED: this scenario chowns files to uid " + uid + " and needs root. ***\n");
    }
    assumeTrue(root, "chown needs root");
    Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
  }
}
