package dev.goenvdoctor.probe.workspace;

/**
 * Bounds on the walk of one workspace folder: at most {@code maxDirectories} directories read, none deeper
 * than {@code maxDepth} levels below the folder (the folder itself is level 0).
 */
public record WalkLimits(int maxDirectories, int maxDepth) {
  /** Returns the limits used when none are given: 5000 directories, 16 levels. */
  public static WalkLimits defaults() {
    return new WalkLimits(5000, 16);
  }

  public WalkLimits {
    maxDirectories = Math.max(1, maxDirectories);
    maxDepth = Math.max(0, maxDepth);
  }
}
