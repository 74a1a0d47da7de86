package dev.goenvdoctor.probe.binary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ELF header, section headers (with names) and program headers, checking every offset and
 * size against the file, so no value from the file can cause a read outside it or a huge allocation.
 * Only the header and the two tables are read, plus the section name table.
 */
final class ElfParser {
  private static final int IDENT_SIZE = 16;
  private static final int SHN_XINDEX = 0xffff;
  private static final int PN_XNUM = 0xffff;
  /** More sections than any real binary has; a bigger count is a damaged header. */
  private static final long MAX_SECTIONS = 65_536;
  private static final long MAX_TABLE_BYTES = 16L << 20;
  private static final int MAX_NAME_TABLE = 1 << 20;

  private final ByteSource source;
  private final long size;
  private int bits;
  private boolean bigEndian;
  private int type;
  private int machine;
  private boolean headerRead;

  ElfParser(ByteSource source) {
    this.source = source;
    this.size = source.size();
  }

  /** The header facts read so far, for a message about a file whose tables are damaged. */
  ElfFacts headerFacts() {
    return headerRead ? new ElfFacts(bits, bigEndian, type, machine, GoArch.of(machine, bits, bigEndian), false) : null;
  }

  /** Parses the file; the caller has checked that it starts with the ELF magic. */
  ElfFile parse() throws IOException, ElfFormatException {
    if (size < IDENT_SIZE) {
      throw new ElfFormatException("truncated ELF: identification needs " + IDENT_SIZE + " bytes, file has " + size);
    }
    byte[] ident = source.read(0, IDENT_SIZE);
    bits = switch (ident[4]) {
      case 1 -> 32;
      case 2 -> 64;
      default -> throw new ElfFormatException("bad ELF: unknown class " + (ident[4] & 0xff) + " (1 is 32-bit, 2 is 64-bit)");
    };
    bigEndian = switch (ident[5]) {
      case 1 -> false;
      case 2 -> true;
      default -> throw new ElfFormatException(
          "bad ELF: unknown data encoding " + (ident[5] & 0xff) + " (1 is little-endian, 2 is big-endian)");
    };
    if (ident[6] != 1) {
      throw new ElfFormatException("bad ELF: unknown version " + (ident[6] & 0xff) + " (only 1 exists)");
    }
    boolean is64 = bits == 64;
    int headerSize = is64 ? 64 : 52;
    if (size < headerSize) {
      throw new ElfFormatException("truncated ELF: the " + bits + "-bit header needs " + headerSize + " bytes, file has " + size);
    }
    byte[] h = source.read(0, headerSize);
    type = (int) u(h, 16, 2);
    machine = (int) u(h, 18, 2);
    headerRead = true;
    int word = is64 ? 8 : 4;
    long phoff = u(h, is64 ? 32 : 28, word);
    long shoff = u(h, is64 ? 40 : 32, word);
    int phentsize = (int) u(h, is64 ? 54 : 42, 2);
    int phnum = (int) u(h, is64 ? 56 : 44, 2);
    int shentsize = (int) u(h, is64 ? 58 : 46, 2);
    int shnum = (int) u(h, is64 ? 60 : 48, 2);
    int shstrndx = (int) u(h, is64 ? 62 : 50, 2);

    List<RawSection> raw = readSectionTable(shoff, shentsize, shnum);
    List<ElfSection> sections = nameSections(raw, shstrndx);
    long programCount = phnum;
    if (phnum == PN_XNUM && !raw.isEmpty()) {
      programCount = raw.get(0).info; // extended numbering: the real count is in section 0
    }
    List<ElfSegment> segments = readProgramTable(phoff, phentsize, programCount);

    boolean goSections = sections.stream().anyMatch(s -> isGoSectionName(s.name()));
    ElfFacts facts = new ElfFacts(bits, bigEndian, type, machine, GoArch.of(machine, bits, bigEndian), goSections);
    return new ElfFile(facts, size, sections, segments);
  }

  private record RawSection(long nameOffset, long type, long flags, long address, long offset, long size, long link, long info) {}

