package dev.goenvdoctor.probe.exec;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Reads one pipe of a child on its own daemon thread until end of stream, into a {@link BoundedCapture}.
 * It keeps reading (and discarding) past the limit so the child never blocks on a full pipe.
 *
 * <p>The caller never waits for it without a bound: a process that escaped the group (a startup file
 * ran {@code setsid cmd &}) may hold the pipe open for hours. Then the caller takes what was captured,
 * closes the stream and moves on; the thread ends when the last writer closes the pipe.
 */
final class StreamDrain {
  private static final int CHUNK = 64 * 1024;

  private final InputStream stream;
  private final BoundedCapture capture;
  private final Thread thread;

  private StreamDrain(InputStream stream, BoundedCapture capture, String threadName) {
    this.stream = stream;
    this.capture = capture;
    this.thread = new Thread(this::drain, threadName);
    this.thread.setDaemon(true);
  }

  static StreamDrain start(InputStream stream, BoundedCapture capture, String threadName) {
    StreamDrain drain = new StreamDrain(stream, capture, threadName);
    drain.thread.start();
    return drain;
  }

  private void drain() {
    byte[] chunk = new byte[CHUNK];
    try {
      int read;
      while ((read = stream.read(chunk)) != -1) {
        capture.write(chunk, 0, read);
      }
    } catch (IOException e) { // closed under us after the caller gave up: what we have is the answer
    }
  }

  /**
   * Waits until end of stream or {@code deadlineNanos} (a {@link System#nanoTime()} value); returns
   * true when the stream ended.
   */
  boolean awaitEnd(long deadlineNanos) throws InterruptedException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining > 0) {
      TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
    }
    return !thread.isAlive();
  }

  /** Closes our end of the pipe; a read blocked in the kernel may stay so until the writer exits. */
  void close() {
    try {
      stream.close();
    } catch (IOException e) { // nothing useful to do: the capture already holds the answer
    }
  }

  BoundedCapture capture() {
    return capture;
  }
}
