package dev.goenvdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootTest {
  @TempDir Path dir;

  @Test
  void absoluteLinkTargetsStayInsideTheRoot() throws Exception {
    Files.createDirectories(dir.resolve("usr/lib/go-1.18/bin"));
    Files.writeString(dir.resolve("usr/lib/go-1.18/bin/go"), "x");
    Files.createDirectories(dir.resolve("usr/bin"));
    Files.createSymbolicLink(dir.resolve("usr/bin/go"), Path.of("../lib/go-1.18/bin/go"));
    Files.createSymbolicLink(dir.resolve("usr/lib/go"), Path.of("/usr/lib/go-1.18"));
    Root root = Root.of(dir);

    SymlinkChain viaRelative = root.resolve("/usr/bin/go");
    assertEquals("/usr/lib/go-1.18/bin/go", viaRelative.realPath());
    assertEquals(List.of("/usr/bin/go", "/usr/lib/go-1.18/bin/go"), viaRelative.hops());
    assertTrue(viaRelative.ok());

    SymlinkChain viaAbsolute = root.resolve("/usr/lib/go/bin/go");
    assertEquals("/usr/lib/go-1.18/bin/go", viaAbsolute.realPath());
    assertTrue(root.isRegularFile("/usr/lib/go/bin/go"));
  }

  @Test
  void entriesNameEachChildWithItsOwnTypeAndFollowNoSymlink() throws Exception {
    Files.createDirectories(dir.resolve("w/sub"));
    Files.writeString(dir.resolve("w/go.mod"), "module m\n");
    Files.createSymbolicLink(dir.resolve("w/linked"), Path.of("/w/sub"));
    Files.createSymbolicLink(dir.resolve("w/dangling"), Path.of("/nowhere"));
    Files.createSymbolicLink(dir.resolve("lw"), Path.of("/w"));
    Root root = Root.of(dir);

    assertEquals(List.of(new DirEntry("dangling", DirEntry.Kind.SYMLINK), new DirEntry("go.mod", DirEntry.Kind.REGULAR_FILE),
        new DirEntry("linked", DirEntry.Kind.SYMLINK), new DirEntry("sub", DirEntry.Kind.DIRECTORY)), root.entries("/w"));
    assertEquals(List.of(), root.entries("/lw"), "a symlinked directory is not listed: the caller holds real paths only");
    assertEquals(List.of(), root.entries("/w/go.mod"));
    assertEquals(List.of(), root.entries("/missing"));
  }

  @Test
  void danglingLinksAndLoopsAreReportedNotThrown() throws Exception {
    Files.createDirectories(dir.resolve("snap/bin"));
    Files.createSymbolicLink(dir.resolve("snap/bin/go"), Path.of("/usr/bin/snap"));
    Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
    Root root = Root.of(dir);

    SymlinkChain dangling = root.resolve("/snap/bin/go");
    assertEquals(SymlinkChain.Status.MISSING, dangling.status());
    assertEquals("/usr/bin/snap", dangling.realPath());
    assertEquals(SymlinkChain.Status.LOOP, root.resolve("/a").status());
    assertFalse(root.exists("/a"));
  }

  @Test
  void machinePathsRoundTrip() {
    Root root = Root.of(dir);
    assertEquals(dir.resolve("home/u/.bashrc"), root.hostPath("/home/u/../u/.bashrc"));
    assertEquals("/home/u", root.machinePath(dir.resolve("home/u")).orElseThrow());
    assertTrue(Root.of(Path.of("/")).isSystem());
    assertFalse(root.isSystem());
  }
}
