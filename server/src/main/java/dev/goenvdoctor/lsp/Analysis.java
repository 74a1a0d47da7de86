package dev.goenvdoctor.lsp;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.exec.RefusingExecutor;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.WalkStats;
import dev.goenvdoctor.rules.RuleCatalogue;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.snapshot.SnapshotBuilder;
import dev.goenvdoctor.snapshot.SnapshotRequest;
import dev.goenvdoctor.snapshot.SnapshotReuse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's state and its one analysis thread. The disk snapshot ({@code base}) and the latest analysis are
 * immutable values swapped atomically; rebuilding publishes the static snapshot first (nothing runs), then the
 * refined one once the shells and {@code go env} have run on a separate thread. Rechecks (a keystroke in a
 * settings.json) are coalesced, run no process and publish only diagnostics that match the latest version.
 */
final class Analysis implements AutoCloseable {
  /** What a change invalidates, from the cheapest to everything. */
  enum Change {
    /** A workspace file (go.mod, go.work, a pin, a settings.json): no process result goes stale. */
    WORKSPACE,
    /** A startup file: the shells must run again. */
    STARTUP,
    /** The go env file or a go binary: {@code go env} must run again. */
    GO_ENV,
    /** Trust: what may run changed, so {@code go env} results are not reused. */
    TRUST,
    /** Everything runs again ({@code goEnvDoctor.refresh}). */
    EVERYTHING
  }

  /** What the client decided: the workspace folders (machine paths), its settings, and trust. */
  record Inputs(List<String> folders, ServerSettings settings, boolean trusted) {
    Inputs {
      folders = List.copyOf(folders);
    }
  }

  static final String SHELL_PROGRESS = "Reading your shell environment\u2026";

  private final ServerConfig config;
  private final Session session;
  private final Documents documents;
  private final DiagnosticsPublisher publisher;
  private final Progress progress;
  private final ServerLog log;
  private final Consumer<Snapshot> onSettled;
  private final ExecutorService analysisThread = daemonThreads(1, "go-env-doctor-analysis");
  private final ExecutorService probeThread = daemonThreads(1, "go-env-doctor-probe");
  private final ExecutorService probePool = daemonThreads(3, "go-env-doctor-shell-probe");
  private final SnapshotBuilder staticBuilder = SnapshotBuilder.withDaemonThreads(new RefusingExecutor());
  private final Overlay overlay = new Overlay();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicBoolean recheckPending = new AtomicBoolean();
  private final Set<String> walkLimitsNoted = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final CompletableFuture<Snapshot> firstBase = new CompletableFuture<>();
  private volatile Inputs inputs;
  private volatile Snapshot base;
  private volatile Snapshot settled;
  private volatile Checked latest;
  private volatile CancellableExecutor running;
  private volatile List<String> lastFailures = List.of();
  private volatile boolean closed;

  Analysis(ServerConfig config, Session session, Documents documents, DiagnosticsPublisher publisher, Progress progress,
      ServerLog log, Consumer<Snapshot> onSettled) {
    this.config = config;
    this.session = session;
    this.documents = documents;
    this.publisher = publisher;
    this.progress = progress;
    this.log = log;
    this.onSettled = onSettled;
  }

  void inputs(Inputs newInputs) {
    inputs = newInputs;
  }

  Inputs inputs() {
    return inputs;
  }

  /** Returns the disk snapshot the analyses start from (null before the first build). */
  Snapshot base() {
    return base;
  }

  /**
   * Takes a new snapshot, reusing what {@code changes} left valid: publishes the static findings, then the
   * refined ones. The future completes when this rebuild settled or a newer one replaced it.
   */
  CompletableFuture<Void> rebuild(Set<Change> changes) {
    long gen = generation.incrementAndGet();
    CancellableExecutor previous = running;
    if (previous != null) {
      previous.cancel();
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!submit(() -> buildStatic(gen, changes.isEmpty() ? EnumSet.of(Change.WORKSPACE) : EnumSet.copyOf(changes), done))) {
      done.complete(null);
    }
    return done;
  }

  /** Analyses again (an open settings.json changed, a rule was disabled): no process, no disk walk. */
  void recheck() {
    if (recheckPending.compareAndSet(false, true)) {
      submit(() -> {
        recheckPending.set(false);
        recheckNow();
      });
    }
  }

