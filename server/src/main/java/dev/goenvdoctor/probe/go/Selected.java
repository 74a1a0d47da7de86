package dev.goenvdoctor.probe.go;

import java.util.List;
import java.util.Optional;

/**
 * What a shim or wrapper will do: the version it picked, the binary it will exec, the GOROOT it
 * exports, and, for {@code system}, the shim directory to leave out of a second PATH search.
 *
 * @param exportOverrides true when the export replaces a GOROOT the user set (goenv, golang.org/dl,
 *     mise); false when it only fills an unset one (asdf-golang)
 */
record Selected(
    VersionSelection selection,
    Optional<String> executable,
    Optional<String> gorootExport,
    boolean exportOverrides,
    Optional<String> systemSkipDir) {

  static Selected system(VersionSelection selection, String shimDir) {
    return new Selected(selection, Optional.empty(), Optional.empty(), false, Optional.of(shimDir));
  }
}
