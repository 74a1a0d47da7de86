package dev.goenvdoctor.probe.binary;

import static dev.goenvdoctor.probe.binary.ElfWriter.PF_R;
import static dev.goenvdoctor.probe.binary.ElfWriter.PF_W;
import static dev.goenvdoctor.probe.binary.ElfWriter.PF_X;
import static dev.goenvdoctor.probe.binary.ElfWriter.SHF_ALLOC;
import static dev.goenvdoctor.probe.binary.ElfWriter.SHF_EXECINSTR;
import static dev.goenvdoctor.probe.binary.ElfWriter.SHF_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.binary.BinaryInspection.Kind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-built ELF images: every layout the reader must handle, and the messages for broken ones. */
class GoBinaryProbeFixtureTest {
  private static final String MODINFO = Fixtures.MODINFO;

  private static BinaryInspection inspect(byte[] bytes) {
    return GoBinaryProbe.inspectBytes("fixture", bytes);
  }

  private static BuildInfo goBinary(BinaryInspection r) {
    assertEquals(Kind.GO_BINARY, r.kind(), r.message());
    return r.buildInfo().orElseThrow();
  }

  @Test
  void modernInlineLittleEndian64() {
    BinaryInspection r = inspect(Fixtures.modernAmd64("go1.22.5", BuildInfoBlob.framed(MODINFO)));
    BuildInfo info = goBinary(r);
    assertEquals("go1.22.5", info.goVersion());
    assertEquals(Optional.of(new GoVersion(1, 22, 5, "")), r.goVersion());
    assertEquals("example.com/hello/cmd/hello", info.path());
    assertEquals(new BuildInfo.Module("example.com/hello", "v1.2.3", "h1:abc=", Optional.empty()), info.mainModule().orElseThrow());
    assertEquals(Map.of("-compiler", "gc", "GOARCH", "amd64", "GOOS", "linux"), info.settings());
    ElfFacts elf = r.elf().orElseThrow();
    assertEquals(64, elf.bits());
    assertFalse(elf.bigEndian());
    assertEquals("amd64", elf.goarch());
    assertTrue(elf.hasGoSections());
    assertEquals("Go binary built with go1.22.5, main package example.com/hello/cmd/hello, module example.com/hello v1.2.3"
        + " (ELF 64-bit little-endian executable for amd64)", r.message());
  }

  @Test
  void replacementLinesAttachToThePreviousModule() {
    String text = String.join("\n",
        "path\texample.com/app",
        "mod\texample.com/app\t(devel)\t",
        "=>\t../app-fork\t\t",
        "dep\tgolang.org/x/mod\tv0.14.0\th1:def=",
        "dep\tgolang.org/x/sys\tv0.15.0\th1:ghi=",
        "=>\tgolang.org/x/sys\tv0.16.0\th1:jkl=",
        "=>\tstray/replacement\tv1.0.0\th1:x=",
        "");
    BuildInfo info = goBinary(inspect(Fixtures.modernAmd64("go1.21.0", BuildInfoBlob.framed(text))));
    BuildInfo.Module main = info.mainModule().orElseThrow();
    assertEquals("(devel)", main.version());
    assertEquals(Optional.of(new BuildInfo.Module("../app-fork", "", "", Optional.empty())), main.replacement());
    assertEquals(List.of(
        new BuildInfo.Module("golang.org/x/mod", "v0.14.0", "h1:def=", Optional.empty()),
        new BuildInfo.Module("golang.org/x/sys", "v0.15.0", "h1:ghi=",
            Optional.of(new BuildInfo.Module("golang.org/x/sys", "v0.16.0", "h1:jkl=", Optional.empty())))),
        info.deps(), "a second => line has no module left to replace and is ignored");
  }

  @Test
  void modinfoWithoutSentinelsIsParsedAsIs() {
    BuildInfo framed = goBinary(inspect(Fixtures.modernAmd64("go1.22.5", BuildInfoBlob.framed(MODINFO))));
    BuildInfo plain = goBinary(inspect(Fixtures.modernAmd64("go1.22.5", BuildInfoBlob.plain(MODINFO))));
    assertEquals(framed, plain);
    assertEquals(2, plain.deps().size());
  }

