package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Provenance;
import java.util.Optional;

/**
 * How a shim or wrapper picked the Go it runs.
 *
 * @param manager who chose: {@code goenv}, {@code asdf}, {@code mise}, {@code snap}, {@code golang.org/dl}, {@code gvm}
 * @param requested what was asked for, as written ({@code 1.22.5}, {@code 1.22}, {@code system}, {@code go1.22.5})
 * @param chosenBy what made the choice, in words ({@code /w/.go-version:1}, {@code GOENV_VERSION environment variable})
 * @param provenance the file and line that made the choice, when a file did
 * @param installDir the directory of the chosen installation (its GOROOT), when known
 * @param installed whether that installation exists
 * @param message what the user sees when it does not ({@code goenv: version '1.22.5' is not installed (set by ...)})
 */
public record VersionSelection(
    String manager,
    String requested,
    String chosenBy,
    Optional<Provenance> provenance,
    Optional<String> installDir,
    boolean installed,
    Optional<String> message) {}
