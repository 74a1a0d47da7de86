package dev.goenvdoctor.bench;

import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.editor.EnvFile;
import dev.goenvdoctor.probe.exec.CountingExecutor;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.probe.exec.RefusingExecutor;
import dev.goenvdoctor.rules.RuleCatalogue;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.snapshot.SnapshotBuilder;
import dev.goenvdoctor.snapshot.SnapshotRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A whole diagnosis in-process (snapshot and every rule), warm: what {@code check} does after start-up and what
 * the server does on a refresh. Processes go through a {@link CountingExecutor}, so each run also says how many
 * processes it started.
 */
final class DiagnosisBench {
  private DiagnosisBench() {}

  /** A timing and the processes of the last timed run: shells, {@code go env} runs, and distinct go binaries. */
  record Result(Samples time, int shells, int goRuns, Set<String> distinctGo, int spawnsPerRun) {}

  /** Full diagnosis of {@code user}, exec allowed, with the given trust (the shells and go really run). */
  static Prepared real(StandardHome user, boolean trusted) {
    SnapshotRequest request = new SnapshotRequest(Root.system(), user.environment(), LayerSource.PROCESS,
        user.workspaceFolders(), true, trusted, Duration.ofSeconds(10));
    return new Prepared(new CountingExecutor(new ProcessExecutor()), request, user.shell());
  }

  /** As VS Code's Restricted Mode runs it: the client turns exec off in an untrusted folder. */
  static Prepared restricted(StandardHome user) {
    SnapshotRequest request = new SnapshotRequest(Root.system(), user.environment(), LayerSource.PROCESS,
        user.workspaceFolders(), false, false, Duration.ofSeconds(10));
    return new Prepared(new CountingExecutor(new ProcessExecutor()), request, user.shell());
  }

  /** Zero-exec diagnosis of a scenario directory ({@code root/}, {@code env}, {@code workspace}). */
  static Prepared zeroExec(Path scenario) throws IOException {
    SnapshotRequest request = new SnapshotRequest(Root.of(scenario.resolve("root")), EnvFile.read(scenario.resolve("env")),
        LayerSource.ENV_FILE, List.of(Files.readString(scenario.resolve("workspace")).strip()), false, false,
        Duration.ofSeconds(10));
    return new Prepared(new CountingExecutor(new RefusingExecutor()), request, "/bin/bash");
  }

  /** One diagnosis, ready to run: the caller times {@link #once}, then asks {@link #result} what a run spawns. */
  static final class Prepared {
    private final CountingExecutor counting;
    private final SnapshotRequest request;
    private final String shell;
    private final SnapshotBuilder builder;
    private Snapshot last;

    Prepared(CountingExecutor counting, SnapshotRequest request, String shell) {
      this.counting = counting;
      this.request = request;
      this.shell = shell;
      this.builder = SnapshotBuilder.withDaemonThreads(counting);
    }

    /** One diagnosis: the snapshot, then every rule. */
    Object once() {
      last = builder.build(request);
      return RuleCatalogue.check(last, Set.of());
    }

    /** Where the last snapshot spent its time, by part, as the snapshot records it. */
    Map<String, Long> lastTimings() {
      return last == null ? Map.of() : new TreeMap<>(last.timingsMillis());
    }

    /** Every rule on the last snapshot, without taking it again: the rules' share of a diagnosis. */
    Samples rulesOnly(int runs) {
      Snapshot s = last != null ? last : builder.build(request);
      return Samples.measure(runs / 2, runs, () -> RuleCatalogue.check(s, Set.of()));
    }

    Samples measure(int warmup, int runs) {
      return Samples.measure(warmup, runs, this::once);
    }

    /** {@code time} with what one more run spawns. */
    Result result(Samples time) {
      int before = counting.count();
      Snapshot snapshot = builder.build(request);
      List<ExecRequest> spawned = counting.requests().subList(before, counting.count());
      int shells = (int) spawned.stream().filter(r -> r.command().get(0).equals(shell)).count();
      Set<String> distinctGo = new TreeSet<>();
      snapshot.layers().forEach(l -> l.go().map(ResolvedGo::realPath).ifPresent(distinctGo::add));
      return new Result(time, shells, spawned.size() - shells, distinctGo, spawned.size());
    }
  }
}
