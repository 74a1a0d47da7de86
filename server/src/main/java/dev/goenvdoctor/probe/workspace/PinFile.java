package dev.goenvdoctor.probe.workspace;

import java.util.List;
import java.util.Optional;

/**
 * A version manager's pin file and the Go versions it names, in order: the first is the one used, the
 * rest are fallbacks (asdf and mise try them in order; goenv joins the lines of .go-version). A file that
 * names no Go version has an empty list (asdf and mise then keep looking upward for that tool).
 */
public record PinFile(String path, Kind kind, List<PinnedVersion> versions, List<WorkspaceProblem> problems) {
  /** The file formats read. */
  public enum Kind {
    /** {@code .go-version} (goenv, gvm, mise, asdf with legacy_version_file). */
    GO_VERSION,
    /** {@code .tool-versions} (asdf, mise). */
    TOOL_VERSIONS,
    /** {@code mise.toml} or {@code .mise.toml}. */
    MISE_TOML
  }

  public PinFile {
    versions = List.copyOf(versions);
    problems = List.copyOf(problems);
  }

  /** Returns the version used first, when the file names one. */
  public Optional<PinnedVersion> primary() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
  }

  /** Returns the directory holding the file. */
  public String directory() {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
