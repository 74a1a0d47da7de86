package dev.goenvdoctor.model;

import java.util.List;
import java.util.Optional;

/**
 * The {@code go} a layer runs. {@code command} is what the lookup found (e.g. {@code /usr/bin/go});
 * {@code chain} every symlink hop; {@code realPath} the file that really runs (for a shim or wrapper,
 * the {@code go} of the installation it selects). {@code why} says how the lookup reached it, in words
 * ("first go on PATH, entry 3", "go.alternateTools.go"). {@code selectedBy} is the file and line that
 * chose a version when a version manager decided (e.g. {@code .go-version:1}). {@code basis} says what
 * the version was read from: "build info", "VERSION file", "go env" (or empty when unknown).
 */
public record ResolvedGo(
    String command,
    List<String> chain,
    String realPath,
    String why,
    Optional<String> version,
    String basis,
    Optional<String> goroot,
    String gorootReason,
    Optional<String> arch,
    Optional<Provenance> selectedBy,
    List<String> notes) {

  public ResolvedGo {
    chain = List.copyOf(chain);
    notes = List.copyOf(notes);
  }

  /** A short label for tables: {@code /usr/lib/go-1.18/bin/go (go1.18.1)}. */
  public String label() {
    return realPath + version.map(v -> " (" + v + ")").orElse("");
  }
}
