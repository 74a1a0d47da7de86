package dev.goenvdoctor.probe.binary;

/** Maps an ELF machine number (with class and byte order) to the GOARCH that builds such files. */
final class GoArch {
  static final int EM_386 = 3;
  static final int EM_MIPS = 8;
  static final int EM_PPC64 = 21;
  static final int EM_S390 = 22;
  static final int EM_ARM = 40;
  static final int EM_X86_64 = 62;
  static final int EM_AARCH64 = 183;
  static final int EM_RISCV = 243;
  static final int EM_LOONGARCH = 258;

  private GoArch() {}

  /** The GOARCH name, or {@code unknown(<machine>)} for a machine Go does not build for. */
  static String of(int machine, int bits, boolean bigEndian) {
    boolean is64 = bits == 64;
    String arch = switch (machine) {
      case EM_X86_64 -> "amd64";
      case EM_386 -> "386";
      case EM_AARCH64 -> "arm64";
      case EM_ARM -> "arm";
      case EM_RISCV -> is64 ? "riscv64" : null;
      case EM_PPC64 -> bigEndian ? "ppc64" : "ppc64le";
      case EM_S390 -> is64 ? "s390x" : null;
      case EM_MIPS -> (is64 ? "mips64" : "mips") + (bigEndian ? "" : "le");
      case EM_LOONGARCH -> is64 ? "loong64" : null;
      default -> null;
    };
    return arch != null ? arch : "unknown(" + machine + ")";
  }
}