  private List<RawSection> readSectionTable(long shoff, int shentsize, int shnum) throws IOException, ElfFormatException {
    if (shoff == 0) {
      return List.of(); // no section header table (UPX and other packers drop it)
    }
    int minEntry = bits == 64 ? 64 : 40;
    if (shentsize < minEntry) {
      throw new ElfFormatException("bad ELF: section header entry size " + shentsize + " (at least " + minEntry + " expected)");
    }
    requireTable("section header table", shoff, shentsize, 1);
    long count = shnum;
    if (shnum == 0) {
      count = parseSection(source.read(shoff, shentsize), 0).size; // extended numbering: count in section 0
      if (count == 0) {
        return List.of();
      }
    }
    if (count < 0 || count > MAX_SECTIONS) {
      throw new ElfFormatException("bad ELF: claims " + Long.toUnsignedString(count) + " sections (at most " + MAX_SECTIONS + " accepted)");
    }
    int tableBytes = requireTable("section header table", shoff, shentsize, count);
    byte[] table = source.read(shoff, tableBytes);
    List<RawSection> out = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      out.add(parseSection(table, i * shentsize));
    }
    return out;
  }

  private RawSection parseSection(byte[] t, int at) {
    if (bits == 64) {
      return new RawSection(u(t, at, 4), u(t, at + 4, 4), u(t, at + 8, 8), u(t, at + 16, 8), u(t, at + 24, 8),
          u(t, at + 32, 8), u(t, at + 40, 4), u(t, at + 44, 4));
    }
    return new RawSection(u(t, at, 4), u(t, at + 4, 4), u(t, at + 8, 4), u(t, at + 12, 4), u(t, at + 16, 4),
        u(t, at + 20, 4), u(t, at + 24, 4), u(t, at + 28, 4));
  }

  private List<ElfSection> nameSections(List<RawSection> raw, int shstrndx) throws IOException, ElfFormatException {
    if (raw.isEmpty()) {
      return List.of();
    }
    long nameIndex = shstrndx == SHN_XINDEX ? raw.get(0).link : shstrndx;
    if (nameIndex >= raw.size()) {
      throw new ElfFormatException("bad ELF: section name table index " + nameIndex + " is out of range (" + raw.size() + " sections)");
    }
    byte[] names = new byte[0];
    if (nameIndex != 0) { // index 0 (SHN_UNDEF) means the sections have no names
      RawSection table = raw.get((int) nameIndex);
      requireInFile("section name table", table.offset, table.size);
      names = source.read(table.offset, (int) Math.min(table.size, MAX_NAME_TABLE));
    }
    List<ElfSection> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      RawSection r = raw.get(i);
      ElfSection section = new ElfSection(cString(names, r.nameOffset), r.type, r.flags, r.address, r.offset, r.size);
      if (section.hasFileBytes()) {
        requireInFile("section " + (section.name().isEmpty() ? "#" + i : Printable.of(section.name(), 60)), r.offset, r.size);
      }
      out.add(section);
    }
    return out;
  }

  private List<ElfSegment> readProgramTable(long phoff, int phentsize, long count) throws IOException, ElfFormatException {
    if (count == 0) {
      return List.of();
    }
    int minEntry = bits == 64 ? 56 : 32;
    if (phentsize < minEntry) {
      throw new ElfFormatException("bad ELF: program header entry size " + phentsize + " (at least " + minEntry + " expected)");
    }
    if (count < 0 || count > MAX_SECTIONS) {
      throw new ElfFormatException("bad ELF: claims " + Long.toUnsignedString(count) + " program headers");
    }
    int tableBytes = requireTable("program header table", phoff, phentsize, count);
    byte[] t = source.read(phoff, tableBytes);
    List<ElfSegment> out = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      int at = i * phentsize;
      ElfSegment s = bits == 64
          ? new ElfSegment(u(t, at, 4), u(t, at + 4, 4), u(t, at + 8, 8), u(t, at + 16, 8), u(t, at + 32, 8), u(t, at + 40, 8))
          : new ElfSegment(u(t, at, 4), u(t, at + 24, 4), u(t, at + 4, 4), u(t, at + 8, 4), u(t, at + 16, 4), u(t, at + 20, 4));
      if (s.isLoad()) {
        requireInFile("loadable segment #" + i, s.offset(), s.fileSize());
      }
      out.add(s);
    }
    return out;
  }

  /** Checks that a table of {@code count} entries lies in the file and has a sane size; returns its byte length. */
  private int requireTable(String what, long offset, int entrySize, long count) throws ElfFormatException {
    long bytes = count * entrySize; // count <= 65536 and entrySize <= 65535: no overflow
    if (bytes > MAX_TABLE_BYTES) {
      throw new ElfFormatException("bad ELF: " + what + " of " + bytes + " bytes (at most " + MAX_TABLE_BYTES + " accepted)");
    }
    requireInFile(what, offset, bytes);
    return (int) bytes;
  }

  private void requireInFile(String what, long offset, long length) throws ElfFormatException {
    if (offset < 0 || offset > size) {
      throw new ElfFormatException("truncated or damaged ELF: " + what + " starts at byte " + Long.toUnsignedString(offset)
          + ", past the end of the file (" + size + " bytes)");
    }
    long end = Words.addOrOverflow(offset, length);
    if (end < 0) {
      throw new ElfFormatException("bad ELF: " + what + " claims " + Long.toUnsignedString(length)
          + " bytes, more than the file has (" + size + " bytes)");
    }
    if (end > size) {
      throw new ElfFormatException("truncated ELF: " + what + " ends at byte " + end + " of " + size);
    }
  }

  private long u(byte[] bytes, int offset, int width) {
    return Words.read(bytes, offset, width, bigEndian);
  }

  /** The NUL-terminated name at {@code offset}, or "" when it lies outside the table. */
  private static String cString(byte[] table, long offset) {
    if (offset < 0 || offset >= table.length) {
      return "";
    }
    int start = (int) offset;
    int end = start;
    while (end < table.length && table[end] != 0) {
      end++;
    }
    return new String(table, start, end - start, StandardCharsets.UTF_8);
  }

  static boolean isGoSectionName(String name) {
    return name.equals(".gopclntab") || name.endsWith(".gopclntab") || name.equals(".note.go.buildid")
        || name.startsWith(".go.");
  }
}
