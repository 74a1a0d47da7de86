package dev.goenvdoctor.lsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Sits between the client's stream and lsp4j and passes on only frames lsp4j can take: a header section of at
 * most {@value #MAX_HEADER_BYTES} bytes with a Content-Length of at most {@value #MAX_BODY_BYTES}, then that
 * many body bytes. lsp4j keeps everything it reads before a blank line in memory (to quote it in an error), so
 * megabytes of bytes that are not a frame would fill the heap and end the server; here they are dropped with
 * one line in the log. Header lines are read the way lsp4j reads them ({@code \r} ignored, a blank line ends
 * the header, the last {@code Content-Length} wins) and passed on unchanged, so both always agree where a
 * body starts. A body is streamed, never held.
 */
final class FrameGuard extends InputStream {
  static final int MAX_HEADER_BYTES = 8 * 1024;
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
  /** After this many dropped frames the log says so once and stays quiet: a flood must not flood the log too. */
  private static final int LOGGED_DROPS = 20;

  private final InputStream in;
  private final Consumer<String> warn;
  private byte[] header = new byte[0];
  private int headerPos;
  private long bodyLeft;
  private int drops;

  FrameGuard(InputStream in, Consumer<String> warn) {
    this.in = in;
    this.warn = warn;
  }

  @Override
  public int read() throws IOException {
    if (!ready()) {
      return -1;
    }
    if (headerPos < header.length) {
      return header[headerPos++] & 0xff;
    }
    int b = in.read();
    if (b >= 0) {
      bodyLeft--;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!ready()) {
      return -1;
    }
    if (headerPos < header.length) {
      int n = Math.min(length, header.length - headerPos);
      System.arraycopy(header, headerPos, buffer, offset, n);
      headerPos += n;
      return n;
    }
    int n = in.read(buffer, offset, (int) Math.min(length, bodyLeft));
    if (n > 0) {
      bodyLeft -= n;
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return headerPos < header.length ? header.length - headerPos : (int) Math.min(in.available(), bodyLeft);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** True when a header or body byte can be given; reads the next good frame's header when the last frame is done. */
  private boolean ready() throws IOException {
    while (headerPos >= header.length && bodyLeft <= 0) {
      if (!nextFrame()) {
        return false;
      }
    }
    return true;
  }

  /** Reads one header section; keeps it when it is a good frame's, else drops it (and a too-large body). False at the end. */
  private boolean nextFrame() throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    StringBuilder line = new StringBuilder();
    boolean newLine = false;
    long contentLength = -1;
    long dropped = 0;
    int b;
    while ((b = in.read()) != -1) {
      if (kept.size() < MAX_HEADER_BYTES) {
        kept.write(b);
      } else {
        dropped++;
      }
      if (b == '\n') {
        if (newLine) {
          break;
        }
        if (line.length() > 0 && dropped == 0) {
          contentLength = contentLength(line.toString(), contentLength);
        }
        line.setLength(0);
        newLine = true;
      } else if (b != '\r') {
        if (line.length() < MAX_HEADER_BYTES) {
          line.append((char) b);
        }
        newLine = false;
      }
    }
    if (b == -1) {
      if (kept.size() > 0 && !blank(kept)) {
        drop("the input ended inside a frame header (" + (kept.size() + dropped) + " bytes dropped)");
      }
      return false;
    }
    long total = kept.size() + dropped;
    if (dropped > 0) {
      drop(total + " bytes without a blank line are not a JSON-RPC header; dropped");
    } else if (contentLength < 0) {
      if (!blank(kept)) {
        drop("a frame without a valid Content-Length was dropped: " + excerpt(kept));
      }
    } else if (contentLength > MAX_BODY_BYTES) {
      drop("a frame of " + contentLength + " bytes is larger than " + MAX_BODY_BYTES + "; its body is skipped");
      discard(contentLength);
    } else {
      header = kept.toByteArray();
      headerPos = 0;
      bodyLeft = contentLength;
    }
    return true;
  }

  /** lsp4j's reading of one header line: the last valid Content-Length wins, a bad value leaves the earlier one. */
  private static long contentLength(String line, long before) {
    int colon = line.indexOf(':');
    if (colon < 0 || !line.substring(0, colon).trim().equals("Content-Length")) {
      return before;
    }
    try {
      return Integer.parseInt(line.substring(colon + 1).trim());
    } catch (NumberFormatException e) {
      return before;
    }
  }

  private void discard(long n) throws IOException {
    byte[] sink = new byte[8192];
    long left = n;
    while (left > 0) {
      int r = in.read(sink, 0, (int) Math.min(sink.length, left));
      if (r < 0) {
        return;
      }
      left -= r;
    }
  }

  private void drop(String why) {
    drops++;
    if (drops <= LOGGED_DROPS) {
      warn.accept("JSON-RPC input: " + why);
    } else if (drops == LOGGED_DROPS + 1) {
      warn.accept("JSON-RPC input: more bad frames; no longer logging them");
    }
  }

  private static boolean blank(ByteArrayOutputStream bytes) {
    for (byte x : bytes.toByteArray()) {
      if (x != '\r' && x != '\n') {
        return false;
      }
    }
    return true;
  }

  private static String excerpt(ByteArrayOutputStream bytes) {
    String s = bytes.toString(StandardCharsets.US_ASCII).strip().replaceAll("[^\\x20-\\x7e]", "?");
    return "'" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "'";
  }
}
