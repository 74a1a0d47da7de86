package dev.goenvdoctor.probe.binary;

/**
 * What an ELF header says: {@code bits} (32 or 64), byte order, {@code type} (e_type: 2 executable,
 * 3 shared object or PIE), {@code machine} (e_machine) and the GOARCH it corresponds to
 * ({@code amd64}, {@code arm64}, ... or {@code unknown(<n>)}). {@code hasGoSections} is true when a
 * section only Go's linker writes is present ({@code .gopclntab}, {@code .go.buildinfo},
 * {@code .note.go.buildid}, {@code .go.*}): the file was built by Go even when its build info is gone.
 */
public record ElfFacts(int bits, boolean bigEndian, int type, int machine, String goarch, boolean hasGoSections) {
  static final int ET_REL = 1;
  static final int ET_EXEC = 2;
  static final int ET_DYN = 3;
  static final int ET_CORE = 4;

  /** The e_type in words: "executable", "shared object or PIE executable", "relocatable object", ... */
  public String typeName() {
    return switch (type) {
      case ET_REL -> "relocatable object";
      case ET_EXEC -> "executable";
      case ET_DYN -> "shared object or PIE executable";
      case ET_CORE -> "core dump";
      default -> "file of type " + type;
    };
  }

  /** One line for messages, e.g. {@code ELF 64-bit little-endian executable for amd64}. */
  public String describe() {
    return "ELF " + bits + "-bit " + (bigEndian ? "big" : "little") + "-endian " + typeName() + " for " + goarch;
  }
}