  @Test
  void modinfoShorterThanTwoSentinelsIsNotCut() {
    BuildInfo info = goBinary(inspect(Fixtures.modernAmd64("go1.22.5", BuildInfoBlob.plain("path\tx\n"))));
    assertEquals("x", info.path());
  }

  @Test
  void emptyModinfoGivesVersionOnly() {
    BuildInfo info = goBinary(inspect(Fixtures.modernAmd64("go1.22.5", new byte[0])));
    assertEquals("go1.22.5", info.goVersion());
    assertEquals("", info.path());
    assertEquals(Optional.empty(), info.mainModule());
    assertTrue(info.deps().isEmpty());
  }

  @Test
  void pointerFormat32BitLittleEndian() {
    byte[] elf = ElfWriter.elf(32, false, GoArch.EM_386)
        .loadedSection(".text", SHF_ALLOC | SHF_EXECINSTR, PF_R | PF_X, a -> Fixtures.text())
        .loadedSection(".go.buildinfo", SHF_ALLOC | SHF_WRITE, PF_R | PF_W,
            a -> BuildInfoBlob.pointers(a, 4, false, "go1.16.15", BuildInfoBlob.framed(MODINFO)))
        .build();
    BinaryInspection r = inspect(elf);
    BuildInfo info = goBinary(r);
    assertEquals("go1.16.15", info.goVersion());
    assertEquals("example.com/hello/cmd/hello", info.path());
    assertEquals(2, info.deps().size());
    assertEquals(32, r.elf().orElseThrow().bits());
    assertEquals("386", r.elf().orElseThrow().goarch());
  }

  @Test
  void pointerFormat64BitLittleEndian() {
    byte[] elf = ElfWriter.elf(64, false, GoArch.EM_X86_64)
        .loadedSection(".go.buildinfo", SHF_ALLOC | SHF_WRITE, PF_R | PF_W,
            a -> BuildInfoBlob.pointers(a, 8, false, "go1.17.13", BuildInfoBlob.framed(MODINFO)))
        .build();
    BuildInfo info = goBinary(inspect(elf));
    assertEquals("go1.17.13", info.goVersion());
    assertEquals("v1.2.3", info.mainModule().orElseThrow().version());
  }

  @ParameterizedTest
  @CsvSource({"21, ppc64", "22, s390x"})
  void pointerFormat64BitBigEndian(int machine, String goarch) {
    byte[] elf = ElfWriter.elf(64, true, machine)
        .loadedSection(".go.buildinfo", SHF_ALLOC | SHF_WRITE, PF_R | PF_W,
            a -> BuildInfoBlob.pointers(a, 8, true, "go1.15.2", BuildInfoBlob.framed(MODINFO)))
        .build();
    BinaryInspection r = inspect(elf);
    assertEquals("go1.15.2", goBinary(r).goVersion());
    assertTrue(r.elf().orElseThrow().bigEndian());
    assertEquals(goarch, r.elf().orElseThrow().goarch());
    assertEquals(2, goBinary(r).deps().size());
  }

  @Test
  void inlineFormatBigEndian() {
    byte[] elf = ElfWriter.elf(64, true, GoArch.EM_PPC64)
        .loadedSection(".go.buildinfo", SHF_ALLOC | SHF_WRITE, PF_R | PF_W,
            a -> BuildInfoBlob.inline(8, true, "go1.20.14", BuildInfoBlob.framed(MODINFO)))
        .build();
    BinaryInspection r = inspect(elf);
    assertEquals("go1.20.14", goBinary(r).goVersion());
    assertEquals("ppc64", r.elf().orElseThrow().goarch());
  }

