package dev.goenvdoctor.probe.binary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds and decodes the Go build info block (layout: golang/go src/debug/buildinfo/buildinfo.go):
 * a 32-byte header at a 16-byte aligned offset of section {@code .go.buildinfo}, else of the first
 * writable non-executable PT_LOAD, starting with the 14-byte magic {@code "\xff Go buildinf:"}; byte 14
 * is the pointer size, byte 15 the flags (bit 0 big-endian, bit 1 strings inline since Go 1.18).
 * Reads the search window in small chunks and every string with a size cap.
 */
final class BuildInfoReader {
  static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
  static final int ALIGN = 16;
  static final int HEADER_SIZE = 32;
  static final long MAX_SEARCH = 64L << 20;
  static final int MAX_STRING = 1 << 20;
  private static final int CHUNK = 64 << 10;
  private static final int FLAG_BIG_ENDIAN = 1;
  private static final int FLAG_INLINE = 2;
  /** The framing cmd/go puts around module info: 16 bytes at each end, the text ending in a newline. */
  private static final int SENTINEL = 16;

  private BuildInfoReader() {}

  /** What the search found: the two strings, or the reason there are none. */
  sealed interface Result permits Found, Absent {}

  /** The recorded Go version, the module info text, and why the module info was dropped (or ""). */
  record Found(String goVersion, String modinfo, String modinfoProblem) implements Result {}

  /** No build info block: {@code reason} says where we looked. */
  record Absent(String reason) implements Result {}

  /** A place to search: a file range and how to name it in messages. */
  private record Region(long offset, long length, String name) {}

  /** Finds and decodes the block; a block that is present but damaged is an ElfFormatException. */
  static Result read(ByteSource source, ElfFile elf) throws IOException, ElfFormatException {
    Optional<Region> region = elf.section(".go.buildinfo")
        .filter(ElfSection::hasFileBytes)
        .map(s -> new Region(s.offset(), s.size(), "section .go.buildinfo"))
        .or(() -> elf.firstWritableData()
            .filter(s -> s.fileSize() > 0)
            .map(s -> new Region(s.offset(), s.fileSize(), "the first writable data segment")));
    if (region.isEmpty()) {
      return new Absent("it has no .go.buildinfo section and no writable data segment");
    }
    Region r = region.get();
    long limit = Math.min(r.length(), MAX_SEARCH);
    for (long chunkStart = 0; chunkStart < limit; chunkStart += CHUNK) {
      int want = (int) Math.min(CHUNK + HEADER_SIZE, r.length() - chunkStart);
      byte[] chunk = source.read(r.offset() + chunkStart, want);
      for (int p = 0; p < CHUNK && chunkStart + p < limit && p + HEADER_SIZE <= chunk.length; p += ALIGN) {
        if (startsWithMagic(chunk, p)) {
          byte[] header = Arrays.copyOfRange(chunk, p, p + HEADER_SIZE);
          return decode(source, elf, r, chunkStart + p, header);
        }
      }
    }
    return new Absent("no build info block in " + r.name());
  }

