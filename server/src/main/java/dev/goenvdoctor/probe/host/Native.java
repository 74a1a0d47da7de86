package dev.goenvdoctor.probe.host;

import com.sun.jna.Library;
import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The only class that calls libc. Each call has a pure-Java answer for when JNA cannot load (no
 * writable temp dir for its stub, an exotic platform): then callers get a weaker but safe answer.
 */
public final class Native {
  public static final int SIGKILL = 9;
  public static final int SIGTERM = 15;
  static final int W_OK = 2;
  static final int X_OK = 1;

  interface LibC extends Library {
    int kill(int pid, int sig);

    int geteuid();

    int getuid();

    int access(String path, int mode);
  }

  private static final Optional<LibC> LIBC = load();

  private Native() {}

  private static Optional<LibC> load() {
    if (!Platform.isLinux() && !Platform.isMac()) {
      return Optional.empty();
    }
    try {
      return Optional.of(com.sun.jna.Native.load("c", LibC.class));
    } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError: fall back, never crash.
      return Optional.empty();
    }
  }

  public static boolean available() {
    return LIBC.isPresent();
  }

  /**
   * Sends {@code signal} to a whole process group ({@code kill(-pgid, sig)}). Without JNA, falls back
   * to signalling the leader's descendants that Java can see (which misses re-parented orphans).
   */
  public static boolean killProcessGroup(long pgid, int signal) {
    if (LIBC.isPresent()) {
      return LIBC.get().kill((int) -pgid, signal) == 0;
    }
    ProcessHandle.of(pgid).ifPresent(leader -> {
      leader.descendants().forEach(ProcessHandle::destroyForcibly);
      leader.destroyForcibly();
    });
    return false;
  }

  /** The effective uid; from /proc/self/status when JNA is missing, -1 when unknown. */
  public static int effectiveUid() {
    if (LIBC.isPresent()) {
      return LIBC.get().geteuid();
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
        }
      }
    } catch (Exception e) { // unreadable or odd format: unknown
    }
    return -1;
  }

  /** access(2) with W_OK: what the kernel says, including read-only mounts and ACLs. */
  public static boolean isWritable(Path path) {
    if (LIBC.isPresent()) {
      return LIBC.get().access(path.toString(), W_OK) == 0;
    }
    return Files.isWritable(path);
  }
}