  /**
   * Returns the latest analysis once the work queued before this call is done. A client that asks before it
   * sent {@code initialized} starts the first build rather than wait for ever.
   */
  CompletableFuture<Checked> latest() {
    if (generation.get() == 0) {
      rebuild(EnumSet.of(Change.EVERYTHING));
    }
    return firstBase.thenApplyAsync(b -> latest, analysisThread);
  }

  /** Stops the running probe (the user cancelled the progress report); the static findings stay. */
  void cancelProbe() {
    CancellableExecutor r = running;
    if (r != null) {
      log.info("shell probe cancelled; keeping the findings read from files");
      r.cancel();
    }
  }

  private void buildStatic(long gen, Set<Change> changes, CompletableFuture<Void> done) {
    if (gen != generation.get() || closed) {
      done.complete(null);
      return;
    }
    Inputs in = inputs;
    SnapshotRequest request = request(in);
    SnapshotReuse reuse = reuse(changes, in);
    boolean refine = request.execAllowed() && config.root().isSystem();
    long start = System.nanoTime();
    Snapshot first = staticBuilder.build(request, refine && !reuse.shellsGiven() ? reuse.withoutShells() : reuse);
    log.debug("static snapshot in " + millis(start) + " ms");
    base = first;
    firstBase.complete(first);
    noteWalkLimits(first);
    recheckNow();
    if (!refine) {
      settle(first);
      done.complete(null);
      return;
    }
    CancellableExecutor exec = new CancellableExecutor(config.executor());
    running = exec;
    Progress.Task task = reuse.shellsGiven() ? message -> { } : progress.begin(session.client(), session.features(),
        "go-env-doctor", SHELL_PROGRESS, this::cancelProbe);
    probeThread.execute(() -> buildRefined(gen, request, reuse, exec, task, done));
  }

  /**
   * A folder whose walk stopped at a limit is said once, not left silent: go.mod files and version pins further
   * down were not checked, so findings about them may be missing.
   */
  private void noteWalkLimits(Snapshot s) {
    for (FolderFacts f : s.workspace().folders()) {
      WalkStats walk = f.walk();
      if (!walk.capHit() || !walkLimitsNoted.add(f.folder())) {
        continue;
      }
      String message = "go-env-doctor read only part of " + f.folder() + ": "
          + (walk.directoryCapHit() ? "it stopped after " + walk.directoriesVisited() + " directories (the limit)" : "")
          + (walk.directoryCapHit() && walk.depthCapHit() ? " and " : "")
          + (walk.depthCapHit() ? "it looked no more than " + walk.limits().maxDepth() + " directories deep" : "")
          + "; go.mod files and version pins further down were not checked. Open the folder you work in to check it whole.";
      log.warn(message);
      LanguageClient client = session.client();
      if (client != null) {
        client.showMessage(new MessageParams(MessageType.Warning, message));
      }
    }
  }

  private void buildRefined(long gen, SnapshotRequest request, SnapshotReuse reuse, CancellableExecutor exec,
      Progress.Task task, CompletableFuture<Void> done) {
    long start = System.nanoTime();
    Snapshot refined = null;
    String failure = null;
    try {
      refined = new SnapshotBuilder(exec, probePool).build(request, reuse);
    } catch (RuntimeException e) {
      failure = e.toString();
    }
    long took = millis(start);
    // A cancel interrupts the threads waiting for a process, this one included: clear it, and leave every
    // message to the client to the analysis thread.
    Thread.interrupted();
    Snapshot result = refined;
    String error = failure;
    boolean queued = submit(() -> {
      boolean current = gen == generation.get() && !exec.isCancelled() && !closed;
      if (error != null) {
        log.error("reading the shell environment failed: " + error);
      } else {
        log.debug("refined snapshot in " + took + " ms" + (current ? "" : " (dropped: cancelled or replaced)"));
      }
      String end = error != null ? "Failed" : current ? "Done" : "Cancelled";
      if (result != null && current) {
        base = result;
        settle(result);
        recheckNow();
        end = doneMessage(result);
      }
      task.end(end);
      done.complete(null);
    });
    if (!queued) {
      done.complete(null);
    }
  }

