package dev.goenvdoctor.probe.binary;

import java.util.List;
import java.util.Optional;

/** A parsed ELF file: header facts, sections (named) and program headers, all inside {@code fileSize}. */
record ElfFile(ElfFacts facts, long fileSize, List<ElfSection> sections, List<ElfSegment> segments) {
  ElfFile {
    sections = List.copyOf(sections);
    segments = List.copyOf(segments);
  }

  Optional<ElfSection> section(String name) {
    return sections.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The first writable, non-executable PT_LOAD segment with bytes in the file. */
  Optional<ElfSegment> firstWritableData() {
    return segments.stream().filter(ElfSegment::isWritableData).findFirst();
  }

  /** Where a virtual address lies in the file, and how many bytes of its segment follow it there. */
  record FileRange(long offset, long available) {}

  /** The file range of a virtual address inside a loaded segment's file bytes; empty when none maps it. */
  Optional<FileRange> fileRangeOf(long address) {
    for (ElfSegment s : segments) {
      if (s.isLoad() && s.mapsAddress(address)) {
        long delta = address - s.vaddr();
        return Optional.of(new FileRange(s.offset() + delta, s.fileSize() - delta));
      }
    }
    return Optional.empty();
  }
}
