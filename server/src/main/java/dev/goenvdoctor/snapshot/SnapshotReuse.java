package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.probe.go.GoEnvResult;
import dev.goenvdoctor.probe.shell.ShellEnvResult;
import dev.goenvdoctor.probe.shell.ShellMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a new snapshot may take from an earlier one instead of starting the process again: the shell runs
 * (when the startup files did not change) and the {@code go env} results (when the go binaries and the
 * go env file did not change). A long-running server uses it so a go.mod edit re-runs no shell.
 *
 * @param shellRuns the shell runs to use as they are; present and empty means "run no shell" (the layers then
 *     come from the startup files); absent means "run the shells if allowed"
 * @param goEnv {@code go env} results by the go's real path; a result is reused only where running that go would
 *     be allowed now, and only when it succeeded
 */
public record SnapshotReuse(Optional<List<ShellEnvResult>> shellRuns, Map<String, GoEnvResult> goEnv) {
  public SnapshotReuse {
    shellRuns = shellRuns.map(List::copyOf);
    goEnv = Map.copyOf(goEnv);
  }

  /** Returns a reuse that reuses nothing: every allowed process runs. */
  public static SnapshotReuse none() {
    return new SnapshotReuse(Optional.empty(), Map.of());
  }

  /** Returns a reuse taking the shell runs and/or the {@code go env} results of {@code previous}. */
  public static SnapshotReuse of(Snapshot previous, boolean shellRuns, boolean goEnv) {
    return new SnapshotReuse(shellRuns ? Optional.of(previous.shellRuns()) : Optional.empty(),
        goEnv ? previous.goEnv() : Map.of());
  }

  /** Returns this reuse with no shell run at all (the shell probe is turned off). */
  public SnapshotReuse withoutShells() {
    return new SnapshotReuse(Optional.of(List.of()), goEnv);
  }

  /** Returns true when the shells will not run because their results are given (possibly none). */
  public boolean shellsGiven() {
    return shellRuns.isPresent();
  }

  Optional<ShellEnvResult> shellRun(ShellMode mode) {
    return shellRuns.orElse(List.of()).stream().filter(r -> r.mode() == mode).findFirst();
  }
}
