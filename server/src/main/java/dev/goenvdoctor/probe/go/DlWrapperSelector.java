package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import java.util.Map;
import java.util.Optional;

/**
 * What a golang.org/dl wrapper runs (golang.org/dl internal/version): {@code $HOME/sdk/<name>/bin/go},
 * with {@code GOROOT=$HOME/sdk/<name>} always exported, and only once {@code .unpacked-success}
 * marks a finished download.
 */
final class DlWrapperSelector {
  private DlWrapperSelector() {}

  static Selected select(Root root, Map<String, String> env, String realPath) {
    String name = realPath.substring(realPath.lastIndexOf('/') + 1);
    String chosenBy = "the wrapper's name (" + realPath + ")";
    Optional<String> home = UserDirs.absolute(env.get("HOME"));
    if (home.isEmpty()) {
      return new Selected(new VersionSelection("golang.org/dl", name, chosenBy, Optional.empty(), Optional.empty(), false,
          Optional.of("HOME is not set: the " + name + " wrapper falls back to the user database for its ~/sdk directory")),
          Optional.empty(), Optional.empty(), true, Optional.empty());
    }
    String sdk = Root.join(Root.join(home.get(), "sdk"), name);
    boolean downloaded = root.exists(Root.join(sdk, ".unpacked-success"));
    if (!downloaded) {
      return new Selected(new VersionSelection("golang.org/dl", name, chosenBy, Optional.empty(), Optional.of(sdk), false,
          Optional.of(DlWrapper.notDownloadedMessage(name, sdk))), Optional.empty(), Optional.empty(), true, Optional.empty());
    }
    return new Selected(new VersionSelection("golang.org/dl", name, chosenBy, Optional.empty(), Optional.of(sdk), true,
        Optional.empty()), Optional.of(Root.join(sdk, "bin/go")), Optional.of(sdk), true, Optional.empty());
  }
}
