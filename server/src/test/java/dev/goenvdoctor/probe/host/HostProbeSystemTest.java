package dev.goenvdoctor.probe.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.testing.TestTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host probe on this machine, checked against what the system's own tools say. */
class HostProbeSystemTest {
  private static final int FOREIGN_UID = 12345;

  @TempDir Path dir;

  private static HostFacts probe(Map<String, String> dirs) {
    return HostProbe.probe(Root.system(), System.getenv(), System.getProperty("user.home"), dirs);
  }

  @Test
  void theRealMountTableHasARootMount() {
    HostFacts facts = probe(Map.of());

    assertTrue(facts.mounts().known(), facts.mounts().problems().toString());
    assertTrue(facts.mounts().mountAt("/").isPresent(), "no mount at / in " + facts.mounts().mounts());
    assertEquals(List.of(), facts.mounts().problems());
  }

  @Test
  void tmpExecStatusAgreesWithFindmnt() throws Exception {
    TestTools.systemFile("/usr/bin/findmnt");
    // --target: the mount holding /tmp even when /tmp is not a mount point itself (findmnt /tmp prints nothing then).
    String[] out = run("/usr/bin/findmnt", "-n", "-o", "TARGET,OPTIONS", "--target", "/tmp").strip().split("\\s+");
    String target = out[0];
    List<String> options = List.of(out[1].split(","));

    BuildTempDir tmp = probe(Map.of()).buildTempDirs().stream()
        .filter(t -> t.variable().isEmpty()).findFirst().orElseThrow();

    assertEquals(target, tmp.mount().mount().orElseThrow().mountPoint());
    assertEquals(Tristate.of(options.contains("noexec")), tmp.noexec());
    assertEquals(Tristate.of(options.contains("nosuid")), tmp.mount().nosuid());
    assertEquals(Tristate.of(options.contains("ro")), tmp.mount().readOnly());
  }

  @Test
  void effectiveUidMatchesIdU() throws Exception {
    int expected = Integer.parseInt(run("/usr/bin/id", "-u").strip());

    Identity identity = probe(Map.of()).identity();

    assertEquals(expected, identity.effectiveUid().orElseThrow());
    assertEquals("this process (/proc/self/status, else geteuid())", identity.uidSource());
    assertEquals(Tristate.of(expected == 0), identity.root());
  }

  @Test
  void aDirChownedToAnotherUidIsReportedAsSomeoneElses() throws IOException {
    boolean root = Native.effectiveUid() == 0;
    if (!root) {
      System.err.println("\n*** SKIPPED: chown to uid " + FOREIGN_UID + " needs root. ***\n");
    }
    assumeTrue(root, "chown needs root");
    Path modcache = Files.createDirectories(dir.resolve("go/pkg/mod"));
    Files.setAttribute(modcache, "unix:uid", FOREIGN_UID, LinkOption.NOFOLLOW_LINKS);

    HostFacts facts = probe(Map.of(
        "GOMODCACHE", modcache.toString(),
        "GOCACHE", modcache.resolve("cache/not-yet").toString()));

    DirFacts mod = facts.dirs("GOMODCACHE").get(0);
    assertTrue(mod.exists());
    assertEquals(FOREIGN_UID, mod.ownerUid().orElseThrow());
    assertEquals(Tristate.YES, mod.ownedByOther());
    assertEquals(Optional.of("uid " + FOREIGN_UID), mod.otherOwner());
    assertEquals(Tristate.YES, mod.writable(), "root passes access(W_OK) on a writable mount");
    assertTrue(mod.writableBasis().startsWith("access("), mod.writableBasis());

    DirFacts missing = facts.dirs("GOCACHE").get(0);
    assertFalse(missing.exists());
    assertEquals(modcache.toString(), missing.checkedPath());
    assertEquals(FOREIGN_UID, missing.ownerUid().orElseThrow());
  }

  @Test
  void distributionKernelAndGoarchAgreeWithTheSystem() throws Exception {
    Path go = TestTools.systemFile("/usr/lib/go-1.19/bin/go");
    // os-release is a shell fragment: let a real shell read it.
    String id = run("/bin/sh", "-c", ". /etc/os-release && printf %s \"$ID\"");
    String kernel = run("/usr/bin/uname", "-r").strip();
    String goHostArch = run(go.toString(), "env", "GOHOSTARCH").strip();

    OsInfo os = probe(Map.of()).os();

    assertEquals(Optional.of(id), os.id());
    assertEquals(Optional.of(kernel), os.kernelRelease());
    assertEquals(Optional.of(goHostArch), os.goArch());
    assertEquals("os.arch", os.goArchSource());
  }

  @Test
  void sandboxAndMacAgreeWithTheMarkerFiles() {
    HostFacts facts = probe(Map.of());

    assertEquals(Files.exists(Path.of("/.flatpak-info")), facts.sandboxes().flatpak().inside());
    if (Files.exists(Path.of("/.dockerenv"))) {
      assertTrue(facts.sandboxes().container().evidence().contains("/.dockerenv exists"));
    }
    assertEquals(Files.exists(Path.of("/sys/fs/selinux/enforce")),
        facts.mac().selinux().mode() != Mac.SelinuxMode.NOT_ENABLED, facts.mac().selinux().detail());
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readNBytes(1 << 20);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
    assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + new String(out, StandardCharsets.UTF_8));
    return new String(out, StandardCharsets.UTF_8);
  }
}
