package dev.goenvdoctor.probe.host;

import java.util.List;
import java.util.Optional;

/**
 * A temp dir the go command may build in: {@code GOTMPDIR} if set, else {@code TMPDIR} (os.TempDir),
 * else {@code /tmp} ({@code variable} empty). {@code usedByGo} marks the one it would pick;
 * {@code exists} is false when it is not an existing directory (then creating the work dir fails). When that
 * one is on a noexec mount, {@code go run} and {@code go test} fail with
 * {@code fork/exec /tmp/go-build.../exe/main: permission denied} (golang/go#52941).
 */
public record BuildTempDir(
    Optional<String> variable, String path, boolean exists, boolean usedByGo, PathMount mount, List<String> problems) {
  public BuildTempDir {
    problems = List.copyOf(problems);
  }

  /** YES when binaries built there cannot be executed. */
  public Tristate noexec() {
    return mount.noexec();
  }
}
