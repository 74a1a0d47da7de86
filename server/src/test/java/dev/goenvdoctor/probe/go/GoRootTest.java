package dev.goenvdoctor.probe.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoRootTest {
  @TempDir Path dir;

  @Test
  void realDebianGoRootReadsItsVersionFileWithoutNewline() {
    TestTools.systemFile("/usr/lib/go-1.19/bin/go");
    GoRoot root = GoRoot.inspect(Root.system(), "/usr/lib/go-1.19");

    assertTrue(root.isGoRoot(), root.notGoRootReason().orElse(""));
    assertEquals("go1.19.8", root.version().orElseThrow());
    assertEquals("/usr/lib/go-1.19/VERSION:1", root.versionFile().orElseThrow().provenance().display());
    assertTrue(root.goBinaryExecutable());
    assertFalse(root.hasGoEnvFile(), "Go 1.19 predates go.env");
    assertEquals(List.of(), root.problems(), "a 1.19 tree without go.env and with pkg/linux_amd64 is normal");
  }

  @Test
  void symlinkedRootResolvesToItsRealDirectory() {
    TestTools.systemFile("/usr/lib/go");
    GoRoot root = GoRoot.inspect(Root.system(), "/usr/lib/go");
    assertEquals("/usr/lib/go-1.19", root.realPath());
    assertTrue(root.isGoRoot());
  }

  @Test
  void versionFileWithTimeLineAndGoEnvDefaultsWithLineNumbers() {
    Fixture f = new Fixture(dir).goRoot("/usr/local/go", "go1.22.5\ntime 2024-06-27T20:11:12Z\n")
        .resource("go.env", "/usr/local/go/go.env", false);
    GoRoot root = GoRoot.inspect(f.root(), "/usr/local/go");

    GoVersionFile version = root.versionFile().orElseThrow();
    assertEquals("go1.22.5", version.version());
    assertEquals(List.of("time 2024-06-27T20:11:12Z"), version.otherLines());
    assertEquals("https://proxy.golang.org,direct", root.goEnvValue("GOPROXY").orElseThrow().value());
    assertEquals("/usr/local/go/go.env:5", root.goEnvValue("GOPROXY").orElseThrow().location().display());
    assertEquals("auto", root.goEnvValue("GOTOOLCHAIN").orElseThrow().value());
    assertEquals("/usr/local/go/go.env:9", root.goEnvValue("GOTOOLCHAIN").orElseThrow().location().display());
    assertEquals(3, root.goEnv().size(), "comments and blank lines are not entries");
    assertEquals(List.of(), root.problems());
  }

  @Test
  void go121WithoutGoEnvIsAProblem() {
    Fixture f = new Fixture(dir).goRoot("/opt/go", "go1.22.0\n");
    GoRoot root = GoRoot.inspect(f.root(), "/opt/go");
    assertEquals(List.of("no /opt/go/go.env: Go 1.21 and later keep their GOPROXY, GOSUMDB and GOTOOLCHAIN defaults there"),
        root.problems());
  }

  @Test
  void clearReasonsWhenNotAGoRoot() {
    Fixture f = new Fixture(dir)
        .dir("/home/u/sdk/go1.22.5/src")
        .file("/home/u/notadir", "x")
        .dir("/opt/half/bin").exec("/opt/half/bin/go", Fixture.FAKE_ELF)
        .link("/opt/gone", "/opt/removed")
        .dir("/opt/dangling/bin").link("/opt/dangling/bin/go", "/nowhere/go").dir("/opt/dangling/pkg/tool");
    Root root = f.root();

    assertEquals("missing", GoRoot.inspect(root, "/usr/local/go").notGoRootReason().orElseThrow());
    assertEquals("not a directory", GoRoot.inspect(root, "/home/u/notadir").notGoRootReason().orElseThrow());
    assertEquals("no bin/go", GoRoot.inspect(root, "/home/u/sdk/go1.22.5").notGoRootReason().orElseThrow());
    assertEquals("no pkg/tool or src/runtime", GoRoot.inspect(root, "/opt/half").notGoRootReason().orElseThrow());
    assertEquals("missing (dangling symlink to /opt/removed)", GoRoot.inspect(root, "/opt/gone").notGoRootReason().orElseThrow());
    assertEquals("bin/go is a dangling symlink to /nowhere/go", GoRoot.inspect(root, "/opt/dangling").notGoRootReason().orElseThrow());
    assertEquals("/home/u/sdk/go1.22.5 is not a Go root: no bin/go", GoRoot.inspect(root, "/home/u/sdk/go1.22.5").problems().get(0));
  }

  @Test
  void missingVersionAndNonExecutableGoAreProblems() {
    Fixture f = new Fixture(dir).goRoot("/opt/go", null).mode("/opt/go/bin/go", "rw-r--r--");
    GoRoot root = GoRoot.inspect(f.root(), "/opt/go");

    assertTrue(root.isGoRoot());
    assertFalse(root.goBinaryExecutable());
    assertEquals(List.of("no /opt/go/VERSION: the version can only be read from the go binary", "/opt/go/bin/go is not executable"),
        root.problems());
  }

  @Test
  void develVersionIsReportedAsNotARelease() {
    Fixture f = new Fixture(dir).goRoot("/opt/go", "devel go1.23-abcdef Tue Jan 2 15:04:05 2024 +0000\n");
    GoRoot root = GoRoot.inspect(f.root(), "/opt/go");
    assertFalse(root.versionFile().orElseThrow().isRelease());
    assertTrue(root.problems().get(0).contains("not a Go release version"), root.problems().toString());
  }

  @Test
  void precompiledPackagesInANewTreeMeanAMixedTree() {
    Fixture f = new Fixture(dir).goRoot("/usr/local/go", "go1.22.5\n").resource("go.env", "/usr/local/go/go.env", false)
        .file("/usr/local/go/pkg/linux_amd64/fmt.a", "!<arch>\n");
    GoRoot root = GoRoot.inspect(f.root(), "/usr/local/go");
    assertEquals(List.of("/usr/local/go/pkg/linux_amd64 exists, but Go 1.20 and later ship no precompiled packages there: "
        + "likely left by an older Go unpacked into the same directory (a mixed tree); the official install removes the old tree first"),
        root.problems());
  }
}
