package dev.goenvdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One check treats the machine as fixed: inside {@link Root#memoizing} an answer is given once; outside, always anew. */
class RootMemoTest {
  @TempDir Path tmp;

  @Test
  void insideOneCheckAPathIsLookedAtOnceAndAfterItTheDiskIsReadAgain() throws Exception {
    Path go = Files.createDirectories(tmp.resolve("usr/local/go/bin")).resolve("go");
    Files.writeString(go, "");
    go.toFile().setExecutable(true);
    Files.createSymbolicLink(tmp.resolve("usr/local/bin-go"), Path.of("/usr/local/go/bin/go"));
    Root root = Root.of(tmp);

    boolean stale = Root.memoizing(() -> {
      assertTrue(root.isExecutableFile("/usr/local/bin-go"));
      assertEquals("/usr/local/go/bin/go", root.resolve("/usr/local/bin-go").realPath());
      delete(go);
      // Another Root of the same prefix (a rule makes its own) shares the answers of this check.
      Root again = Root.of(tmp);
      return again.isExecutableFile("/usr/local/bin-go") && again.resolve("/usr/local/bin-go").ok();
    });
    assertTrue(stale, "answered from the check's memory");
    assertFalse(root.isExecutableFile("/usr/local/bin-go"), "the next check sees the file is gone");
    assertFalse(root.resolve("/usr/local/bin-go").ok());
  }

  @Test
  void twoMachinesNeverShareAnswersAndAFailedCheckLeavesNoMemory() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a/opt/go"));
    Files.createDirectories(tmp.resolve("b/opt"));
    Root.memoizing(() -> {
      assertTrue(Root.of(tmp.resolve("a")).isDirectory("/opt/go"));
      assertFalse(Root.of(tmp.resolve("b")).isDirectory("/opt/go"));
      return null;
    });
    assertThrows(IllegalStateException.class, () -> Root.memoizing(() -> {
      Root.of(tmp.resolve("a")).isDirectory("/opt/go");
      throw new IllegalStateException("a rule failed");
    }));
    Files.delete(a);
    assertFalse(Root.of(tmp.resolve("a")).isDirectory("/opt/go"), "nothing kept after the failed check");
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
