package dev.goenvdoctor.probe.workspace;

/**
 * Bounds on the walk of one workspace folder: at most {@code maxDirectories} directories read, none deeper
 * than {@code maxDepth} levels below the folder (the folder itself is level 0). A walk that hits a bound says
 * so: a problem of the folder, a line in the text report, and a warning from the language server.
 */
public record WalkLimits(int maxDirectories, int maxDepth) {
  /**
   * Returns the limits used when none are given: 50,000 directories (a monorepo of 2,000 modules has about
   * 40,000 once vendor/, node_modules/ and VCS directories are skipped; bench/run times it), 16 levels.
   */
  public static WalkLimits defaults() {
    return new WalkLimits(50_000, 16);
  }

  public WalkLimits {
    maxDirectories = Math.max(1, maxDirectories);
    maxDepth = Math.max(0, maxDepth);
  }
}
