package dev.goenvdoctor.probe.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever bytes a machine holds in the files we read, the probe answers and never throws. */
class HostProbePropertyTest {
  private static final List<String> FILES = List.of(
      "proc/self/mountinfo", "etc/os-release", "etc/wsl.conf", ".flatpak-info", "proc/self/status",
      "proc/sys/kernel/osrelease", "proc/version", "proc/self/attr/current", "run/.containerenv", "etc/passwd");

  @Property(tries = 60)
  void anyFileContentGivesFacts(@ForAll @Size(10) List<byte[]> contents, @ForAll String value) throws IOException {
    String path = "/" + value;
    Path dir = Files.createTempDirectory("host-prop");
    try {
      for (int i = 0; i < FILES.size(); i++) {
        Path file = dir.resolve(FILES.get(i));
        Files.createDirectories(file.getParent());
        Files.write(file, contents.get(i));
      }
      HostFacts facts = HostProbe.probe(Root.of(dir),
          Map.of("PATH", value + ":" + path, "UID", value, "WSL_DISTRO_NAME", value, "TMPDIR", path),
          path, Map.of("GOPATH", value + ":" + path, "GOCACHE", path, "GOTMPDIR", value));
      // Each piece fails on its own: hostile paths never cost the other answers.
      assertEquals(value.isBlank() ? 2 : 3, facts.buildTempDirs().size());
      assertTrue(facts.goBuildTempDir().isPresent());
      assertEquals(path, facts.identity().home().orElseThrow());
      assertTrue(facts.dirs().size() >= 2, facts.dirs().toString());
      assertTrue(facts.unknowns().stream().noneMatch(u -> u.contains("internal error")), facts.unknowns().toString());
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
