package dev.goenvdoctor.probe.binary;

/** Unsigned integers of 1, 2, 4 or 8 bytes in either byte order; 8-byte values come back as raw bits. */
final class Words {
  private Words() {}

  /** The {@code width}-byte unsigned value at {@code offset}; callers guarantee the bytes exist. */
  static long read(byte[] bytes, int offset, int width, boolean bigEndian) {
    long value = 0;
    for (int i = 0; i < width; i++) {
      int b = bytes[offset + (bigEndian ? i : width - 1 - i)] & 0xff;
      value = (value << 8) | b;
    }
    return value;
  }

  /** {@code a + b} for unsigned values, or -1 when the sum does not fit in a signed long. */
  static long addOrOverflow(long a, long b) {
    if (a < 0 || b < 0) {
      return -1;
    }
    long sum = a + b;
    return sum < 0 ? -1 : sum;
  }

  static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }
}
