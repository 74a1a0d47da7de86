package dev.goenvdoctor.bench;

import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.Executor;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.exec.CountingExecutor;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.probe.exec.RefusingExecutor;
import dev.goenvdoctor.probe.go.GoEnvRunner;
import dev.goenvdoctor.snapshot.SnapshotBuilder;
import dev.goenvdoctor.snapshot.SnapshotRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times a snapshot in-process (warm) beside the floors it cannot beat, all in one run on one machine:
 * {@code go env -json NAMES} and {@code $SHELL -i -l -c true}. Prints a Markdown section; bench/run
 * appends it to docs/BENCHMARKS.md.
 */
public final class SnapshotBench {
  private SnapshotBench() {}

  public static void main(String[] args) throws Exception {
    Path scenario = Path.of(args.length > 0 ? args[0] : "server/src/test/testdata/ubuntu-apt-and-tarball-in-bashrc");
    Map<String, String> env = System.getenv();
    String shell = env.getOrDefault("SHELL", "/bin/bash");
    String home = env.getOrDefault("HOME", "/root");
    Path workspace = Files.createTempDirectory("bench-ws");
    Files.writeString(workspace.resolve("go.mod"), "module example.com/bench\n\ngo 1.19\n");
    ProcessExecutor processes = new ProcessExecutor();

    List<String> goEnvCommand = new ArrayList<>(List.of("/usr/bin/go", "env", "-json"));
    goEnvCommand.addAll(GoEnvRunner.DEFAULT_NAMES);
    Stats goEnvFloor = measure(3, 15, () -> run(processes, goEnvCommand, env, "/"));
    Stats shellFloor = measure(3, 15, () -> run(processes, List.of(shell, "-i", "-l", "-c", "true"), env, home));

    Map<String, String> scenarioEnv = dev.goenvdoctor.probe.editor.EnvFile.read(scenario.resolve("env"));
    SnapshotBuilder zeroExecBuilder = SnapshotBuilder.withDaemonThreads(new RefusingExecutor());
    SnapshotRequest zeroExec = new SnapshotRequest(Root.of(scenario.resolve("root")), scenarioEnv, LayerSource.ENV_FILE,
        List.of(Files.readString(scenario.resolve("workspace")).strip()), false, false, Duration.ofSeconds(10));
    Stats noExec = measure(30, 100, () -> zeroExecBuilder.build(zeroExec));

    CountingExecutor counting = new CountingExecutor(processes);
    SnapshotBuilder trustedBuilder = SnapshotBuilder.withDaemonThreads(counting);
    SnapshotRequest trusted = new SnapshotRequest(Root.system(), env, LayerSource.PROCESS, List.of(workspace.toString()),
        true, true, Duration.ofSeconds(10));
    Stats full = measure(3, 15, () -> trustedBuilder.build(trusted));
    int spawnsPerRun = counting.count() / 18;

    double slowestFloor = Math.max(goEnvFloor.median, shellFloor.median);
    StringBuilder md = new StringBuilder();
    md.append("| figure | median | p95 | floor / target |\n|---|---|---|---|\n");
    md.append(row("`go env -json NAMES` (floor)", goEnvFloor, "-"));
    md.append(row("`" + shell + " -i -l -c true` (floor)", shellFloor, "-"));
    md.append(row("report --no-exec, warm, in-process (" + scenario.getFileName() + ")", noExec, "target <= 25 ms"));
    md.append(row("report, trusted, warm, in-process (this machine)", full,
        String.format("%.2f x the slowest floor (target <= 1.2 x)", full.median / slowestFloor)));
    md.append("\nProcess spawns per full trusted report: ").append(spawnsPerRun).append(" (2 shells + 1 per distinct go).\n");
    System.out.print(md);
  }

  private static String row(String name, Stats s, String note) {
    return String.format("| %s | %.1f ms | %.1f ms | %s |%n", name, s.median, s.p95, note);
  }

  private static Object run(Executor executor, List<String> command, Map<String, String> env, String cwd) {
    try {
      return executor.run(new ExecRequest(command, env, cwd, Duration.ofSeconds(20), 1 << 20, false));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  record Stats(double median, double p95) {}

  private static Stats measure(int warmup, int runs, Supplier<Object> work) {
    for (int i = 0; i < warmup; i++) {
      work.get();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.get();
      times.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(times);
    return new Stats(times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1));
  }
}