  /**
   * "Done", or what the user must know about the run: a shell that failed (it hung, exited early, ...) and the
   * static reading used instead, or a workspace's own go that ran because the workspace is trusted. Each is also
   * logged.
   */
  private String doneMessage(Snapshot refined) {
    List<String> notes = new java.util.ArrayList<>();
    refined.shellRuns().stream().filter(r -> !r.ok()).forEach(r -> {
      log.warn(r.message());
      notes.add(r.message() + " The findings use what the startup files say instead.");
    });
    refined.machine().workspaceGoRan().forEach(go -> {
      String note = "Ran the workspace's go " + go + " because the workspace is trusted.";
      log.info(note);
      notes.add(note);
    });
    return notes.isEmpty() ? "Done" : "Done. " + String.join(" ", notes);
  }

  /** Queues work on the analysis thread; false once the server is closed. */
  private boolean submit(Runnable work) {
    try {
      analysisThread.execute(work);
      return true;
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return false;
    }
  }

  private void settle(Snapshot s) {
    settled = s;
    try {
      onSettled.accept(s);
    } catch (RuntimeException e) {
      log.warn("after a rebuild: " + e);
    }
  }

  private void recheckNow() {
    Snapshot b = base;
    if (b == null || closed) {
      return;
    }
    long start = System.nanoTime();
    Map<String, Documents.Open> open = documents.all();
    Snapshot view;
    RuleCatalogue.Result result;
    try {
      // The machine is taken as fixed during one check: a file that changes meanwhile triggers the next one.
      Snapshot[] viewed = new Snapshot[1];
      result = Root.memoizing(() -> {
        viewed[0] = overlay.view(b, open);
        Set<String> disabled = new HashSet<>(inputs.settings().disabledRules());
        disabled.addAll(ServerSettings.disabledIn(viewed[0]));
        return config.checker().check(viewed[0], disabled);
      });
      view = viewed[0];
    } catch (RuntimeException e) {
      log.error("analysis failed, keeping the previous diagnostics: " + e);
      return;
    }
    if (!result.failures().equals(lastFailures)) {
      lastFailures = result.failures();
      result.failures().forEach(log::warn);
    }
    Map<String, Integer> versions = new TreeMap<>();
    open.forEach((path, doc) -> versions.put(path, doc.version()));
    Checked checked = new Checked(view, result.findings(), result.failures(), versions);
    latest = checked;
    long analysed = System.nanoTime();
    publisher.publish(session.client(), checked, documents);
    if (log.debugEnabled()) {
      log.debug(String.format(java.util.Locale.ROOT, "checked %s for versions %s in %.3f ms, sent in %.3f ms",
          count(result.findings()), versions.values(), (analysed - start) / 1e6, (System.nanoTime() - analysed) / 1e6));
    }
  }

  private SnapshotRequest request(Inputs in) {
    boolean exec = config.execAllowed() && in.settings().execEnabled();
    return new SnapshotRequest(config.root(), config.environment(), config.environmentSource(), in.folders(), exec,
        in.trusted(), Duration.ofSeconds(in.settings().shellTimeoutSeconds()));
  }

  private SnapshotReuse reuse(Set<Change> changes, Inputs in) {
    Snapshot previous = settled;
    SnapshotReuse reuse;
    if (previous == null || changes.contains(Change.EVERYTHING)) {
      reuse = SnapshotReuse.none();
    } else {
      boolean shells = !changes.contains(Change.STARTUP);
      boolean goEnv = !changes.contains(Change.GO_ENV) && !changes.contains(Change.TRUST);
      reuse = SnapshotReuse.of(previous, shells, goEnv);
    }
    return in.settings().shellProbeEnabled() ? reuse : reuse.withoutShells();
  }

  private static String count(List<Finding> findings) {
    return findings.size() == 1 ? "1 finding" : findings.size() + " findings";
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static ExecutorService daemonThreads(int n, String name) {
    return Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void close() {
    closed = true;
    CancellableExecutor r = running;
    if (r != null) {
      r.cancel();
    }
    // Never interrupt the analysis thread: it may be writing to the client. Let its current task end.
    analysisThread.shutdown();
    probeThread.shutdownNow();
    probePool.shutdownNow();
    try {
      analysisThread.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
