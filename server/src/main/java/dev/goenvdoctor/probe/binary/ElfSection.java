package dev.goenvdoctor.probe.binary;

/** One section header: its name (from the section name table), type, flags and where its bytes are. */
record ElfSection(String name, long type, long flags, long address, long offset, long size) {
  static final long SHT_NOBITS = 8;

  /** True when the section occupies bytes in the file (NOBITS ones such as .bss do not). */
  boolean hasFileBytes() {
    return type != SHT_NOBITS && size != 0;
  }
}