  @Test
  void withoutSectionHeadersTheFirstWritableDataSegmentIsSearchedAtAlignedOffsets() {
    byte[] decoy = BuildInfoBlob.inline(8, false, "go0.0.0-in-text", new byte[0]);
    byte[] unaligned = BuildInfoBlob.concat(new byte[8], BuildInfoBlob.inline(8, false, "go0.0.0-unaligned", new byte[0]));
    byte[] elf = ElfWriter.elf(64, false, GoArch.EM_AARCH64)
        .segment(PF_R | PF_X, a -> decoy) // executable: never searched
        .segment(PF_R, a -> decoy) // read-only: never searched
        .segment(PF_R | PF_W, a -> BuildInfoBlob.concat(Arrays.copyOf(unaligned, 64),
            BuildInfoBlob.inline(8, false, "go1.23.4", BuildInfoBlob.framed(MODINFO))))
        .withoutSectionHeaders()
        .build();
    BinaryInspection r = inspect(elf);
    assertEquals("go1.23.4", goBinary(r).goVersion());
    assertEquals("arm64", r.elf().orElseThrow().goarch());
    assertFalse(r.elf().orElseThrow().hasGoSections(), "no section table, so no section names");
  }

  @Test
  void pointerFormatWithoutSectionHeadersMapsAddressesThroughSegments() {
    byte[] elf = ElfWriter.elf(32, true, GoArch.EM_MIPS)
        .segment(PF_R | PF_X, a -> Fixtures.text())
        .segment(PF_R | PF_W, a -> BuildInfoBlob.pointers(a, 4, true, "go1.12.17", BuildInfoBlob.framed(MODINFO)))
        .withoutSectionHeaders()
        .build();
    BinaryInspection r = inspect(elf);
    assertEquals("go1.12.17", goBinary(r).goVersion());
    assertEquals("mips", r.elf().orElseThrow().goarch());
  }

  @Test
  void elfWithoutBuildInfo() {
    byte[] elf = ElfWriter.elf(64, false, GoArch.EM_X86_64)
        .loadedSection(".text", SHF_ALLOC | SHF_EXECINSTR, PF_R | PF_X, a -> Fixtures.text())
        .loadedSection(".data", SHF_ALLOC | SHF_WRITE, PF_R | PF_W, a -> new byte[4096])
        .build();
    BinaryInspection r = inspect(elf);
    assertEquals(Kind.ELF_WITHOUT_BUILD_INFO, r.kind());
    assertEquals("ELF file without Go build info (stripped by a packer such as UPX, or not built by Go;"
        + " no build info block in the first writable data segment)", r.message());
    assertEquals("amd64", r.elf().orElseThrow().goarch());
  }

  @Test
  void elfWithGoSectionsButNoBuildInfoSaysItWasBuiltByGo() {
    byte[] elf = ElfWriter.elf(64, false, GoArch.EM_X86_64)
        .loadedSection(".text", SHF_ALLOC | SHF_EXECINSTR, PF_R | PF_X, a -> Fixtures.text())
        .loadedSection(".gopclntab", SHF_ALLOC, PF_R, a -> new byte[64])
        .build();
    BinaryInspection r = inspect(elf);
    assertEquals(Kind.ELF_WITHOUT_BUILD_INFO, r.kind());
    assertEquals("ELF file built by Go (it has a .gopclntab section) but without Go build info (it has no .go.buildinfo"
        + " section and no writable data segment), so the Go version that built it cannot be read from the file", r.message());
  }

  @Test
  void upxMarkerIsNamed() {
    byte[] elf = ElfWriter.elf(64, false, GoArch.EM_X86_64)
        .segment(PF_R | PF_X, a -> "....UPX!....".getBytes(StandardCharsets.US_ASCII))
        .withoutSectionHeaders()
        .build();
    BinaryInspection r = inspect(elf);
    assertEquals(Kind.ELF_WITHOUT_BUILD_INFO, r.kind());
    assertTrue(r.message().contains("packed with UPX"), r.message());
  }

  @Test
  void truncatedFileNamesTheTableThatIsCut() {
    byte[] whole = Fixtures.small();
    byte[] cut = Arrays.copyOf(whole, whole.length - 10);
    BinaryInspection r = inspect(cut);
    assertEquals(Kind.MALFORMED_ELF, r.kind());
    assertEquals("truncated ELF: section header table ends at byte " + whole.length + " of " + cut.length, r.message());
    assertEquals("amd64", r.elf().orElseThrow().goarch(), "header facts survive a damaged table");
  }

