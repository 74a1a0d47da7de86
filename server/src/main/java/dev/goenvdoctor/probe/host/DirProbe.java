package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Owner and writability of one directory. On the real root the kernel answers ({@code access(W_OK)},
 * which knows about read-only mounts, groups and ACLs). A scenario root has no process to ask, so the
 * answer comes from its owner and mode bits against the scenario's effective uid.
 */
final class DirProbe {
  private static final int OWNER_WRITE = 0200;
  private static final int GROUP_WRITE = 0020;
  private static final int OTHER_WRITE = 0002;

  private DirProbe() {}

  static DirFacts probe(Root root, MountTable mounts, Users users, OptionalInt euid, String name, String path) {
    List<String> problems = new ArrayList<>();
    Optional<String> bad = MountProbe.badPath(path);
    if (bad.isPresent()) {
      problems.add(name + "=" + path + ": " + bad.get());
      PathMount none = new PathMount(path, path, Optional.empty(), bad.get());
      return new DirFacts(name, path, false, false, path, OptionalInt.empty(), Optional.empty(),
          Tristate.UNKNOWN, Tristate.UNKNOWN, bad.get(), none, problems);
    }
    SymlinkChain chain = root.resolve(path);
    if (chain.status() == SymlinkChain.Status.LOOP) {
      String why = path + " is a symlink loop";
      problems.add(why);
      return new DirFacts(name, path, false, false, path, OptionalInt.empty(), Optional.empty(), Tristate.UNKNOWN,
          Tristate.NO, why + ": creating it fails with 'too many levels of symbolic links'",
          MountProbe.pathMount(root, mounts, path), problems);
    }
    boolean exists = chain.ok();
    boolean directory = exists && root.isDirectory(path);
    if (exists && !directory) {
      problems.add(path + " exists but is not a directory");
    }
    String checked = exists ? chain.realPath() : nearestExisting(root, chain.realPath());
    OptionalInt owner = Ownership.ownerUid(root, checked);
    if (owner.isEmpty()) {
      problems.add("owner of " + checked + " is unknown");
    }
    Optional<String> ownerName = owner.isPresent() ? users.name(owner.getAsInt()) : Optional.empty();
    Tristate ownedByOther = owner.isPresent() && euid.isPresent()
        ? Tristate.of(owner.getAsInt() != euid.getAsInt())
        : Tristate.UNKNOWN;
    PathMount mount = MountProbe.pathMount(root, mounts, path);

    Tristate writable;
    String basis;
    if (root.isSystem()) {
      writable = Tristate.of(Native.isWritable(root.hostPath(checked)));
      basis = "access(" + checked + ", W_OK)";
    } else {
      Verdict v = scenarioWritable(root, checked, owner, euid, mount, users);
      writable = v.answer();
      basis = v.basis();
    }
    return new DirFacts(name, path, exists, directory, checked, owner, ownerName, ownedByOther, writable, basis, mount,
        problems);
  }

  private record Verdict(Tristate answer, String basis) {}

  private static Verdict scenarioWritable(Root root, String checked, OptionalInt owner, OptionalInt euid, PathMount mount,
      Users users) {
    if (mount.readOnly().isYes()) {
      return new Verdict(Tristate.NO, checked + " is on a read-only mount (" + mount.mount().orElseThrow().mountPoint() + ")");
    }
    if (euid.isEmpty()) {
      return new Verdict(Tristate.UNKNOWN, "the scenario's effective uid is unknown");
    }
    int uid = euid.getAsInt();
    if (uid == 0) {
      return new Verdict(Tristate.YES, "uid 0 may write anywhere that is not read-only");
    }
    OptionalInt mode = Ownership.mode(root, checked);
    if (owner.isEmpty() || mode.isEmpty()) {
      return new Verdict(Tristate.UNKNOWN, "owner or mode of " + checked + " is unknown");
    }
    int bits = mode.getAsInt();
    String octal = String.format("%04o", bits & 07777);
    if (owner.getAsInt() == uid) {
      return new Verdict(Tristate.of((bits & OWNER_WRITE) != 0), checked + " is owned by uid " + uid + " with mode " + octal);
    }
    String ownerText = users.describe(owner.getAsInt());
    if ((bits & OTHER_WRITE) != 0) {
      return new Verdict(Tristate.YES, checked + " is writable by everyone (mode " + octal + ")");
    }
    if ((bits & GROUP_WRITE) != 0) {
      return new Verdict(Tristate.UNKNOWN, checked + " is group-writable (mode " + octal
          + ") and the scenario does not state uid " + uid + "'s groups");
    }
    return new Verdict(Tristate.NO, checked + " is owned by " + ownerText + " with mode " + octal);
  }

  private static String nearestExisting(Root root, String realPath) {
    String p = realPath;
    while (!p.equals("/") && !root.exists(p)) {
      p = Root.parent(p);
    }
    return p;
  }
}
