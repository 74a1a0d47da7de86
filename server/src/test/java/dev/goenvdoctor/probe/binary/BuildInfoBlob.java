package dev.goenvdoctor.probe.binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes Go build info blocks for tests, in the inline (Go 1.18+) and the older pointer format. */
final class BuildInfoBlob {
  /** cmd/go's module info framing (modload infoStart / infoEnd); only their length matters to readers. */
  static final byte[] START = hex("3077af0c9274080241e1c107e6d618e6");
  static final byte[] END = hex("f932433186182072008242104116d8f2");

  private BuildInfoBlob() {}

  /** Module info text framed by the 16-byte sentinels, as cmd/go embeds it. */
  static byte[] framed(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(START);
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(END);
    return out.toByteArray();
  }

  static byte[] plain(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Header with flags bit 1 set, then uvarint-prefixed version and module info. */
  static byte[] inline(int ptrSize, boolean bigEndian, String version, byte[] modinfo) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header(ptrSize, (bigEndian ? 1 : 0) | 2));
    out.writeBytes(new byte[16]);
    byte[] v = version.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(uvarint(v.length));
    out.writeBytes(v);
    out.writeBytes(uvarint(modinfo.length));
    out.writeBytes(modinfo);
    return out.toByteArray();
  }

  /**
   * The pre-1.18 layout loaded at {@code vaddr}: header with two pointers to Go string headers
   * {data, len}, which follow, then the string bytes.
   */
  static byte[] pointers(long vaddr, int ptrSize, boolean bigEndian, String version, byte[] modinfo) {
    byte[] v = version.getBytes(StandardCharsets.UTF_8);
    long versionHeader = vaddr + 32;
    long modHeader = versionHeader + 2L * ptrSize;
    long versionData = modHeader + 2L * ptrSize;
    long modData = versionData + v.length;
    ByteBuffer b = ByteBuffer.allocate(32 + 4 * ptrSize + v.length + modinfo.length)
        .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    b.put(header(ptrSize, bigEndian ? 1 : 0));
    pointer(b, ptrSize, versionHeader);
    pointer(b, ptrSize, modHeader);
    b.position(32);
    pointer(b, ptrSize, versionData);
    pointer(b, ptrSize, v.length);
    pointer(b, ptrSize, modData);
    pointer(b, ptrSize, modinfo.length);
    b.put(v).put(modinfo);
    return b.array();
  }

  static byte[] header(int ptrSize, int flags) {
    byte[] h = new byte[16];
    System.arraycopy(BuildInfoReader.MAGIC, 0, h, 0, 14);
    h[14] = (byte) ptrSize;
    h[15] = (byte) flags;
    return h;
  }

  static byte[] uvarint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (value >= 0x80) {
      out.write((int) (value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
    return out.toByteArray();
  }

  /** Concatenates byte arrays. */
  static byte[] concat(byte[]... pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : pieces) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static void pointer(ByteBuffer b, int ptrSize, long value) {
    if (ptrSize == 8) {
      b.putLong(value);
    } else {
      b.putInt((int) value);
    }
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
