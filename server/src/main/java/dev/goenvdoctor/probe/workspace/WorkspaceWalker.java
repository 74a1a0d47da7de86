package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.probe.DirEntry;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks one workspace folder breadth first (so a limit cuts the deepest directories first), finding the
 * files that pick a Go version. It walks the folder's real path (so symlinks above the folder cannot
 * mislead the symlink checks) but reports paths under the folder as it was named.
 */
final class WorkspaceWalker {
  static final Set<String> TARGET_FILES = Set.of("go.mod", "go.work", ".go-version", ".tool-versions", "mise.toml", ".mise.toml");
  /**
   * Dependency, build output, cache and VCS directories: never a module the user edits, often huge. Every
   * other hidden directory is skipped too ({@code .vscode} is read directly, not walked).
   */
  static final Set<String> SKIPPED_NAMES = Set.of(".git", ".hg", ".svn", ".cache", ".idea",
      "node_modules", "vendor", "testdata", "target", "build", "dist");

  /** The files found (machine paths under the folder as named) and the walk statistics. */
  record Result(List<String> files, List<String> settingsFiles, WalkStats stats) {}

  private record Pending(String realDir, String logicalDir, int depth) {}

  /** Levels smaller than this are listed on the calling thread: starting parallel work would cost more. */
  private static final int PARALLEL_FROM = 64;

  private WorkspaceWalker() {}

  /**
   * The entries of each directory of {@code level}, in the same order: one directory read and one lstat per
   * entry, as the walk holds real paths only (it never follows a symlink) and nothing needs resolving again.
   */
  private static List<List<DirEntry>> list(Root root, List<Pending> level) {
    if (level.size() < PARALLEL_FROM) {
      return level.stream().map(d -> root.entries(d.realDir())).toList();
    }
    return level.parallelStream().map(d -> root.entries(d.realDir())).toList();
  }

  static Result walk(Root root, String folder, WalkLimits limits) {
    List<String> files = new ArrayList<>();
    List<String> settings = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int skippedCount = 0;
    int symlinksSkipped = 0;
    int visited = 0;
    int deepest = 0;
    boolean directoryCap = false;
    boolean depthCap = false;

    SymlinkChain start = root.resolve(folder);
    List<Pending> level = new ArrayList<>();
    if (start.ok() && root.isDirectory(start.realPath())) {
      level.add(new Pending(start.realPath(), folder, 0));
    }
    // Level by level: the directories of one level are listed in parallel (reading directories is the whole
    // cost, mostly in the kernel), then their entries are handled in order, so the result and the point where
    // a limit cuts are the same as a one-thread breadth-first walk's.
    while (!level.isEmpty()) {
      int room = limits.maxDirectories() - visited;
      if (level.size() > room) {
        directoryCap = true;
        level = level.subList(0, room);
      }
      List<List<DirEntry>> listings = list(root, level);
      List<Pending> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i++) {
        Pending dir = level.get(i);
        visited++;
        deepest = Math.max(deepest, dir.depth());
        for (DirEntry entry : listings.get(i)) {
          String name = entry.name();
          String real = Root.join(dir.realDir(), name);
          String logical = Root.join(dir.logicalDir(), name);
          if (TARGET_FILES.contains(name)) {
            // A pin or go.mod that is a symlink to a file counts: the go command and version managers follow it.
            if (entry.kind() == DirEntry.Kind.REGULAR_FILE || entry.kind() == DirEntry.Kind.SYMLINK && root.isRegularFile(real)) {
              files.add(logical);
            }
            continue;
          }
          if (name.equals(".vscode")) {
            if (root.isRegularFile(Root.join(real, "settings.json"))) {
              settings.add(Root.join(logical, "settings.json"));
            }
            continue;
          }
          if (entry.kind() == DirEntry.Kind.SYMLINK) {
            if (root.isDirectory(real)) {
              symlinksSkipped++;
            }
            continue;
          }
          if (entry.kind() != DirEntry.Kind.DIRECTORY) {
            continue;
          }
          if (name.startsWith(".") || SKIPPED_NAMES.contains(name)) {
            skippedCount++;
            if (skipped.size() < WalkStats.MAX_LISTED) {
              skipped.add(logical);
            }
            continue;
          }
          if (dir.depth() + 1 > limits.maxDepth()) {
            depthCap = true;
            continue;
          }
          next.add(new Pending(real, logical, dir.depth() + 1));
        }
      }
      level = next;
    }
    WalkStats stats = new WalkStats(folder, visited, deepest, directoryCap, depthCap, limits, skipped, skippedCount,
        symlinksSkipped);
    return new Result(files, settings, stats);
  }
}
