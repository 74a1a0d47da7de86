package dev.goenvdoctor.bench;

import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.Executor;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.probe.go.GoEnvRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What a diagnosis cannot beat on this machine, for one user: each process it runs, alone and all together
 * (as the trusted diagnosis starts them), through the same executor the probes use.
 */
final class Floors {
  static final String GO = "/usr/bin/go";
  static final String INTERACTIVE = "interactive shell";
  static final String LOGIN = "login shell";
  static final String GO_ENV = "go env";
  static final String PARALLEL = "parallel";

  /** The floors of one user: {@code interactiveShell} is the slowest single probe, usually. */
  record Result(Samples interactiveShell, Samples loginShell, Samples goEnv, Samples parallel) {
    double slowestSingle() {
      return Math.max(interactiveShell.median(), Math.max(loginShell.median(), goEnv.median()));
    }
  }

  private final Executor processes = new ProcessExecutor();
  private final ExecutorService threads = Executors.newFixedThreadPool(3, r -> {
    Thread t = new Thread(r, "bench-floor");
    t.setDaemon(true);
    return t;
  });

  /** The floors of {@code user}, by name ({@link #INTERACTIVE}, {@link #LOGIN}, {@link #GO_ENV}, {@link #PARALLEL}). */
  Map<String, Callable<?>> work(StandardHome user) {
    List<String> interactive = List.of(user.shell(), "-i", "-l", "-c", "true");
    List<String> login = List.of(user.shell(), "-l", "-c", "true");
    List<String> goEnv = new ArrayList<>(List.of(GO, "env", "-json"));
    goEnv.addAll(GoEnvRunner.DEFAULT_NAMES);
    String home = user.home().toString();
    Map<String, Callable<?>> work = new LinkedHashMap<>();
    work.put(INTERACTIVE, () -> run(interactive, user, home));
    work.put(LOGIN, () -> run(login, user, home));
    work.put(GO_ENV, () -> run(goEnv, user, user.workspace().toString()));
    work.put(PARALLEL, () -> CompletableFuture.allOf(
        CompletableFuture.runAsync(() -> run(interactive, user, home), threads),
        CompletableFuture.runAsync(() -> run(login, user, home), threads),
        CompletableFuture.runAsync(() -> run(goEnv, user, user.workspace().toString()), threads)).join());
    return work;
  }

  static Result result(Map<String, Samples> timings) {
    return new Result(timings.get(INTERACTIVE), timings.get(LOGIN), timings.get(GO_ENV), timings.get(PARALLEL));
  }

  private ExecResult run(List<String> command, StandardHome user, String cwd) {
    try {
      ExecResult r = processes.run(new ExecRequest(command, user.environment(), cwd, Duration.ofSeconds(20), 1 << 20, false));
      if (!r.succeeded()) {
        throw new IllegalStateException(String.join(" ", command) + " failed: exit " + r.exitCode() + " " + r.stderr()
            + r.startError().orElse(""));
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
