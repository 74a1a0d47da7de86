package dev.goenvdoctor.probe.binary;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Random access to the bytes of one file, so a 50 MB binary is read a few kilobytes at a time: the
 * header, the tables, then only the build info. Counts what it reads (tests prove the reader stays lean).
 */
abstract class ByteSource {
  private long bytesRead;

  /** The size of the file as it was when opened. */
  abstract long size();

  /** Copies up to {@code length} bytes at {@code offset} into {@code into}; returns how many. */
  abstract int readAt(long offset, byte[] into, int length) throws IOException;

  /** Total bytes handed out so far. */
  final long bytesRead() {
    return bytesRead;
  }

  /**
   * Exactly {@code length} bytes at {@code offset}. Callers check bounds against {@link #size()} first,
   * so a short read means the file shrank while being read: that is an I/O error, not bad content.
   */
  final byte[] read(long offset, int length) throws IOException {
    if (offset < 0 || length < 0 || offset > size() || length > size() - offset) {
      throw new EOFException(length + " bytes at offset " + offset + " lie beyond the end (" + size() + " bytes)");
    }
    byte[] out = new byte[length];
    int n = readAt(offset, out, length);
    bytesRead += n;
    if (n != length) {
      throw new EOFException("the file shrank while it was being read (at offset " + (offset + n) + ")");
    }
    return out;
  }

  /** Up to {@code length} bytes at {@code offset}, fewer at the end of the file. */
  final byte[] readUpTo(long offset, int length) throws IOException {
    if (offset < 0 || offset >= size()) {
      return new byte[0];
    }
    return read(offset, (int) Math.min(length, size() - offset));
  }

  static ByteSource of(byte[] content) {
    return new ArrayBytes(content);
  }

  static ByteSource of(FileChannel channel) throws IOException {
    return new ChannelBytes(channel);
  }

  private static final class ArrayBytes extends ByteSource {
    private final byte[] content;

    ArrayBytes(byte[] content) {
      this.content = content;
    }

    @Override
    long size() {
      return content.length;
    }

    @Override
    int readAt(long offset, byte[] into, int length) {
      int n = (int) Math.max(0, Math.min(length, content.length - offset));
      System.arraycopy(content, (int) offset, into, 0, n);
      return n;
    }
  }

  private static final class ChannelBytes extends ByteSource {
    private final FileChannel channel;
    private final long size;

    ChannelBytes(FileChannel channel) throws IOException {
      this.channel = channel;
      this.size = channel.size();
    }

    @Override
    long size() {
      return size;
    }

    @Override
    int readAt(long offset, byte[] into, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, offset + buffer.position());
        if (n < 0) {
          break;
        }
      }
      return buffer.position();
    }
  }
}
