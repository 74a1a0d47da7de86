package dev.goenvdoctor.probe.host;

import java.util.List;
import java.util.Optional;

/**
 * The mounts this process sees, in {@code /proc/self/mountinfo} order, and what went wrong reading
 * them (unreadable file, malformed lines). Empty mounts with a problem mean "unknown".
 */
public record MountTable(List<Mount> mounts, List<String> problems) {
  public MountTable {
    mounts = List.copyOf(mounts);
    problems = List.copyOf(problems);
  }

  /** True when at least one mount was read. */
  public boolean known() {
    return !mounts.isEmpty();
  }

  /**
   * The mount a real (symlink-free) machine path lives on: the longest mount point that covers it;
   * among mounts on the same point the last one listed, because a later mount hides an earlier one.
   */
  public Optional<Mount> mountOf(String realPath) {
    Mount best = null;
    for (Mount m : mounts) {
      if (m.covers(realPath) && (best == null || m.mountPoint().length() >= best.mountPoint().length())) {
        best = m;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The mount whose mount point is exactly {@code mountPoint} (the topmost one), if any. */
  public Optional<Mount> mountAt(String mountPoint) {
    Mount found = null;
    for (Mount m : mounts) {
      if (m.mountPoint().equals(mountPoint)) {
        found = m;
      }
    }
    return Optional.ofNullable(found);
  }
}
