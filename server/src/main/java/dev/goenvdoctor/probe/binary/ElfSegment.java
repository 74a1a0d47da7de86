package dev.goenvdoctor.probe.binary;

/** One program header: type, flags (PF_X=1, PF_W=2, PF_R=4) and the file range it maps at {@code vaddr}. */
record ElfSegment(long type, long flags, long offset, long vaddr, long fileSize, long memorySize) {
  static final long PT_LOAD = 1;
  static final long PF_X = 1;
  static final long PF_W = 2;

  boolean isLoad() {
    return type == PT_LOAD;
  }

  /** Writable but not executable: where Go's linker puts the build info when there is no section for it. */
  boolean isWritableData() {
    return isLoad() && (flags & (PF_X | PF_W)) == PF_W;
  }

  /** True when the file-backed part of this segment holds the virtual address {@code address}. */
  boolean mapsAddress(long address) {
    return Long.compareUnsigned(address, vaddr) >= 0 && Long.compareUnsigned(address - vaddr, fileSize) < 0;
  }
}
