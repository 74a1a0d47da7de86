package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the mount table through the root and finds the mount under a path. */
final class MountProbe {
  static final String MOUNTINFO = "/proc/self/mountinfo";
  private static final int MAX_BYTES = 8 * 1024 * 1024;

  private MountProbe() {}

  static MountTable read(Root root) {
    HostFile file = HostFile.read(root, MOUNTINFO, MAX_BYTES);
    if (!file.readable()) {
      return new MountTable(List.of(), List.of("mounts unknown: " + file.problem()));
    }
    MountTable table = MountInfoParser.parse(file.bytes().orElseThrow(), MOUNTINFO);
    if (!file.truncated()) {
      return table;
    }
    List<String> problems = new ArrayList<>(table.problems());
    problems.add(file.problem());
    return new MountTable(table.mounts(), problems);
  }

  /** The mount a path lives on, after following its symlinks inside the root. */
  static PathMount pathMount(Root root, MountTable table, String path) {
    Optional<String> bad = badPath(path);
    if (bad.isPresent()) {
      return new PathMount(path, path, Optional.empty(), bad.get());
    }
    SymlinkChain chain = root.resolve(path);
    boolean loop = chain.status() == SymlinkChain.Status.LOOP;
    String real = loop ? Root.normalize(path) : chain.realPath();
    Optional<Mount> mount = table.mountOf(real);
    List<String> problems = new ArrayList<>();
    if (loop) {
      problems.add(path + " is a symlink loop at " + chain.realPath());
    }
    if (mount.isEmpty()) {
      problems.add(table.known() ? "no mount covers " + real : String.join("; ", table.problems()));
    }
    return new PathMount(path, real, mount, String.join("; ", problems));
  }

  /** Why a path cannot name a file at all (relative, or holding a NUL byte), or empty when it can. */
  static Optional<String> badPath(String path) {
    if (path.indexOf('\0') >= 0) {
      return Optional.of("the path contains a NUL byte, which no file name can hold");
    }
    if (!path.startsWith("/")) {
      return Optional.of("not an absolute path");
    }
    return Optional.empty();
  }
}
