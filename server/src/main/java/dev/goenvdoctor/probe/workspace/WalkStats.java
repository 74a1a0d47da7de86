package dev.goenvdoctor.probe.workspace;

import java.util.List;

/**
 * What the walk of one workspace folder covered: directories read, the deepest level reached, whether a
 * limit stopped it, and which directories it deliberately did not enter (dependency, build, VCS and
 * hidden directories; the first {@value #MAX_LISTED} are named) and how many symlinked directories it
 * did not follow (the go command does not follow them either).
 */
public record WalkStats(
    String folder,
    int directoriesVisited,
    int deepestLevel,
    boolean directoryCapHit,
    boolean depthCapHit,
    WalkLimits limits,
    List<String> skippedDirectories,
    int skippedDirectoryCount,
    int symlinkedDirectoriesSkipped) {

  /** How many skipped directories are named in {@code skippedDirectories}. */
  public static final int MAX_LISTED = 200;

  public WalkStats {
    skippedDirectories = List.copyOf(skippedDirectories);
  }

  /** Returns true when a limit stopped the walk, so files may exist that were not seen. */
  public boolean capHit() {
    return directoryCapHit || depthCapHit;
  }
}