  @Test
  void truncatedHeader() {
    byte[] cut = Arrays.copyOf(Fixtures.small(), 40);
    BinaryInspection r = inspect(cut);
    assertEquals(Kind.MALFORMED_ELF, r.kind());
    assertEquals("truncated ELF: the 64-bit header needs 64 bytes, file has 40", r.message());
    assertEquals("truncated ELF: identification needs 16 bytes, file has 7",
        inspect(Arrays.copyOf(Fixtures.small(), 7)).message());
  }

  @Test
  void badPointerSizeIsDamagedBuildInfo() {
    byte[] blob = BuildInfoBlob.inline(8, false, "go1.22.5", new byte[0]);
    blob[14] = 3;
    BinaryInspection r = inspect(withBuildInfoSection(blob));
    assertEquals(Kind.MALFORMED_ELF, r.kind());
    assertTrue(r.message().matches("damaged Go build info at byte \\d+ \\(section \\.go\\.buildinfo\\): pointer size 3 \\(expected 4 or 8\\)"),
        r.message());
  }

  @Test
  void versionLengthBeyondTheSection() {
    byte[] blob = BuildInfoBlob.concat(BuildInfoBlob.header(8, 2), new byte[16], BuildInfoBlob.uvarint(300), "go1.22".getBytes(StandardCharsets.US_ASCII));
    BinaryInspection r = inspect(withBuildInfoSection(blob));
    assertEquals(Kind.MALFORMED_ELF, r.kind());
    assertTrue(r.message().endsWith("the version string of 300 bytes runs past the end of section .go.buildinfo"), r.message());
  }

  @Test
  void overlongVarint() {
    byte[] ff = new byte[11];
    Arrays.fill(ff, (byte) 0xff);
    BinaryInspection r = inspect(withBuildInfoSection(BuildInfoBlob.concat(BuildInfoBlob.header(8, 2), new byte[16], ff, new byte[32])));
    assertEquals(Kind.MALFORMED_ELF, r.kind());
    assertTrue(r.message().endsWith("the length of the version string is not a valid varint"), r.message());
  }

  @Test
  void emptyVersionIsRejected() {
    BinaryInspection r = inspect(withBuildInfoSection(BuildInfoBlob.inline(8, false, "", BuildInfoBlob.framed(MODINFO))));
    assertEquals(Kind.MALFORMED_ELF, r.kind());
    assertTrue(r.message().endsWith("the Go version string is empty"), r.message());
  }

  @Test
  void pointerOutsideEverySegment() {
    byte[] blob = BuildInfoBlob.concat(BuildInfoBlob.header(8, 0), ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(0x7000_0000L).putLong(0x7000_0010L).array());
    BinaryInspection r = inspect(withBuildInfoSection(blob));
    assertEquals(Kind.MALFORMED_ELF, r.kind());
    assertTrue(r.message().endsWith("the version string pointer 0x70000000 is outside every loaded segment"), r.message());
  }

  @Test
  void unreadableModinfoKeepsTheVersion() {
    byte[] blob = BuildInfoBlob.concat(BuildInfoBlob.header(8, 2), new byte[16], BuildInfoBlob.uvarint(8),
        "go1.22.5".getBytes(StandardCharsets.US_ASCII), BuildInfoBlob.uvarint(5000), new byte[10]);
    BinaryInspection r = inspect(withBuildInfoSection(blob));
    assertEquals("go1.22.5", goBinary(r).goVersion());
    assertTrue(r.message().endsWith("; its module info is unreadable: the module info of 5000 bytes runs past the end of section .go.buildinfo"),
        r.message());
  }

  @Test
  void buildSettingsWithQuotedKeysAndValues() {
    String text = String.join("\n",
        "build\t-ldflags=\"-s -w -X main.version=1.0\"",
        "build\t\"odd key\"=plain",
        "build\tDefaultGODEBUG=x509sha1=1",
        "build\t-tags=`a b`",
        "build\tbroken=\"unterminated",
        "build\t=nokey",
        "build\tnoequals",
        "");
    BuildInfo info = goBinary(inspect(Fixtures.modernAmd64("go1.22.5", BuildInfoBlob.framed(text))));
    assertEquals(List.of("-ldflags", "odd key", "DefaultGODEBUG", "-tags"), List.copyOf(info.settings().keySet()));
    assertEquals(Optional.of("-s -w -X main.version=1.0"), info.setting("-ldflags"));
    assertEquals(Optional.of("x509sha1=1"), info.setting("DefaultGODEBUG"));
    assertEquals(Optional.of("a b"), info.setting("-tags"));
  }

