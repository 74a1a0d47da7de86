package dev.goenvdoctor.probe.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace is untrusted input: no pin file, shim or env file may crash a probe or make it unbounded. */
class HostileInputTest {
  @TempDir Path dir;

  @Property(tries = 60)
  void anyPinFileContentYieldsARecordNotAnException(@ForAll @StringLength(max = 300) String content) throws IOException {
    Path base = Files.createTempDirectory("hostile");
    try {
      Fixture f = new Fixture(base)
          .resource("goenv-shim", "/home/u/.goenv/shims/go", true)
          .resource("asdf-shim", "/home/u/.asdf/shims/go", true)
          .exec("/usr/local/bin/mise", Fixture.FAKE_ELF)
          .link("/home/u/.local/share/mise/shims/go", "/usr/local/bin/mise")
          .goRoot("/home/u/.goenv/versions/1.22.5", content)
          .file("/w/.go-version", content).file("/w/.tool-versions", content).file("/w/mise.toml", content)
          .file("/w/go.mod", content).file("/home/u/.config/go/env", content).file("/home/u/.asdfrc", content);
      Map<String, String> env = Map.of("HOME", "/home/u", "GOENV_GOMOD_VERSION_ENABLE", "1", "MISE_IDIOMATIC_VERSION_FILE_ENABLE_TOOLS", "go");
      for (String shims : List.of("/home/u/.goenv/shims", "/home/u/.asdf/shims", "/home/u/.local/share/mise/shims")) {
        GoResolution r = new GoResolver(f.root()).resolve(List.of(shims), env, "/w");
        assertTrue(r.found());
      }
      InstallationScan scan = new InstallationFinder(f.root()).find(env, List.of("/w", content));
      assertTrue(scan.installations().size() >= 1);
      GoEnvFile.read(f.root(), env);
    } finally {
      try (Stream<Path> walk = Files.walk(base)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void versionTraversalInGoVersionIsDroppedAsGoenvDropsIt() {
    Fixture f = new Fixture(dir).resource("goenv-shim", "/home/u/.goenv/shims/go", true)
        .goRoot("/home/u/.goenv/versions/1.22.5", "go1.22.5\n")
        .file("/w/.go-version", "../../../../usr/lib/go\n..\n1.22.5\n");
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/home/u/.goenv/shims"), Map.of("HOME", "/home/u"), "/w");
    assertEquals("/w/.go-version:3", r.selection().orElseThrow().chosenBy());
    assertEquals("1.22.5", r.selection().orElseThrow().requested());
  }

  @Test
  void symlinkLoopOnPathIsNotedAndSkipped() {
    Fixture f = new Fixture(dir).link("/opt/a/go", "/opt/b/go").link("/opt/b/go", "/opt/a/go");
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/opt/a"), Map.of(), "/");
    assertEquals(CommandKind.NOT_FOUND, r.kind());
    assertEquals(List.of("skipped /opt/a/go: symlink loop"), r.searchNotes());
  }

  @Test
  void hugePinFileIsReadOnlyUpToTheBound() {
    String huge = "1.22.5\n" + "#".repeat(TextFiles.MAX_SMALL_FILE * 4);
    Fixture f = new Fixture(dir).resource("goenv-shim", "/home/u/.goenv/shims/go", true)
        .goRoot("/home/u/.goenv/versions/1.22.5", "go1.22.5\n").file("/w/.go-version", huge);
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/home/u/.goenv/shims"), Map.of("HOME", "/home/u"), "/w");
    assertEquals("1.22.5", r.selection().orElseThrow().requested());
  }

  @Test
  void versionsSortNumerically() {
    List<String> sorted = Stream.of("1.22.10", "1.22.9", "1.22", "1.3.0", "1.22.9rc1").sorted(GoVersions.NATURAL).toList();
    assertEquals(List.of("1.3.0", "1.22", "1.22.9", "1.22.9rc1", "1.22.10"), sorted);
    assertEquals("1.22.10", GoVersions.newestWithPrefix(List.of("1.22.9", "1.22.10", "1.221.0", "1.23.0"), "1.22").orElseThrow());
    assertTrue(GoVersions.atLeast("go1.21.0", 1, 21));
    assertTrue(!GoVersions.atLeast("go1.19.8", 1, 21));
  }
}
