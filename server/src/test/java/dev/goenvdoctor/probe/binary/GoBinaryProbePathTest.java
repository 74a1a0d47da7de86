package dev.goenvdoctor.probe.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.BinaryInspection.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files reached through a Root: symlinks resolved inside it, and every way a path can fail. */
class GoBinaryProbePathTest {
  @TempDir
  Path dir;

  @Test
  void absoluteSymlinkResolvesInsideTheRoot() throws IOException {
    Files.createDirectories(dir.resolve("opt/go/bin"));
    Files.createDirectories(dir.resolve("usr/local/bin"));
    Files.write(dir.resolve("opt/go/bin/go"), Fixtures.small());
    Files.createSymbolicLink(dir.resolve("usr/local/bin/go"), Path.of("/opt/go/bin/go"));
    BinaryInspection r = new GoBinaryProbe(Root.of(dir)).inspect("/usr/local/bin/go");
    assertEquals(Kind.GO_BINARY, r.kind(), r.message());
    assertEquals("/usr/local/bin/go", r.path());
    assertEquals("/opt/go/bin/go", r.realPath());
    assertEquals("go1.22.5", r.buildInfo().orElseThrow().goVersion());
  }

  @Test
  void missingDanglingLoopDirectory() throws IOException {
    Files.createDirectories(dir.resolve("usr/bin"));
    Files.createSymbolicLink(dir.resolve("usr/bin/go"), Path.of("../lib/go-1.18/bin/go"));
    Files.createSymbolicLink(dir.resolve("usr/bin/a"), Path.of("b"));
    Files.createSymbolicLink(dir.resolve("usr/bin/b"), Path.of("a"));
    GoBinaryProbe probe = new GoBinaryProbe(Root.of(dir));

    BinaryInspection missing = probe.inspect("/usr/bin/gopls");
    assertEquals(Kind.UNREADABLE, missing.kind());
    assertEquals("no such file", missing.message());

    BinaryInspection dangling = probe.inspect("/usr/bin/go");
    assertEquals(Kind.UNREADABLE, dangling.kind());
    assertEquals("dangling symlink: it points to /usr/lib/go-1.18/bin/go, which does not exist", dangling.message());
    assertEquals("/usr/bin/go: dangling symlink: it points to /usr/lib/go-1.18/bin/go, which does not exist", dangling.summary());

    BinaryInspection loop = probe.inspect("/usr/bin/a");
    assertEquals(Kind.UNREADABLE, loop.kind());
    assertEquals(true, loop.message().startsWith("too many levels of symbolic links"), loop.message());

    BinaryInspection directory = probe.inspect("/usr/bin");
    assertEquals(Kind.UNREADABLE, directory.kind());
    assertEquals("a directory, not a file", directory.message());
  }

  @Test
  void deviceIsNotOpened() {
    BinaryInspection r = new GoBinaryProbe(Root.system()).inspect("/dev/zero");
    assertEquals(Kind.UNREADABLE, r.kind());
    assertEquals("not a regular file (a device, pipe or socket)", r.message());
  }

  @Test
  void emptyFile() throws IOException {
    Files.write(dir.resolve("go"), new byte[0]);
    BinaryInspection r = new GoBinaryProbe(Root.of(dir)).inspect("/go");
    assertEquals(Kind.NOT_ELF, r.kind());
    assertEquals("empty file (0 bytes)", r.message());
  }
}
