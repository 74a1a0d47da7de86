package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.SymlinkChain;
import java.util.List;
import java.util.Optional;

/**
 * One Go installation found on the machine.
 *
 * @param goroot the GOROOT as first found (machine path, may contain symlinks)
 * @param realPath the same directory with every symlink resolved; installations are unique by it
 * @param seenAs every way we reached it ({@code /usr/lib/go}, {@code PATH entry /usr/bin}, ...)
 * @param goBinary how {@code <goroot>/bin/go} resolves
 * @param version the version from the {@code VERSION} file, when there is one
 * @param versionFrom the file and line that version was read from
 * @param kind how it was installed
 * @param evidence why we think so ({@code /var/lib/dpkg/info/golang-1.19-go.list:7 lists ...})
 * @param problems what is wrong with it (missing VERSION, unfinished download, stale snap revision, ...)
 * @param root the full inspection of the directory
 */
public record GoInstallation(
    String goroot,
    String realPath,
    List<String> seenAs,
    SymlinkChain goBinary,
    Optional<String> version,
    Optional<Provenance> versionFrom,
    InstallKind kind,
    List<String> evidence,
    List<String> problems,
    GoRoot root) {

  public GoInstallation {
    seenAs = List.copyOf(seenAs);
    evidence = List.copyOf(evidence);
    problems = List.copyOf(problems);
  }

  /** True when the directory is a usable Go root ({@code bin/go} plus {@code pkg/tool} or {@code src/runtime}). */
  public boolean isGoRoot() {
    return root.isGoRoot();
  }
}
