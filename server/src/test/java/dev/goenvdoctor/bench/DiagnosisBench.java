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
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole diagnosis in-process (snapshot and every rule), warm: what {@code check} does after start-up and what
 * the server does on a refresh. Processes go through a {@link CountingExecutor}, so each run also says how many
 * processes it started.
 */
final class DiagnosisBench {
  /** A timing and the processes of the last timed run: shells, {@code go env} runs, and distinct go binaries. */
  record Result(Samples time, int shells, int goRuns, Set<String> distinctGo, int spawnsPerRun) {}

  /** Full diagnosis of {@code user}, exec allowed, with the given trust (the shells and go really run). */
  Result real(StandardHome user, boolean trusted, int warmup, int runs) {
    SnapshotRequest request = new SnapshotRequest(Root.system(), user.environment(), LayerSource.PROCESS,
        user.workspaceFolders(), true, trusted, Duration.ofSeconds(10));
    return measure(new CountingExecutor(new ProcessExecutor()), request, user.shell(), warmup, runs);
  }

  /** As VS Code's Restricted Mode runs it: the client turns exec off in an untrusted folder. */
  Result restricted(StandardHome user, int warmup, int runs) {
    SnapshotRequest request = new SnapshotRequest(Root.system(), user.environment(), LayerSource.PROCESS,
        user.workspaceFolders(), false, false, Duration.ofSeconds(10));
    return measure(new CountingExecutor(new ProcessExecutor()), request, user.shell(), warmup, runs);
  }

  /** Zero-exec diagnosis of a scenario directory ({@code root/}, {@code env}, {@code workspace}). */
  Result zeroExec(Path scenario, int warmup, int runs) throws IOException {
    SnapshotRequest request = new SnapshotRequest(Root.of(scenario.resolve("root")), EnvFile.read(scenario.resolve("env")),
        LayerSource.ENV_FILE, List.of(Files.readString(scenario.resolve("workspace")).strip()), false, false,
        Duration.ofSeconds(10));
    return measure(new CountingExecutor(new RefusingExecutor()), request, "/bin/bash", warmup, runs);
  }

  private static Result measure(CountingExecutor counting, SnapshotRequest request, String shell, int warmup, int runs) {
    SnapshotBuilder builder = SnapshotBuilder.withDaemonThreads(counting);
    Snapshot[] last = new Snapshot[1];
    Samples time = Samples.measure(warmup, runs, () -> {
      last[0] = builder.build(request);
      return RuleCatalogue.check(last[0], Set.of());
    });
    int before = counting.count();
    Snapshot once = builder.build(request);
    List<ExecRequest> spawned = counting.requests().subList(before, counting.count());
    int shells = (int) spawned.stream().filter(r -> r.command().get(0).equals(shell)).count();
    Set<String> goRun = new TreeSet<>();
    spawned.stream().filter(r -> !r.command().get(0).equals(shell)).forEach(r -> goRun.add(r.command().get(0)));
    Set<String> distinctGo = new TreeSet<>();
    once.layers().forEach(l -> l.go().map(ResolvedGo::realPath).ifPresent(distinctGo::add));
    return new Result(time, shells, spawned.size() - shells, distinctGo, spawned.size());
  }
}
