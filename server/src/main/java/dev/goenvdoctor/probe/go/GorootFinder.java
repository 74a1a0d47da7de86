package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import java.util.Optional;

/**
 * The GOROOT a go binary derives from its own location when neither {@code $GOROOT} nor the user
 * env file sets one (cmd/go/internal/cfg {@code findGOROOT}): {@code <exe>/../..}, then
 * {@code <exe>/../../..} (for {@code bin/<goos>_<goarch>/go}), whichever holds a {@code pkg/tool}
 * directory; cmd/go tries the executable path as given and then with symlinks resolved. On Linux
 * {@code os.Executable} reads {@code /proc/self/exe}, which the kernel has already resolved, so both
 * tries see the real path: a {@code go} symlink placed in another tree never makes that tree the
 * GOROOT (checked with the real Go 1.19 binary, see GorootFinderTest).
 */
final class GorootFinder {
  private GorootFinder() {}

  /** The GOROOT for the binary at {@code realExecutable} (symlinks already resolved), if its tree has one. */
  static Optional<String> fromExecutable(Root root, String realExecutable) {
    String up2 = Root.parent(Root.parent(realExecutable));
    if (root.isDirectory(Root.join(up2, "pkg/tool"))) {
      return Optional.of(up2);
    }
    String up3 = Root.parent(up2);
    if (!up3.equals(up2) && root.isDirectory(Root.join(up3, "pkg/tool"))) {
      return Optional.of(up3);
    }
    return Optional.empty();
  }
}