  private static boolean startsWithMagic(byte[] bytes, int at) {
    return Arrays.equals(bytes, at, at + MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  private static Found decode(ByteSource source, ElfFile elf, Region r, long at, byte[] header)
      throws IOException, ElfFormatException {
    long fileOffset = r.offset() + at;
    String where = "damaged Go build info at byte " + fileOffset + " (" + r.name() + "): ";
    int ptrSize = header[14] & 0xff;
    int flags = header[15] & 0xff;
    if (ptrSize != 4 && ptrSize != 8) {
      throw new ElfFormatException(where + "pointer size " + ptrSize + " (expected 4 or 8)");
    }
    byte[] version;
    byte[] modinfo = new byte[0];
    String modinfoProblem = "";
    if ((flags & FLAG_INLINE) != 0) {
      long cursor = at + HEADER_SIZE;
      try {
        Span span = inlineString(source, r, cursor, "version string");
        version = span.bytes();
        cursor = span.next();
      } catch (BadString e) {
        throw new ElfFormatException(where + e.getMessage());
      }
      try {
        modinfo = inlineString(source, r, cursor, "module info").bytes();
      } catch (BadString e) {
        modinfoProblem = e.getMessage();
      }
    } else {
      boolean bigEndian = (flags & FLAG_BIG_ENDIAN) != 0;
      long versionPointer = Words.read(header, 16, ptrSize, bigEndian);
      long modinfoPointer = Words.read(header, 16 + ptrSize, ptrSize, bigEndian);
      try {
        version = pointedString(source, elf, versionPointer, ptrSize, bigEndian, "version string");
      } catch (BadString e) {
        throw new ElfFormatException(where + e.getMessage());
      }
      try {
        modinfo = pointedString(source, elf, modinfoPointer, ptrSize, bigEndian, "module info");
      } catch (BadString e) {
        modinfoProblem = e.getMessage();
      }
    }
    if (version.length == 0) {
      throw new ElfFormatException(where + "the Go version string is empty");
    }
    return new Found(new String(version, StandardCharsets.UTF_8), unframe(modinfo), modinfoProblem);
  }

  /** Drops cmd/go's 16-byte sentinels when present (the text then ends in '\n' just before the end one). */
  private static String unframe(byte[] modinfo) {
    int n = modinfo.length;
    if (n >= 2 * SENTINEL + 1 && modinfo[n - SENTINEL - 1] == '\n') {
      return new String(modinfo, SENTINEL, n - 2 * SENTINEL, StandardCharsets.UTF_8);
    }
    return new String(modinfo, StandardCharsets.UTF_8);
  }

  /** The bytes of an inline string and the region offset just after it. */
  private record Span(byte[] bytes, long next) {}

  /** A uvarint length followed by that many bytes, all inside the region. */
  private static Span inlineString(ByteSource source, Region r, long at, String what) throws IOException, BadString {
    if (at >= r.length()) {
      throw new BadString("the " + what + " is missing: the block ends at the end of " + r.name());
    }
    byte[] head = source.read(r.offset() + at, (int) Math.min(10, r.length() - at));
    long length = 0;
    int shift = 0;
    int used = 0;
    while (true) {
      if (used == head.length) {
        throw new BadString("the length of the " + what + " is cut off by the end of " + r.name());
      }
      int b = head[used++] & 0xff;
      if (used == 10 && b > 1) {
        throw new BadString("the length of the " + what + " is not a valid varint");
      }
      length |= (long) (b & 0x7f) << shift;
      if (b < 0x80) {
        break;
      }
      shift += 7;
    }
    if (length < 0 || length > MAX_STRING) {
      throw new BadString("the " + what + " claims " + Long.toUnsignedString(length) + " bytes (at most " + MAX_STRING + " accepted)");
    }
    long start = at + used;
    if (length > r.length() - start) {
      throw new BadString("the " + what + " of " + length + " bytes runs past the end of " + r.name());
    }
    return new Span(source.read(r.offset() + start, (int) length), start + length);
  }

  /** A Go string header {data pointer, length} at a virtual address, then its bytes, both in loaded segments. */
  private static byte[] pointedString(ByteSource source, ElfFile elf, long address, int ptrSize, boolean bigEndian, String what)
      throws IOException, BadString {
    ElfFile.FileRange headerRange = elf.fileRangeOf(address)
        .orElseThrow(() -> new BadString("the " + what + " pointer " + Words.hex(address) + " is outside every loaded segment"));
    if (headerRange.available() < 2L * ptrSize) {
      throw new BadString("the " + what + " header at " + Words.hex(address) + " is cut off by the end of its segment");
    }
    byte[] stringHeader = source.read(headerRange.offset(), 2 * ptrSize);
    long data = Words.read(stringHeader, 0, ptrSize, bigEndian);
    long length = Words.read(stringHeader, ptrSize, ptrSize, bigEndian);
    if (length < 0 || length > MAX_STRING) {
      throw new BadString("the " + what + " claims " + Long.toUnsignedString(length) + " bytes (at most " + MAX_STRING + " accepted)");
    }
    if (length == 0) {
      return new byte[0];
    }
    ElfFile.FileRange dataRange = elf.fileRangeOf(data)
        .orElseThrow(() -> new BadString("the " + what + " data at " + Words.hex(data) + " is outside every loaded segment"));
    if (dataRange.available() < length) {
      throw new BadString("the " + what + " of " + length + " bytes at " + Words.hex(data) + " runs past the end of its segment");
    }
    return source.read(dataRange.offset(), (int) length);
  }

  /** One string of the block cannot be read; the message says why. */
  private static final class BadString extends Exception {
    private static final long serialVersionUID = 1L;

    BadString(String message) {
      super(message, null, false, false);
    }
  }
}
