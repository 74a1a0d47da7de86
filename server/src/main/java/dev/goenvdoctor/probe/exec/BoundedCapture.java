package dev.goenvdoctor.probe.exec;

import java.util.Arrays;

/**
 * Keeps at most {@code limit} bytes of a stream: its head, or its tail (a ring buffer). Memory grows
 * with what was written, up to the limit, so a small output never costs a large buffer. Thread-safe:
 * a drain thread writes while the caller may take a snapshot after giving up on the pipe.
 */
final class BoundedCapture {
  private static final int INITIAL_CAPACITY = 8 * 1024;

  private final int limit;
  private final boolean keepTail;
  private byte[] buffer = new byte[0];
  private int start; // index of the oldest kept byte (only moves once the ring is full)
  private int size; // bytes kept
  private long total; // bytes seen

  private BoundedCapture(int limit, boolean keepTail) {
    this.limit = Math.max(0, limit);
    this.keepTail = keepTail;
  }

  static BoundedCapture head(int limit) {
    return new BoundedCapture(limit, false);
  }

  static BoundedCapture tail(int limit) {
    return new BoundedCapture(limit, true);
  }

  synchronized void write(byte[] bytes, int offset, int length) {
    total += length;
    if (length == 0 || limit == 0) {
      return;
    }
    if (!keepTail) {
      int kept = Math.min(length, limit - size);
      if (kept > 0) {
        ensureCapacity(size + kept);
        System.arraycopy(bytes, offset, buffer, size, kept);
        size += kept;
      }
      return;
    }
    if (length >= limit) { // the new chunk alone fills the ring: keep its last `limit` bytes
      ensureCapacity(limit);
      System.arraycopy(bytes, offset + length - limit, buffer, 0, limit);
      start = 0;
      size = limit;
      return;
    }
    if (size + length <= limit && start == 0) { // still filling up linearly
      ensureCapacity(size + length);
      System.arraycopy(bytes, offset, buffer, size, length);
      size += length;
      return;
    }
    ensureCapacity(limit); // from here on the buffer is a ring of exactly `limit` bytes
    int end = (start + size) % limit;
    int firstPart = Math.min(length, limit - end);
    System.arraycopy(bytes, offset, buffer, end, firstPart);
    System.arraycopy(bytes, offset + firstPart, buffer, 0, length - firstPart);
    int overflow = size + length - limit;
    if (overflow > 0) {
      start = (start + overflow) % limit;
      size = limit;
    } else {
      size += length;
    }
  }

  /** The kept bytes in stream order. */
  synchronized byte[] bytes() {
    if (start + size <= buffer.length) {
      return Arrays.copyOfRange(buffer, start, start + size);
    }
    byte[] ordered = new byte[size];
    int firstPart = buffer.length - start;
    System.arraycopy(buffer, start, ordered, 0, firstPart);
    System.arraycopy(buffer, 0, ordered, firstPart, size - firstPart);
    return ordered;
  }

  /** True when more bytes were written than kept. */
  synchronized boolean truncated() {
    return total > size;
  }

  synchronized long totalBytes() {
    return total;
  }

  private void ensureCapacity(int needed) {
    if (buffer.length >= needed) {
      return;
    }
    // Grow geometrically but never past the limit; the ring relies on length == limit once wrapped.
    int capacity = Math.max(needed, Math.max(INITIAL_CAPACITY, buffer.length * 2));
    buffer = Arrays.copyOf(buffer, Math.min(capacity, limit));
  }
}
