package dev.goenvdoctor.cli;

import java.io.PrintWriter;
import java.util.Timer;
import java.util.TimerTask;

/**
 * A one-line progress note on stderr, shown only on a terminal and only when the work takes longer than
 * 300 ms; erased when done. Never written to stdout, never when stderr is not a terminal.
 */
final class ProgressLine implements AutoCloseable {
  private static final long DELAY_MS = 300;
  private final Timer timer;
  private final PrintWriter err;
  private volatile boolean shown;

  private ProgressLine(PrintWriter err, String message) {
    this.err = err;
    this.timer = err == null ? null : new Timer("go-env-doctor-progress", true);
    if (timer != null) {
      timer.schedule(new TimerTask() {
        @Override
        public void run() {
          shown = true;
          err.print("\r" + message);
          err.flush();
        }
      }, DELAY_MS);
    }
  }

  static ProgressLine onTerminal(PrintWriter err, String message) {
    boolean terminal = System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    return new ProgressLine(terminal ? err : null, message);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.cancel();
      if (shown) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }
}
