package dev.goenvdoctor.probe.binary;

import static dev.goenvdoctor.probe.binary.ElfWriter.PF_R;
import static dev.goenvdoctor.probe.binary.ElfWriter.PF_W;
import static dev.goenvdoctor.probe.binary.ElfWriter.PF_X;
import static dev.goenvdoctor.probe.binary.ElfWriter.SHF_ALLOC;
import static dev.goenvdoctor.probe.binary.ElfWriter.SHF_EXECINSTR;
import static dev.goenvdoctor.probe.binary.ElfWriter.SHF_WRITE;

import java.nio.charset.StandardCharsets;

/** Small valid ELF images shared by the fixture and robustness tests. */
final class Fixtures {
  static final String MODINFO = String.join("\n",
      "path\texample.com/hello/cmd/hello",
      "mod\texample.com/hello\tv1.2.3\th1:abc=",
      "dep\tgolang.org/x/mod\tv0.14.0\th1:def=",
      "dep\tgolang.org/x/sys\tv0.15.0\th1:ghi=",
      "=>\tgolang.org/x/sys\tv0.16.0\th1:jkl=",
      "build\t-compiler=gc",
      "build\tGOARCH=amd64",
      "build\tGOOS=linux",
      "") ;

  private Fixtures() {}

  static byte[] text() {
    return "\u00c3\u0090\u00c3".getBytes(StandardCharsets.ISO_8859_1); // a few instruction-looking bytes
  }

  /** A modern (Go 1.18+) 64-bit little-endian amd64 binary: inline strings in section .go.buildinfo. */
  static byte[] modernAmd64(String version, byte[] modinfo) {
    return ElfWriter.elf(64, false, GoArch.EM_X86_64)
        .loadedSection(".text", SHF_ALLOC | SHF_EXECINSTR, PF_R | PF_X, a -> text())
        .loadedSection(".go.buildinfo", SHF_ALLOC | SHF_WRITE, PF_R | PF_W,
            a -> BuildInfoBlob.inline(8, false, version, modinfo))
        .build();
  }

  /** The small valid image the robustness properties mutate. */
  static byte[] small() {
    return modernAmd64("go1.22.5", BuildInfoBlob.framed(MODINFO));
  }
}
