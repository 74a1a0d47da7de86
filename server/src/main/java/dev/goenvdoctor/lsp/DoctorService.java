package dev.goenvdoctor.lsp;

import com.google.gson.JsonElement;
import dev.goenvdoctor.report.FindingsJson;
import dev.goenvdoctor.report.JsonReport;
import dev.goenvdoctor.snapshot.Snapshot;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The service facade behind the thin protocol classes: each LSP message is one method here, which checks the
 * life cycle and hands the work to the collaborator that owns it (documents, settings, analysis, code actions).
 */
final class DoctorService implements AutoCloseable {
  private final ServerConfig config;
  private final ServerLog log;
  private final Lifecycle lifecycle;
  private final Session session = new Session();
  private final ClientSettings settings;
  private final Documents documents = new Documents();
  private final UriMapper uris;
  private final FindingConverter converter;
  private final CodeActions codeActions;
  private final Progress progress;
  private final FileWatching watching;
  private final Analysis analysis;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  /** The latest pull of the client's settings: a command that follows a change waits for it. */
  private volatile CompletableFuture<Void> settingsPulled = CompletableFuture.completedFuture(null);

  DoctorService(ServerConfig config, PrintStream err) {
    this.config = config;
    this.log = new ServerLog(err);
    this.lifecycle = new Lifecycle(log);
    this.settings = new ClientSettings(config, session, log);
    this.uris = new UriMapper(config.root());
    this.converter = new FindingConverter(uris, RuleLinks.forThisDistribution(log));
    this.codeActions = new CodeActions(converter);
    this.progress = new Progress(log);
    this.watching = new FileWatching(uris, config.root(), log);
    this.analysis = new Analysis(config, session, documents, new DiagnosticsPublisher(converter, uris, config.root(), log),
        progress, log, snapshot -> watching.update(session.client(), session.features(), snapshot));
    analysis.inputs(new Analysis.Inputs(config.workspaceFolders(), ServerSettings.defaults(config.shellTimeoutSeconds()),
        config.trustedByDefault()));
    config.clientProcessId().ifPresent(pid -> ParentWatcher.watch(pid, () -> exitCode.complete(1), log));
  }

  /** Completes with the process exit code: 0 after shutdown and exit, 1 when the server ends otherwise. */
  CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  void connect(LanguageClient client) {
    session.connect(client);
    log.connect(client);
  }

  CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (!lifecycle.start()) {
      return Lifecycle.failed(ResponseErrorCode.InvalidRequest, "initialize: the server is already initialized");
    }
    session.features(ClientFeatures.of(params.getCapabilities()));
    settings.initializationOptions(params.getInitializationOptions());
    List<String> folders = workspaceFolders(params);
    ServerSettings initial = settings.current();
    analysis.inputs(new Analysis.Inputs(folders.isEmpty() ? config.workspaceFolders() : folders, initial, settings.trusted(initial)));
    Optional.ofNullable(params.getProcessId()).ifPresent(pid -> ParentWatcher.watch(pid, () -> exitCode.complete(1), log));
    log.info("go-env-doctor language server for " + analysis.inputs().folders() + (analysis.inputs().trusted() ? " (trusted)" : ""));
    return CompletableFuture.completedFuture(Capabilities.result());
  }

  void initialized() {
    lifecycle.notification("initialized", () -> settings.pull().thenRun(() -> {
      applySettings();
      analysis.rebuild(EnumSet.of(Analysis.Change.EVERYTHING));
    }));
  }

  CompletableFuture<Object> shutdown() {
    if (lifecycle.state() == Lifecycle.State.NEW) {
      return Lifecycle.failed(ResponseErrorCode.ServerNotInitialized, "shutdown: the server is not initialized yet");
    }
    if (!lifecycle.shutDown()) {
      return Lifecycle.failed(ResponseErrorCode.InvalidRequest, "shutdown: the server is not running");
    }
    analysis.close();
    return CompletableFuture.completedFuture(null);
  }

  void exit() {
    exitCode.complete(exitCodeWithoutExit());
  }

  /** 0 when the client shut the server down properly, else 1 (the protocol's exit codes). */
  int exitCodeWithoutExit() {
    return lifecycle.wasShutDown() ? 0 : 1;
  }

  void cancelProgress(WorkDoneProgressCancelParams params) {
    lifecycle.notification("window/workDoneProgress/cancel", () -> progress.cancel(params));
  }

  void didOpen(DidOpenTextDocumentParams params) {
    lifecycle.notification("textDocument/didOpen", () -> uris.machinePath(params.getTextDocument().getUri()).ifPresent(path -> {
      documents.open(params.getTextDocument().getUri(), path, params.getTextDocument().getVersion(),
          Objects.requireNonNullElse(params.getTextDocument().getText(), ""));
      analysis.recheck();
    }));
  }

  void didChange(DidChangeTextDocumentParams params) {
    lifecycle.notification("textDocument/didChange", () -> uris.machinePath(params.getTextDocument().getUri()).ifPresent(path -> {
      Integer version = params.getTextDocument().getVersion();
      documents.change(path, version == null ? 0 : version, params.getContentChanges());
      Snapshot base = analysis.base();
      if (base != null && Overlay.isSettings(base, path)) {
        analysis.recheck();
      }
    }));
  }

  void didClose(DidCloseTextDocumentParams params) {
    lifecycle.notification("textDocument/didClose", () -> uris.machinePath(params.getTextDocument().getUri()).ifPresent(path -> {
      documents.close(path);
      analysis.recheck();
    }));
  }

  void didSave(DidSaveTextDocumentParams params) {
    lifecycle.notification("textDocument/didSave", () -> uris.machinePath(params.getTextDocument().getUri()).ifPresent(path -> {
      Snapshot base = analysis.base();
      if (base != null && FileWatching.isWatched(path, base)) {
        analysis.rebuild(FileWatching.classify(Set.of(path), base));
      }
    }));
  }

  CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return lifecycle.request("textDocument/codeAction", () -> {
      Optional<String> path = uris.machinePath(params.getTextDocument().getUri());
      if (path.isEmpty()) {
        return CompletableFuture.completedFuture(List.of());
      }
      List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
      return analysis.latest().thenApply(checked -> checked == null ? List.of()
          : codeActions.actions(path.get(), params.getRange(), params.getContext() == null ? List.of() : params.getContext().getDiagnostics(),
              only, checked, new WorkspaceEdits(uris, documents, checked.versions(), session.features())));
    });
  }

  void didChangeConfiguration(DidChangeConfigurationParams params) {
    lifecycle.notification("workspace/didChangeConfiguration", () -> {
      if (session.features().configuration()) {
        // The payload may be empty (eglot always sends one): the client's answer to the pull is what counts.
        settingsPulled = settings.pull().thenRun(this::settingsChanged);
      } else {
        settings.pushed(params.getSettings());
        settingsChanged();
      }
    });
  }

  void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    lifecycle.notification("workspace/didChangeWatchedFiles", () -> {
      Set<String> paths = new LinkedHashSet<>();
      for (FileEvent e : params.getChanges() == null ? List.<FileEvent>of() : params.getChanges()) {
        uris.machinePath(e.getUri()).ifPresent(paths::add);
      }
      Snapshot base = analysis.base();
      if (!paths.isEmpty() && base != null) {
        Set<Analysis.Change> changes = FileWatching.classify(paths, base);
        log.debug("files changed: " + paths + " -> " + changes);
        analysis.rebuild(changes);
      }
    });
  }

  void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    lifecycle.notification("workspace/didChangeWorkspaceFolders", () -> {
      List<String> folders = new ArrayList<>(analysis.inputs().folders());
      if (params.getEvent() != null) {
        folders.removeAll(machinePaths(params.getEvent().getRemoved()));
        machinePaths(params.getEvent().getAdded()).stream().filter(f -> !folders.contains(f)).forEach(folders::add);
      }
      Analysis.Inputs in = analysis.inputs();
      analysis.inputs(new Analysis.Inputs(folders, in.settings(), in.trusted()));
      analysis.rebuild(EnumSet.of(Analysis.Change.WORKSPACE));
    });
  }

  CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    return lifecycle.request("workspace/executeCommand", () -> switch (Objects.requireNonNullElse(params.getCommand(), "")) {
      case Commands.REFRESH -> settingsPulled.thenCompose(v -> analysis.rebuild(EnumSet.of(Analysis.Change.EVERYTHING)))
          .thenApply(v -> null);
      case Commands.REPORT -> report().thenApply(r -> r);
      default -> Lifecycle.failed(ResponseErrorCode.InvalidParams, "unknown command " + params.getCommand()
          + "; this server knows " + String.join(", ", Commands.ALL));
    });
  }

  /**
   * The report JSON of the latest analysis plus its {@code findings} (the shape of {@code check --format json})
   * and rule {@code failures}: a client lists every finding from it, also those with no file to show them on.
   */
  CompletableFuture<JsonElement> report() {
    return lifecycle.request(Commands.REPORT_REQUEST, () -> analysis.latest().thenApply(checked -> {
      JsonElement tree = JsonReport.toTree(checked != null ? checked.view() : analysis.base());
      if (tree.isJsonObject()) {
        tree.getAsJsonObject().add("findings", FindingsJson.toTree(checked != null ? checked.findings() : List.of()));
        tree.getAsJsonObject().add("failures", new com.google.gson.Gson().toJsonTree(checked != null ? checked.failures() : List.of()));
      }
      return tree;
    }));
  }

  /** Applies new settings: a rebuild when what may run changed, else only a recheck. */
  private void settingsChanged() {
    Analysis.Inputs before = analysis.inputs();
    ServerSettings now = applySettings();
    ServerSettings was = before.settings();
    Set<Analysis.Change> changes = EnumSet.noneOf(Analysis.Change.class);
    if (was.execEnabled() != now.execEnabled()) {
      changes.add(Analysis.Change.EVERYTHING);
    }
    if (was.shellProbeEnabled() != now.shellProbeEnabled() || was.shellTimeoutSeconds() != now.shellTimeoutSeconds()) {
      changes.add(Analysis.Change.STARTUP);
    }
    if (before.trusted() != analysis.inputs().trusted()) {
      changes.add(Analysis.Change.TRUST);
    }
    if (changes.isEmpty()) {
      analysis.recheck();
    } else {
      analysis.rebuild(changes);
    }
  }

  private ServerSettings applySettings() {
    ServerSettings s = settings.current();
    log.level(s.logLevel());
    s.problems().forEach(log::warn);
    Analysis.Inputs in = analysis.inputs();
    analysis.inputs(new Analysis.Inputs(in.folders(), s, settings.trusted(s)));
    return s;
  }

  @SuppressWarnings("deprecation") // rootUri: superseded by workspaceFolders, but clients without folders still send only it
  private List<String> workspaceFolders(InitializeParams params) {
    List<String> folders = machinePaths(params.getWorkspaceFolders());
    if (folders.isEmpty() && params.getRootUri() != null) {
      uris.machinePath(params.getRootUri()).ifPresent(folders::add);
    }
    return folders;
  }

  private List<String> machinePaths(List<WorkspaceFolder> given) {
    List<String> out = new ArrayList<>();
    for (WorkspaceFolder f : given == null ? List.<WorkspaceFolder>of() : given) {
      Optional<String> p = f == null ? Optional.empty() : uris.machinePath(f.getUri());
      p.filter(x -> !out.contains(x)).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public void close() {
    analysis.close();
  }
}
