package dev.goenvdoctor.probe.host;

import java.util.Optional;

/**
 * Where a path lives: the path as given, its real path after following symlinks inside the root (for a
 * path that does not exist yet, its existing part resolved plus the rest), and the mount under it.
 * {@code problem} is empty when the mount is known, else says why not.
 */
public record PathMount(String path, String realPath, Optional<Mount> mount, String problem) {

  /** YES when binaries there cannot run (noexec), UNKNOWN when the mount is unknown. */
  public Tristate noexec() {
    return mount.map(m -> Tristate.of(m.noexec())).orElse(Tristate.UNKNOWN);
  }

  /** YES when the mount is read-only, UNKNOWN when the mount is unknown. */
  public Tristate readOnly() {
    return mount.map(m -> Tristate.of(m.readOnly())).orElse(Tristate.UNKNOWN);
  }

  /** YES when the mount ignores set-user-id bits, UNKNOWN when the mount is unknown. */
  public Tristate nosuid() {
    return mount.map(m -> Tristate.of(m.nosuid())).orElse(Tristate.UNKNOWN);
  }
}
