package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A command lookup as execvp(3) does it (and so editors, gopls and Java's ProcessBuilder): each PATH
 * entry in order, an empty entry meaning the current directory, a relative entry resolved against
 * the working directory, a literal {@code ~} NOT expanded, and the first regular file with an execute
 * bit winning. Entries that do not qualify are skipped, as execvp skips them, and noted.
 */
final class PathSearch {
  private PathSearch() {}

  record Hit(String command, SymlinkChain chain, int entryIndex) {}

  record Result(Optional<Hit> hit, List<String> notes) {
    Result {
      notes = List.copyOf(notes);
    }
  }

  /**
   * Looks {@code name} up in {@code entries} from working directory {@code cwd} (a machine path).
   * Entries whose directory is in {@code skipDirs} (normalised, e.g. a version manager's shims) are passed over.
   */
  static Result find(Root root, List<String> entries, String cwd, String name, Set<String> skipDirs) {
    String wd = Root.normalize(cwd);
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      int number = i + 1;
      String dir;
      if (entry.isEmpty()) {
        dir = wd;
        notes.add("PATH entry #" + number + " is empty: execvp searches the current directory (" + wd + ") there");
      } else if (entry.startsWith("~")) {
        dir = Root.normalize(Root.join(wd, entry));
        notes.add("PATH entry #" + number + " '" + entry + "' starts with a literal ~: execvp does not expand it and looks in " + dir);
      } else if (!entry.startsWith("/")) {
        dir = Root.normalize(Root.join(wd, entry));
        notes.add("PATH entry #" + number + " '" + entry + "' is relative: execvp looks in " + dir);
      } else {
        dir = Root.normalize(entry);
      }
      if (skipDirs.contains(dir)) {
        continue;
      }
      String candidate = Root.join(dir, name);
      SymlinkChain chain = root.resolve(candidate);
      if (chain.status() == SymlinkChain.Status.LOOP) {
        notes.add("skipped " + candidate + ": symlink loop");
        continue;
      }
      if (!chain.ok()) {
        if (chain.viaSymlink()) {
          notes.add("skipped " + candidate + ": dangling symlink to " + chain.realPath());
        }
        continue;
      }
      if (root.isDirectory(candidate)) {
        notes.add("skipped " + candidate + ": a directory");
        continue;
      }
      if (!root.isRegularFile(candidate)) {
        notes.add("skipped " + candidate + ": not a regular file");
        continue;
      }
      if (!root.isExecutableFile(candidate)) {
        notes.add("skipped " + candidate + ": not executable (execvp goes on to the next entry)");
        continue;
      }
      return new Result(Optional.of(new Hit(candidate, chain, i)), notes);
    }
    return new Result(Optional.empty(), notes);
  }
}
