package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.layers.VsCodeGoLayers;
import dev.goenvdoctor.layers.VsCodeGoSettings;
import dev.goenvdoctor.layers.VsCodeGoSimulator;
import dev.goenvdoctor.layers.VsCodeSettingsMerger;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.probe.Executor;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoEnvFile;
import dev.goenvdoctor.probe.go.GoEnvResult;
import dev.goenvdoctor.probe.go.GoEnvRunner;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.probe.go.GoSetting;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.go.InstallationFinder;
import dev.goenvdoctor.probe.go.InstallationScan;
import dev.goenvdoctor.probe.host.HostFacts;
import dev.goenvdoctor.probe.host.HostProbe;
import dev.goenvdoctor.probe.shell.EtcEnvironment;
import dev.goenvdoctor.probe.shell.SessionEnvironment;
import dev.goenvdoctor.probe.shell.ShellEnvProbe;
import dev.goenvdoctor.probe.shell.ShellEnvRequest;
import dev.goenvdoctor.probe.shell.ShellEnvResult;
import dev.goenvdoctor.probe.shell.ShellKind;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StaticShellEvaluator;
import dev.goenvdoctor.probe.shell.StaticShellRequest;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.probe.workspace.WorkspaceFacts;
import dev.goenvdoctor.probe.workspace.WorkspaceProbe;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Takes a {@link Snapshot}: starts the two shell probes first (the slowest part, in the background),
 * reads everything that needs no process meanwhile, then builds the layers and resolves the go of
 * each. Runs {@code go env} at most once per distinct go, and only where {@link ExecPolicy} allows.
 */
public final class SnapshotBuilder {
  private static final String TOOL_VERSION = Optional.ofNullable(SnapshotBuilder.class.getPackage().getImplementationVersion()).orElse("dev");

  private final Executor executor;
  private final ExecutorService background;

  /** {@code executor} runs every process; {@code background} (three threads or more) runs the shell probes and go env in parallel. */
  public SnapshotBuilder(Executor executor, ExecutorService background) {
    this.executor = executor;
    this.background = background;
  }

  /** A builder with its own daemon threads: two shells and one go env at once. */
  public static SnapshotBuilder withDaemonThreads(Executor executor) {
    return new SnapshotBuilder(executor, Executors.newFixedThreadPool(3, r -> {
      Thread t = new Thread(r, "go-env-doctor-shell-probe");
      t.setDaemon(true);
      return t;
    }));
  }

  /** Returns the snapshot of {@code request}, running every process the request allows. */
  public Snapshot build(SnapshotRequest request) {
    return build(request, SnapshotReuse.none());
  }

  /**
   * Returns the snapshot of {@code request}, taking from {@code reuse} the shell runs and {@code go env}
   * results that are still valid instead of running them again.
   */
  public Snapshot build(SnapshotRequest request, SnapshotReuse reuse) {
    // A snapshot is one moment of the machine: the probes share what they resolved (the GOROOTs and PATH entries
    // that every layer, the installation scan and the host probe look at again).
    return Root.memoizing(() -> buildNow(request, reuse));
  }