  @ParameterizedTest
  @CsvSource({
      "62, 64, false, amd64", "3, 32, false, 386", "183, 64, false, arm64", "40, 32, false, arm",
      "243, 64, false, riscv64", "21, 64, false, ppc64le", "21, 64, true, ppc64", "22, 64, true, s390x",
      "8, 32, true, mips", "8, 32, false, mipsle", "8, 64, true, mips64", "8, 64, false, mips64le",
      "258, 64, false, loong64", "2, 64, true, unknown(2)", "243, 32, false, unknown(243)"})
  void machineMapsToGoarch(int machine, int bits, boolean bigEndian, String goarch) {
    BinaryInspection r = inspect(ElfWriter.elf(bits, bigEndian, machine).build());
    assertEquals(Kind.ELF_WITHOUT_BUILD_INFO, r.kind(), r.message());
    assertEquals(goarch, r.elf().orElseThrow().goarch());
    assertEquals(bits, r.elf().orElseThrow().bits());
    assertEquals(bigEndian, r.elf().orElseThrow().bigEndian());
  }

  @Test
  void sharedObjectType() {
    BinaryInspection r = inspect(ElfWriter.elf(64, false, GoArch.EM_X86_64).type(3).build());
    assertEquals("ELF 64-bit little-endian shared object or PIE executable for amd64", r.elf().orElseThrow().describe());
  }

  @Test
  void otherFiles() {
    assertEquals("empty file (0 bytes)", inspect(new byte[0]).message());
    assertEquals(Kind.NOT_ELF, inspect(new byte[0]).kind());
    assertEquals("not an ELF file (starts with 'MZ': a Windows executable)", inspect("MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1)).message());
    assertEquals("not an ELF file (starts with cf fa ed fe: a macOS Mach-O executable)",
        inspect(new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe, 7, 0, 0, 1}).message());
    assertEquals("not an ELF file (starts with 'GOROOT=/usr/local/go\\nPA...')",
        inspect("GOROOT=/usr/local/go\nPATH=/usr/bin\n".getBytes(StandardCharsets.US_ASCII)).message());
    assertEquals("not an ELF file (starts with bytes 7f 45 4c)", inspect(new byte[] {0x7f, 'E', 'L'}).message());
    assertEquals("not an ELF file (starts with bytes 00 01 02 ff)", inspect(new byte[] {0, 1, 2, (byte) 0xff}).message());
  }

  @Test
  void scriptsReportTheirInterpreter() {
    BinaryInspection r = inspect("#!/usr/bin/env bash\nset -e\nexec goenv exec go \"$@\"\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(Kind.SCRIPT, r.kind());
    assertEquals(Optional.of("/usr/bin/env bash"), r.interpreter());
    assertEquals("not an ELF file (starts with '#!/usr/bin/env bash': a script)", r.message());
    assertEquals(Optional.of("/bin/sh"), inspect("#! /bin/sh".getBytes(StandardCharsets.UTF_8)).interpreter());
    BinaryInspection crlf = inspect("#!/usr/bin/env bash\r\necho\r\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(Optional.of("/usr/bin/env bash\r"), crlf.interpreter(), "a CRLF line ending breaks the script: keep it visible");
    assertEquals("not an ELF file (starts with '#!/usr/bin/env bash\\r': a script)", crlf.message());
  }

  @Test
  void badClassAndEncoding() {
    byte[] elf = Fixtures.small();
    elf[4] = 9;
    assertEquals("bad ELF: unknown class 9 (1 is 32-bit, 2 is 64-bit)", inspect(elf).message());
    elf = Fixtures.small();
    elf[5] = 0;
    assertEquals("bad ELF: unknown data encoding 0 (1 is little-endian, 2 is big-endian)", inspect(elf).message());
  }

  private static byte[] withBuildInfoSection(byte[] blob) {
    return ElfWriter.elf(64, false, GoArch.EM_X86_64)
        .loadedSection(".go.buildinfo", SHF_ALLOC | SHF_WRITE, PF_R | PF_W, a -> blob)
        .build();
  }
}
