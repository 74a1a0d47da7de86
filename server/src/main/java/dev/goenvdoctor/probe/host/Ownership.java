package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.OptionalInt;

/** Owner and permission bits of a machine path, read from the host file behind it (symlinks followed in the root). */
final class Ownership {
  private Ownership() {}

  /** The owner uid, empty when the path is missing or the platform has no unix attributes. */
  static OptionalInt ownerUid(Root root, String machinePath) {
    return intAttribute(root, machinePath, "unix:uid");
  }

  /** The st_mode bits (type, sticky, permissions), empty when unknown. */
  static OptionalInt mode(Root root, String machinePath) {
    return intAttribute(root, machinePath, "unix:mode");
  }

  private static OptionalInt intAttribute(Root root, String machinePath, String attribute) {
    try {
      SymlinkChain chain = root.resolve(machinePath);
      if (!chain.ok()) {
        return OptionalInt.empty();
      }
      Path host = root.hostPath(chain.realPath());
      Object value = Files.getAttribute(host, attribute, LinkOption.NOFOLLOW_LINKS);
      return value instanceof Integer i ? OptionalInt.of(i) : OptionalInt.empty();
    } catch (Exception e) { // IOException, no unix view, InvalidPathException (a NUL in the path)
      return OptionalInt.empty();
    }
  }
}