  private Snapshot buildNow(SnapshotRequest request, SnapshotReuse reuse) {
    Map<String, Long> timings = new ConcurrentHashMap<>();
    Root root = request.root();
    Map<String, String> editorEnv = request.editorEnvironment();
    String home = editorEnv.getOrDefault("HOME", "/");
    LoginShell shell = LoginShell.of(root, editorEnv);
    ShellKind kind = ShellKind.fromPath(shell.path());
    ExecPolicy policy = new ExecPolicy(root, request.execAllowed(), request.workspaceTrusted(), request.workspaceFolders());
    List<String> problems = new ArrayList<>();
    String cwd = request.workspaceFolders().isEmpty() ? home : request.workspaceFolders().get(0);

    EtcEnvironment pam = EtcEnvironment.read(root, home);
    Map<String, String> etcValues = new LinkedHashMap<>();
    pam.entries().stream().filter(e -> !e.unset()).forEach(e -> etcValues.put(e.name(), e.value()));
    Map<String, String> sessionBase = SessionEnvironment.from(editorEnv, etcValues);
    Map<ShellMode, CompletableFuture<Optional<ShellEnvResult>>> shellRuns = new LinkedHashMap<>();
    for (ShellMode mode : ShellMode.values()) {
      if (reuse.shellsGiven()) {
        shellRuns.put(mode, CompletableFuture.completedFuture(policy.mayRunUserShell() ? reuse.shellRun(mode) : Optional.empty()));
        continue;
      }
      shellRuns.put(mode, policy.mayRunUserShell() && kind != ShellKind.UNKNOWN
          ? CompletableFuture.supplyAsync(() -> timed(timings, "shell-" + mode.layerId(),
              () -> runShell(new ShellEnvRequest(shell.path(), mode, sessionBase, home, request.shellTimeout()))), background)
          : CompletableFuture.completedFuture(Optional.empty()));
    }

    Map<ShellMode, StaticShellResult> readings = new LinkedHashMap<>();
    for (ShellMode mode : ShellMode.values()) {
      readings.put(mode, timed(timings, "startup-" + mode.layerId(),
          () -> StaticShellEvaluator.evaluate(StaticShellRequest.of(root, kind, mode, sessionBase).withPamEnvironment(pam))));
    }
    WorkspaceFacts workspace = timed(timings, "workspace",
        () -> new WorkspaceProbe(root).probe(request.workspaceFolders(), home, editorEnv));
    GoEnvFile goEnvFile = timed(timings, "go-env-file", () -> GoEnvFile.read(root, editorEnv));

    // The editor layer needs no shell: resolve its go and start its go env while the shells still run.
    ProbeGoLocator locator = new ProbeGoLocator(root);
    GoEnvCache goEnv = new GoEnvCache(new GoEnvRunner(executor), policy, root, reuse.goEnv());
    Layer editorBare = new ShellLayers(root).editorLayer(editorEnv, request.editorSource(),
        List.copyOf(readings.values()), List.of());
    Layer resolvedEditor = editorBare.withGo(locator.lookUp(pathEntries(editorBare), editorBare.environment(), cwd));
    CompletableFuture<Void> editorGoEnv = CompletableFuture.runAsync(
        () -> resolvedEditor.go().ifPresent(g -> goEnv.get(g, resolvedEditor.environment(), false)), background);

    // Everything that depends on the editor layer alone runs now, while the shells may still run.
    Optional<FolderFacts> folder = workspace.folders().stream().findFirst();
    Optional<SettingsFile> userSettings = workspace.userSettings().stream()
        .filter(s -> s.scope() == SettingsFile.Scope.USER).findFirst();
    VsCodeGoSettings settings = VsCodeSettingsMerger.merge(userSettings, folder.flatMap(FolderFacts::folderSettings));
    VsCodeGoLayers vscode = timed(timings, "vscode-go", () -> new VsCodeGoSimulator(root, locator,
        (g, env) -> {
          GoEnvResult result = goEnv.get(g, env, settings.alternateGo().map(s -> s.fromWorkspace()).orElse(false)
              || settings.goroot().map(s -> s.fromWorkspace()).orElse(false));
          return result.succeeded() ? result.values() : StaticGoEnv.of(g);
        })
        .simulate(resolvedEditor, settings, cwd, home));
    List<ToolBinary> tools = ToolFinder.find(root, locator, resolvedEditor, vscode);
    // The shells' PATH entries are predicted from their startup files; the scan runs again below only when a
    // shell really added a directory the files did not show (a PATH built by a program, say).
    // Same order as the layers below: the scan's discovery order follows it.
    Set<String> predictedPath = new LinkedHashSet<>(pathEntries(resolvedEditor));
    readings.values().forEach(r -> predictedPath.addAll(splitPath(r.pathValue())));
    predictedPath.addAll(pathEntries(vscode.vscodeGo()));
    predictedPath.addAll(pathEntries(vscode.gopls()));
    InstallationScan predicted = timed(timings, "installations",
        () -> new InstallationFinder(root).find(editorEnv, List.copyOf(predictedPath)));
    editorGoEnv.join();
    HostFacts host = timed(timings, "host", () -> HostProbe.probe(root, editorEnv, home, goDirs(root, resolvedEditor, goEnv, goEnvFile)));

    List<Layer> layers = new ArrayList<>();
    layers.add(resolvedEditor);
    List<ShellEnvResult> ran = new ArrayList<>();
    for (ShellMode mode : ShellMode.values()) {
      Optional<ShellEnvResult> result = shellRuns.get(mode).join();
      result.ifPresent(ran::add);
      LayerId id = mode == ShellMode.LOGIN ? LayerId.LOGIN : LayerId.TERMINAL;
      Layer layer = new ShellLayers(root).shellLayer(id, readings.get(mode), result, sessionBase);
      layers.add(layer.withGo(locator.lookUp(pathEntries(layer), layer.environment(), cwd)));
    }
    layers.add(vscode.vscodeGo());
    layers.add(vscode.gopls());
    layers.replaceAll(l -> l.go().flatMap(goEnv::trustNote).map(note -> withNote(l, note)).orElse(l));

    Set<String> allPathEntries = new LinkedHashSet<>();
    layers.forEach(l -> allPathEntries.addAll(pathEntries(l)));
    InstallationScan installations = List.copyOf(predictedPath).equals(List.copyOf(allPathEntries)) ? predicted
        : timed(timings, "installations-again", () -> new InstallationFinder(root).find(editorEnv, List.copyOf(allPathEntries)));

    return new Snapshot(Snapshot.SCHEMA_VERSION, TOOL_VERSION, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        new MachineFacts(root.prefix().toString(), editorEnv.getOrDefault("USER", ""), home, shell.path(), shell.from(),
            request.workspaceFolders(), request.editorSource().description(), policy.mayRunUserShell(), policy.trusted(),
            goEnv.ranByTrust()),
        layers, tools, installations, workspace, List.copyOf(readings.values()), ran, goEnvFile, goEnv.results(),
        host, problems, timings);
  }

