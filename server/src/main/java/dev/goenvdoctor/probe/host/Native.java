package dev.goenvdoctor.probe.host;

import com.sun.jna.Library;
import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The only class that calls libc. Each call has a pure-Java answer for when JNA cannot load (no
 * writable temp dir for its stub, an exotic platform): then callers get a weaker but safe answer.
 *
 * <p>JNA loads only when a process group must be signalled: loading it unpacks its native stub into a temp
 * directory on every start (tens of milliseconds), and the other answers need no libc call of ours: the JDK's
 * {@code Files.isWritable} is the same access(2) call, and the effective uid is in /proc/self/status.
 */
public final class Native {
  public static final int SIGKILL = 9;
  public static final int SIGTERM = 15;

  interface LibC extends Library {
    int kill(int pid, int sig);

    int geteuid();
  }

  /** Loads libc through JNA the first time a caller needs it. */
  private static final class Libc {
    static final Optional<LibC> INSTANCE = load();

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
  }

  private Native() {}

  /** Returns whether libc could be loaded through JNA (loading it if it was not yet). */
  public static boolean available() {
    return Libc.INSTANCE.isPresent();
  }

  /**
   * Sends {@code signal} to a whole process group ({@code kill(-pgid, sig)}). Without JNA, falls back
   * to signalling the leader's descendants that Java can see (which misses re-parented orphans).
   */
  public static boolean killProcessGroup(long pgid, int signal) {
    if (Libc.INSTANCE.isPresent()) {
      return Libc.INSTANCE.get().kill((int) -pgid, signal) == 0;
    }
    ProcessHandle.of(pgid).ifPresent(leader -> {
      leader.descendants().forEach(ProcessHandle::destroyForcibly);
      leader.destroyForcibly();
    });
    return false;
  }

  /** The effective uid: from /proc/self/status, else libc's geteuid, -1 when unknown. */
  public static int effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          // Uid: real effective saved filesystem
          return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
        }
      }
    } catch (Exception e) { // no /proc or an odd format: ask libc
    }
    return Libc.INSTANCE.map(LibC::geteuid).orElse(-1);
  }

  /**
   * access(2) with W_OK: what the kernel says, including read-only mounts and ACLs. The JDK's
   * {@code Files.isWritable} makes exactly that call on Linux.
   */
  public static boolean isWritable(Path path) {
    return Files.isWritable(path);
  }
}
