package dev.goenvdoctor.probe.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.BinaryInspection.Kind;
import dev.goenvdoctor.testing.TestTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real Go binaries from apt and npm. The expected build info is the output of {@code go version -m}
 * for the same files, kept in {@code src/test/resources/binary/*.version-m.txt}.
 */
class GoBinaryProbeRealTest {
  private static final GoBinaryProbe SYSTEM = new GoBinaryProbe(Root.system());

  @Test
  void aptGo119() throws IOException {
    Path go = TestTools.systemFile("/usr/lib/go-1.19/bin/go");
    BinaryInspection r = SYSTEM.inspect(go.toString());
    assertEquals(Kind.GO_BINARY, r.kind(), r.message());
    BuildInfo info = r.buildInfo().orElseThrow();
    assertTrue(info.goVersion().startsWith("go1.19."), info.goVersion());
    GoVersion v = r.goVersion().orElseThrow();
    assertEquals("1.19", v.languageVersion());
    assertEquals("cmd/go", info.path());
    assertEquals(Optional.empty(), info.mainModule(), "the Go distribution's own commands record no main module");
    assertEquals(Optional.of("amd64"), info.setting("GOARCH"));
    ElfFacts elf = r.elf().orElseThrow();
    assertEquals("amd64", elf.goarch());
    assertEquals(64, elf.bits());
    assertTrue(elf.hasGoSections());
    assertEquals(golden("go-1.19"), GoModText.format(info));
    assertEquals("Go binary built with " + info.goVersion() + ", main package cmd/go (ELF 64-bit little-endian executable for amd64)",
        r.message());
  }

  @Test
  void usrBinGoSymlinkIsFollowed() {
    TestTools.systemFile("/usr/bin/go");
    BinaryInspection r = SYSTEM.inspect("/usr/bin/go");
    assertEquals(Kind.GO_BINARY, r.kind(), r.message());
    assertEquals("/usr/bin/go", r.path());
    assertTrue(r.realPath().startsWith("/usr/lib/go-1."), r.realPath());
    assertTrue(r.realPath().endsWith("/bin/go"), r.realPath());
    assertEquals("cmd/go", r.buildInfo().orElseThrow().path());
  }

  @Test
  void aptGopls() throws IOException {
    TestTools.systemFile("/usr/bin/gopls");
    BinaryInspection r = SYSTEM.inspect("/usr/bin/gopls");
    BuildInfo info = r.buildInfo().orElseThrow(() -> new AssertionError(r.message()));
    assertEquals("golang.org/x/tools/gopls", info.path());
    assertTrue(info.parsedGoVersion().isPresent(), info.goVersion());
    // Whatever `go version -m` shows for this build (Debian's records no mod line) is what we read.
    assertEquals(golden("gopls"), GoModText.format(info));
    info.mainModule().ifPresent(m -> assertEquals("golang.org/x/tools/gopls", m.path()));
  }

  @Test
  void npmLefthook() throws IOException {
    Path file = TestTools.npmFile("lefthook-linux-x64", "bin/lefthook");
    BinaryInspection r = GoBinaryProbe.inspectBytes("lefthook", java.nio.file.Files.readAllBytes(file));
    BuildInfo info = r.buildInfo().orElseThrow(() -> new AssertionError(r.message()));
    assertEquals("go1.27.0", info.goVersion());
    assertEquals(new GoVersion(1, 27, 0, ""), info.parsedGoVersion().orElseThrow());
    assertEquals("github.com/evilmartians/lefthook/v2", info.mainModule().orElseThrow().path());
    assertEquals("v2.2.2", info.mainModule().orElseThrow().version());
    assertTrue(info.deps().size() > 20, "deps: " + info.deps().size());
    assertEquals(golden("lefthook"), GoModText.format(info));
  }

  @Test
  void npmBufIsReadWithoutLoadingTheFile() throws IOException {
    Path file = TestTools.npmFile("@bufbuild/buf-linux-x64", "bin/buf");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteSource source = ByteSource.of(channel);
      BinaryInspection r = GoBinaryProbe.inspect("/buf", "/buf", source);
      BuildInfo info = r.buildInfo().orElseThrow(() -> new AssertionError(r.message()));
      assertEquals("go1.27.3", info.goVersion());
      assertEquals("(devel)", info.mainModule().orElseThrow().version());
      assertEquals(golden("buf"), GoModText.format(info));
      assertTrue(source.size() > 40_000_000L, "buf is a big binary: " + source.size());
      assertTrue(source.bytesRead() < 64 * 1024, "read only " + source.bytesRead() + " of " + source.size() + " bytes");
    }
  }

  @Test
  void npmEsbuildIsGoWithoutBuildInfo() {
    Path file = TestTools.npmFile("@esbuild/linux-x64", "bin/esbuild");
    BinaryInspection r = new GoBinaryProbe(Root.of(file.getParent())).inspect("/esbuild");
    assertEquals(Kind.ELF_WITHOUT_BUILD_INFO, r.kind(), r.message());
    assertEquals(Optional.empty(), r.buildInfo());
    assertEquals("amd64", r.elf().orElseThrow().goarch());
    assertTrue(r.elf().orElseThrow().hasGoSections());
    assertEquals("ELF file built by Go (it has a .gopclntab section) but without Go build info (no build info block in the"
        + " first writable data segment), so the Go version that built it cannot be read from the file", r.message());
  }

  @Test
  void repositoryShellScript() {
    Path repo = TestTools.toolsDir().getParent();
    BinaryInspection r = new GoBinaryProbe(Root.of(repo)).inspect("/.ci/install-test-deps");
    assertEquals(Kind.SCRIPT, r.kind());
    assertEquals(Optional.of("/usr/bin/env bash"), r.interpreter());
    assertEquals("not an ELF file (starts with '#!/usr/bin/env bash': a script)", r.message());
  }

  @Test
  void systemShellIsAnElfWithoutBuildInfo() {
    TestTools.systemFile("/usr/bin/dash");
    BinaryInspection r = SYSTEM.inspect("/usr/bin/dash");
    assertEquals(Kind.ELF_WITHOUT_BUILD_INFO, r.kind(), r.message());
    assertEquals(false, r.elf().orElseThrow().hasGoSections());
    assertTrue(r.message().startsWith("ELF file without Go build info (stripped by a packer such as UPX, or not built by Go"),
        r.message());
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = GoBinaryProbeRealTest.class.getResourceAsStream("/binary/" + name + ".version-m.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
