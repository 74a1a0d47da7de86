package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import dev.goenvdoctor.text.LineIndex;

/**
 * An in-process LSP client over pipes, written with lsp4j like a small editor: it records what the server
 * publishes, answers the server's requests, keeps open documents with versions, and applies workspace edits to
 * the files the way an editor applies them and saves (rejecting a stale versioned edit).
 */
final class TestClient implements LanguageClient, AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  final GoEnvDoctorServer server;
  final CompletableFuture<Integer> exit = new CompletableFuture<>();
  final List<MessageParams> logs = new CopyOnWriteArrayList<>();
  final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
  final List<String> progressCreated = new CopyOnWriteArrayList<>();
  final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
  final List<UnregistrationParams> unregistrations = new CopyOnWriteArrayList<>();
  final AtomicInteger configurationRequests = new AtomicInteger();
  volatile JsonElement configuration;
  private final List<PublishDiagnosticsParams> published = new ArrayList<>();
  private final Map<String, Integer> versions = new ConcurrentHashMap<>();
  private final Map<String, String> texts = new ConcurrentHashMap<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-client");
    t.setDaemon(true);
    return t;
  });
  private final Pipe.SinkChannel toServer;

  private TestClient(ServerConfig config) throws IOException {
    Pipe clientToServer = Pipe.open();
    Pipe serverToClient = Pipe.open();
    toServer = clientToServer.sink();
    Thread serverThread = new Thread(() -> {
      try {
        exit.complete(ServerLauncher.run(Channels.newInputStream(clientToServer.source()),
            Channels.newOutputStream(serverToClient.sink()), config));
      } catch (Throwable t) {
        exit.completeExceptionally(t);
      }
    }, "test-server");
    serverThread.setDaemon(true);
    serverThread.start();
    Launcher<GoEnvDoctorServer> launcher = new LSPLauncher.Builder<GoEnvDoctorServer>()
        .setLocalService(this).setRemoteInterface(GoEnvDoctorServer.class)
        .setInput(Channels.newInputStream(serverToClient.source())).setOutput(Channels.newOutputStream(toServer))
        .setExecutorService(threads).create();
    server = launcher.getRemoteProxy();
    launcher.startListening();
  }

  static TestClient start(ServerConfig config) {
    try {
      return new TestClient(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Capabilities of a client like VS Code: versioned document changes, file creation, progress, pull configuration. */
  static ClientCapabilities vscodeLike() {
    WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
    ws.setConfiguration(true);
    ws.setApplyEdit(true);
    WorkspaceEditCapabilities edit = new WorkspaceEditCapabilities();
    edit.setDocumentChanges(true);
    edit.setResourceOperations(List.of(ResourceOperationKind.Create));
    ws.setWorkspaceEdit(edit);
    DidChangeWatchedFilesCapabilities watch = new DidChangeWatchedFilesCapabilities(true);
    watch.setRelativePatternSupport(true);
    ws.setDidChangeWatchedFiles(watch);
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    PublishDiagnosticsCapabilities diagnostics = new PublishDiagnosticsCapabilities(true);
    diagnostics.setVersionSupport(true);
    diagnostics.setCodeDescriptionSupport(true);
    diagnostics.setDataSupport(true);
    text.setPublishDiagnostics(diagnostics);
    ClientCapabilities c = new ClientCapabilities(ws, text, null);
    c.setWindow(window);
    return c;
  }

  /** A client that supports nothing optional: plain {@code changes}, no creation, no progress, push configuration. */
  static ClientCapabilities minimal() {
    return new ClientCapabilities();
  }

  InitializeResult initialize(ClientCapabilities capabilities, Object initializationOptions, String... folderUris) {
    InitializeParams p = new InitializeParams();
    p.setCapabilities(capabilities);
    p.setInitializationOptions(initializationOptions);
    List<WorkspaceFolder> folders = new ArrayList<>();
    for (String uri : folderUris) {
      folders.add(new WorkspaceFolder(uri, uri.substring(uri.lastIndexOf('/') + 1)));
    }
    p.setWorkspaceFolders(folders);
    return join(server.initialize(p));
  }

  void initialized() {
    server.initialized(new InitializedParams());
  }

  void open(String uri, String languageId) {
    String text = read(uri);
    texts.put(uri, text);
    versions.put(uri, 1);
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
  }

  /** Replaces an open document's text (the editor's buffer, not the file); returns the new version. */
  int change(String uri, String text) {
    int version = versions.merge(uri, 1, Integer::sum);
    texts.put(uri, text);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    return version;
  }

  void configurationChanged(Object settings) {
    server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(settings));
  }

  Object command(String command) {
    return join(server.getWorkspaceService().executeCommand(new org.eclipse.lsp4j.ExecuteCommandParams(command, List.of())));
  }

  /** Waits for the end of the {@code n}th progress report (1-based) and returns its message. */
  String awaitProgressEnd(int n) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<org.eclipse.lsp4j.WorkDoneProgressEnd> ends = progress.stream()
          .filter(p -> p.getValue().isLeft() && p.getValue().getLeft() instanceof org.eclipse.lsp4j.WorkDoneProgressEnd)
          .map(p -> (org.eclipse.lsp4j.WorkDoneProgressEnd) p.getValue().getLeft()).toList();
      if (ends.size() >= n) {
        return ends.get(n - 1).getMessage();
      }
      sleep(10);
    }
    return fail("no end of progress report " + n + "; got " + progress);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  int version(String uri) {
    return versions.getOrDefault(uri, 0);
  }

  String buffer(String uri) {
    return texts.get(uri);
  }

  /** Tells the server that files changed on disk (what a file watcher reports). */
  void filesChanged(String... uris) {
    List<FileEvent> events = new ArrayList<>();
    for (String uri : uris) {
      events.add(new FileEvent(uri, Files.exists(path(uri)) ? FileChangeType.Changed : FileChangeType.Deleted));
    }
    server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(events));
  }

  List<Either<org.eclipse.lsp4j.Command, CodeAction>> codeActions(String uri, Range range, List<Diagnostic> diagnostics, List<String> only) {
    CodeActionContext context = new CodeActionContext(diagnostics);
    context.setOnly(only);
    return join(server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range, context)));
  }

  /** The code actions of the first diagnostic of {@code uri}, as an editor asks for them under the cursor. */
  List<CodeAction> actionsFor(String uri, Diagnostic d) {
    return codeActions(uri, d.getRange(), List.of(d), null).stream().map(Either::getRight).toList();
  }

  /** The diagnostics last published for {@code uri} once they match {@code condition}; fails after {@link #WAIT}. */
  PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (published) {
      while (true) {
        Optional<PublishDiagnosticsParams> last = latest(uri);
        if (last.isPresent() && condition.test(last.get())) {
          return last.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("no diagnostics for " + uri + " matched within " + WAIT + "; last: " + last.orElse(null));
        }
        try {
          published.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** Waits until at least {@code n} publishes arrived. */
  void awaitPublishCount(int n) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (published) {
      while (published.size() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("fewer than " + n + " publishes within " + WAIT);
        }
        try {
          published.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  PublishDiagnosticsParams awaitSlugs(String uri, String... slugs) {
    return awaitDiagnostics(uri, p -> slugs(p).equals(List.of(slugs)));
  }

  static List<String> slugs(PublishDiagnosticsParams p) {
    return p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).sorted().toList();
  }

  Optional<PublishDiagnosticsParams> latest(String uri) {
    synchronized (published) {
      for (int i = published.size() - 1; i >= 0; i--) {
        if (published.get(i).getUri().equals(uri)) {
          return Optional.of(published.get(i));
        }
      }
      return Optional.empty();
    }
  }

  List<PublishDiagnosticsParams> allPublished() {
    synchronized (published) {
      return List.copyOf(published);
    }
  }

  /**
   * Applies a workspace edit as an editor would, then saves: creates files, checks the version of versioned
   * edits against the open buffer (a stale edit is rejected: IllegalStateException), and tells the server
   * (didChange for open buffers, didSave and a watched-file event for every file).
   */
  void apply(WorkspaceEdit edit) {
    List<String> touched = new ArrayList<>();
    if (edit.getDocumentChanges() != null) {
      for (Either<TextDocumentEdit, ResourceOperation> change : edit.getDocumentChanges()) {
        if (change.isRight()) {
          CreateFile create = (CreateFile) change.getRight();
          Path p = path(create.getUri());
          if (Files.exists(p)) {
            throw new IllegalStateException("CreateFile of an existing file " + p);
          }
          write(p, "");
          touched.add(create.getUri());
        } else {
          TextDocumentEdit e = change.getLeft();
          String uri = e.getTextDocument().getUri();
          Integer v = e.getTextDocument().getVersion();
          if (v != null && texts.containsKey(uri) && !v.equals(versions.get(uri))) {
            throw new IllegalStateException("stale edit for " + uri + ": version " + v + ", buffer at " + versions.get(uri));
          }
          applyTo(uri, e.getEdits());
          touched.add(uri);
        }
      }
    } else if (edit.getChanges() != null) {
      edit.getChanges().forEach((uri, edits) -> {
        applyTo(uri, edits);
        touched.add(uri);
      });
    }
    for (String uri : touched.stream().distinct().toList()) {
      if (texts.containsKey(uri)) {
        change(uri, read(uri));
        server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri)));
      }
    }
    filesChanged(touched.stream().distinct().toArray(String[]::new));
  }

  private void applyTo(String uri, List<TextEdit> edits) {
    String text = texts.containsKey(uri) ? texts.get(uri) : Files.exists(path(uri)) ? read(uri) : "";
    LineIndex lines = LineIndex.of(text);
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort((a, b) -> compare(b.getRange().getStart(), a.getRange().getStart()));
    StringBuilder out = new StringBuilder(text);
    for (TextEdit e : sorted) {
      int start = lines.offsetOf(e.getRange().getStart().getLine(), e.getRange().getStart().getCharacter());
      int end = lines.offsetOf(e.getRange().getEnd().getLine(), e.getRange().getEnd().getCharacter());
      out.replace(start, end, e.getNewText());
    }
    write(path(uri), out.toString());
  }

  private static int compare(Position a, Position b) {
    return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine()) : Integer.compare(a.getCharacter(), b.getCharacter());
  }

  static Path path(String uri) {
    return Path.of(URI.create(uri));
  }

  private static String read(String uri) {
    try {
      return Files.readString(path(uri));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path p, String text) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Shuts the server down properly and returns its exit code. */
  int shutdownAndExit() {
    join(server.shutdown());
    server.exit();
    return join(exit);
  }

  @Override
  public void close() {
    try {
      toServer.close();
    } catch (IOException e) {
      // already closed
    }
    if (!exit.isDone()) {
      try {
        exit.get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the assertion that matters is in the test
      }
    }
    threads.shutdownNow();
  }

  void closeInput() throws IOException {
    toServer.close();
  }

  // ---- LanguageClient: what the server sends ----

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams params) {
    synchronized (published) {
      published.add(params);
      published.notifyAll();
    }
  }

  @Override
  public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
    configurationRequests.incrementAndGet();
    List<Object> answer = new ArrayList<>();
    params.getItems().forEach(i -> answer.add(configuration));
    return CompletableFuture.completedFuture(answer);
  }

  @Override
  public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
    progressCreated.add(params.getToken().getLeft());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void notifyProgress(ProgressParams params) {
    progress.add(params);
  }

  @Override
  public CompletableFuture<Void> registerCapability(RegistrationParams params) {
    registrations.add(params);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
    unregistrations.add(params);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
    apply(params.getEdit());
    return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(true));
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams messageParams) {
    logs.add(messageParams);
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams message) {
    logs.add(message);
  }

  static void assertVersionsNeverGoBack(List<PublishDiagnosticsParams> all, String uri) {
    int last = -1;
    for (PublishDiagnosticsParams p : all) {
      if (p.getUri().equals(uri) && p.getVersion() != null) {
        if (p.getVersion() < last) {
          assertEquals(last, p.getVersion(), "diagnostics of an older version published after a newer one");
        }
        last = p.getVersion();
      }
    }
  }
}
