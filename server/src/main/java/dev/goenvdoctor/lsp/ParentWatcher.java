package dev.goenvdoctor.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches the editor's process ({@code processId} of {@code initialize}) and runs an action when it is gone, so a
 * server whose editor crashed does not linger. Checked every 500 ms, so the server exits well within 2 s; the
 * process start time guards against a reused pid. A pid that is not visible at the start (a client in another pid
 * namespace, such as a sandbox) is not watched: the server then ends when its input closes.
 */
final class ParentWatcher {
  static final long INTERVAL_MILLIS = 500;

  private ParentWatcher() {}

  /** Starts watching; returns false when the process is not visible now. */
  static boolean watch(long pid, Runnable onDeath, ServerLog log) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (handle.isEmpty()) {
      log.warn("the client's process " + pid + " is not visible from here; not watching it");
      return false;
    }
    Optional<Instant> started = handle.get().info().startInstant();
    Thread t = new Thread(() -> {
      try {
        while (alive(handle.get(), started)) {
          Thread.sleep(INTERVAL_MILLIS);
        }
        log.info("the client's process " + pid + " is gone; exiting");
        onDeath.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "go-env-doctor-parent-watcher");
    t.setDaemon(true);
    t.start();
    return true;
  }

  private static boolean alive(ProcessHandle handle, Optional<Instant> started) {
    if (!handle.isAlive()) {
      return false;
    }
    Optional<ProcessHandle> now = ProcessHandle.of(handle.pid());
    return now.isPresent() && (started.isEmpty() || now.get().info().startInstant().equals(started))
        && !zombie(handle.pid());
  }

  /** A dead process its parent has not reaped yet still "is alive" for kill(pid, 0); /proc says Z. */
  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      int close = stat.lastIndexOf(')');
      return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
