package dev.goenvdoctor.probe.binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Writes small ELF images for tests: a header, PT_LOAD segments and named sections whose content may
 * depend on the virtual address it will be loaded at (pointer-format build info points into itself).
 * Layout: header, program header table, the parts (16-byte aligned, vaddr = BASE + file offset), the
 * section name table, the section header table.
 */
final class ElfWriter {
  static final long BASE = 0x400000;
  static final long SHF_WRITE = 1;
  static final long SHF_ALLOC = 2;
  static final long SHF_EXECINSTR = 4;
  static final long PF_X = 1;
  static final long PF_W = 2;
  static final long PF_R = 4;
  private static final int SHT_PROGBITS = 1;
  private static final int SHT_STRTAB = 3;

  private final int bits;
  private final boolean bigEndian;
  private final int machine;
  private int type = 2;
  private boolean sectionHeaders = true;
  private final List<Part> parts = new ArrayList<>();

  /** One piece of content: a section (when named), a PT_LOAD (when loadFlags >= 0), or both. */
  private record Part(String sectionName, long sectionFlags, long loadFlags, LongFunction<byte[]> content) {}

  private ElfWriter(int bits, boolean bigEndian, int machine) {
    this.bits = bits;
    this.bigEndian = bigEndian;
    this.machine = machine;
  }

  static ElfWriter elf(int bits, boolean bigEndian, int machine) {
    return new ElfWriter(bits, bigEndian, machine);
  }

  ElfWriter type(int elfType) {
    this.type = elfType;
    return this;
  }

  /** A section that is also its own PT_LOAD segment; {@code content} gets the section's virtual address. */
  ElfWriter loadedSection(String name, long sectionFlags, long loadFlags, LongFunction<byte[]> content) {
    parts.add(new Part(name, sectionFlags, loadFlags, content));
    return this;
  }

  /** A section that is not loaded. */
  ElfWriter section(String name, long sectionFlags, byte[] content) {
    parts.add(new Part(name, sectionFlags, -1, vaddr -> content));
    return this;
  }

  /** A PT_LOAD segment without a section. */
  ElfWriter segment(long loadFlags, LongFunction<byte[]> content) {
    parts.add(new Part(null, 0, loadFlags, content));
    return this;
  }

  /** Leaves out the section header table (e_shoff = 0), as packers do. */
  ElfWriter withoutSectionHeaders() {
    sectionHeaders = false;
    return this;
  }

  byte[] build() {
    boolean is64 = bits == 64;
    int headerSize = is64 ? 64 : 52;
    int phentsize = is64 ? 56 : 32;
    int shentsize = is64 ? 64 : 40;
    long loads = parts.stream().filter(p -> p.loadFlags >= 0).count();
    long offset = align(headerSize + loads * phentsize, 16);

    // Lay out the parts; each one's content may depend on its address.
    List<byte[]> contents = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    for (Part p : parts) {
      byte[] c = p.content.apply(BASE + offset);
      contents.add(c);
      offsets.add(offset);
      offset = align(offset + c.length, 16);
    }
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    names.write(0);
    List<Integer> nameOffsets = new ArrayList<>();
    for (Part p : parts) {
      nameOffsets.add(p.sectionName == null ? 0 : names.size());
      if (p.sectionName != null) {
        names.writeBytes((p.sectionName + "\0").getBytes(StandardCharsets.UTF_8));
      }
    }
    int shstrtabName = names.size();
    names.writeBytes(".shstrtab\0".getBytes(StandardCharsets.UTF_8));
    long namesOffset = offset;
    long shoff = align(namesOffset + names.size(), 8);
    long sectionCount = 2 + parts.stream().filter(p -> p.sectionName != null).count(); // null + parts + .shstrtab
    long total = sectionHeaders ? shoff + sectionCount * shentsize : namesOffset;

    ByteBuffer b = ByteBuffer.allocate((int) total).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), (byte) (bigEndian ? 2 : 1), 1});
    b.position(16);
    b.putShort((short) type).putShort((short) machine).putInt(1);
    word(b, BASE); // entry
    word(b, headerSize); // phoff
    word(b, sectionHeaders ? shoff : 0);
    b.putInt(0).putShort((short) headerSize).putShort((short) phentsize).putShort((short) loads);
    b.putShort((short) shentsize).putShort((short) (sectionHeaders ? sectionCount : 0));
    b.putShort((short) (sectionHeaders ? sectionCount - 1 : 0));

    b.position(headerSize);
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      if (p.loadFlags < 0) {
        continue;
      }
      long off = offsets.get(i);
      long size = contents.get(i).length;
      if (is64) {
        b.putInt(1).putInt((int) p.loadFlags).putLong(off).putLong(BASE + off).putLong(BASE + off)
            .putLong(size).putLong(size).putLong(16);
      } else {
        b.putInt(1).putInt((int) off).putInt((int) (BASE + off)).putInt((int) (BASE + off))
            .putInt((int) size).putInt((int) size).putInt((int) p.loadFlags).putInt(16);
      }
    }
    for (int i = 0; i < parts.size(); i++) {
      b.position(offsets.get(i).intValue());
      b.put(contents.get(i));
    }
    if (!sectionHeaders) {
      return b.array();
    }
    b.position((int) namesOffset);
    b.put(names.toByteArray());
    b.position((int) shoff);
    b.put(new byte[shentsize]); // section 0
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      if (p.sectionName != null) {
        sectionHeader(b, nameOffsets.get(i), SHT_PROGBITS, p.sectionFlags, BASE + offsets.get(i), offsets.get(i), contents.get(i).length);
      }
    }
    sectionHeader(b, shstrtabName, SHT_STRTAB, 0, 0, namesOffset, names.size());
    return b.array();
  }

  private void sectionHeader(ByteBuffer b, int name, int type, long flags, long addr, long offset, long size) {
    b.putInt(name).putInt(type);
    word(b, flags);
    word(b, addr);
    word(b, offset);
    word(b, size);
    b.putInt(0).putInt(0); // link, info
    word(b, 16);
    word(b, 0);
  }

  private void word(ByteBuffer b, long value) {
    if (bits == 64) {
      b.putLong(value);
    } else {
      b.putInt((int) value);
    }
  }

  private static long align(long value, int alignment) {
    return (value + alignment - 1) / alignment * alignment;
  }
}