  private Optional<ShellEnvResult> runShell(ShellEnvRequest request) {
    try {
      return Optional.of(new ShellEnvProbe(executor).probe(request));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Layer withNote(Layer layer, String note) {
    List<String> notes = new ArrayList<>(layer.notes());
    notes.add(note);
    return new Layer(layer.id(), layer.source(), layer.environment(), layer.path(), layer.origins(), layer.go(), notes);
  }

  private static List<String> splitPath(String path) {
    return path.isEmpty() ? List.of() : List.of(path.split(":", -1));
  }

  static List<String> pathEntries(Layer layer) {
    return layer.path().stream().map(e -> e.dir()).toList();
  }

  /**
   * The directories HostProbe checks: GOPATH, GOMODCACHE, GOCACHE, GOTMPDIR, TMPDIR as the editor's go
   * sees them: what go env reported, else the environment, the user env file and GOROOT/go.env in the
   * go command's own order, else the go command's defaults.
   */
  private static Map<String, String> goDirs(Root root, Layer editor, GoEnvCache goEnv, GoEnvFile goEnvFile) {
    Map<String, String> reported = editor.go().map(goEnv::known).map(GoEnvResult::values).orElse(Map.of());
    Optional<GoRoot> goroot = editor.go().flatMap(ResolvedGo::goroot).map(g -> GoRoot.inspect(root, g));
    java.util.function.Function<String, Optional<String>> value = name -> Optional.ofNullable(reported.get(name))
        .filter(v -> !v.isBlank())
        .or(() -> Optional.of(GoSetting.lookup(name, editor.environment(), goEnvFile, goroot).value()).filter(v -> !v.isBlank()));
    Map<String, String> dirs = new LinkedHashMap<>();
    String home = editor.environment().getOrDefault("HOME", "");
    String gopath = value.apply("GOPATH").orElse(home.isEmpty() ? "" : home + "/go");
    dirs.put("GOPATH", gopath);
    String firstGopath = gopath.split(":", -1)[0];
    dirs.put("GOMODCACHE", value.apply("GOMODCACHE").orElse(firstGopath.isEmpty() ? "" : firstGopath + "/pkg/mod"));
    dirs.put("GOCACHE", value.apply("GOCACHE").orElse(
        editor.environment().getOrDefault("XDG_CACHE_HOME", home + "/.cache") + "/go-build"));
    value.apply("GOTMPDIR").ifPresent(v -> dirs.put("GOTMPDIR", v));
    value.apply("TMPDIR").ifPresent(v -> dirs.put("TMPDIR", v));
    dirs.values().removeIf(String::isEmpty);
    return dirs;
  }

  private static <T> T timed(Map<String, Long> timings, String what, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      timings.put(what, (System.nanoTime() - start) / 1_000_000);
    }
  }

}
