package dev.goenvdoctor.probe.host;

import java.util.List;
import java.util.Optional;

/**
 * The distribution (from os-release: {@code ID}, {@code VERSION_ID}, {@code PRETTY_NAME}, which decide
 * the Go that apt gives), the kernel release, and the host GOARCH in Go's names ({@code amd64},
 * {@code arm64}, ...) with where it came from. {@code problems} says what stayed unknown and why.
 */
public record OsInfo(
    Optional<String> id,
    List<String> idLike,
    Optional<String> versionId,
    Optional<String> versionCodename,
    Optional<String> prettyName,
    Optional<String> osReleaseFile,
    Optional<String> kernelRelease,
    Optional<String> machine,
    Optional<String> goArch,
    String goArchSource,
    List<String> problems) {

  public OsInfo {
    idLike = List.copyOf(idLike);
    problems = List.copyOf(problems);
  }

  /** True for the given os-release {@code ID} and {@code VERSION_ID}, e.g. ("ubuntu", "22.04"). */
  public boolean is(String osId, String version) {
    return id.filter(osId::equals).isPresent() && versionId.filter(version::equals).isPresent();
  }
}
