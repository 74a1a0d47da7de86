package dev.goenvdoctor.lsp;

import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.StartupFile;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RelativePattern;
import org.eclipse.lsp4j.Unregistration;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Which files the server asks the client to watch, and what a change to each invalidates. Workspace files
 * (go.mod, go.work, version pins, settings.json) by glob; the user's startup files, /etc/environment, the go env
 * file, the user settings and the go binaries the layers run by their own path, outside the workspace too. The
 * registration is renewed when that set changes.
 */
final class FileWatching {
  static final String METHOD = "workspace/didChangeWatchedFiles";
  static final List<String> WORKSPACE_NAMES = List.of("go.mod", "go.work", ".go-version", ".tool-versions", "mise.toml",
      ".mise.toml");

  private final UriMapper uris;
  private final Root root;
  private final ServerLog log;
  private final AtomicReference<List<String>> registered = new AtomicReference<>(List.of());
  private final AtomicReference<String> registrationId = new AtomicReference<>();
  private final AtomicInteger next = new AtomicInteger();

  FileWatching(UriMapper uris, Root root, ServerLog log) {
    this.uris = uris;
    this.root = root;
    this.log = log;
  }

  /** Registers (again) the watchers for {@code snapshot} when the client accepts dynamic registration. */
  void update(LanguageClient client, ClientFeatures features, Snapshot snapshot) {
    if (client == null || !features.watchedFiles()) {
      return;
    }
    List<String> files = List.copyOf(machineFiles(snapshot));
    if (files.equals(registered.get())) {
      return;
    }
    registered.set(files);
    List<FileSystemWatcher> watchers = new ArrayList<>();
    for (String name : WORKSPACE_NAMES) {
      watchers.add(new FileSystemWatcher(Either.forLeft("**/" + name)));
    }
    watchers.add(new FileSystemWatcher(Either.forLeft("**/.vscode/settings.json")));
    for (String file : files) {
      String host = root.hostPath(file).toString();
      if (features.relativePatterns()) {
        String parent = Root.parent(file);
        RelativePattern pattern = new RelativePattern(Either.forRight(uris.uri(parent)), host.substring(host.lastIndexOf('/') + 1));
        watchers.add(new FileSystemWatcher(Either.forRight(pattern)));
      } else if (!host.matches(".*[*?\\[\\]{}].*")) {
        watchers.add(new FileSystemWatcher(Either.forLeft(host)));
      }
    }
    String id = "go-env-doctor/watch/" + next.incrementAndGet();
    String old = registrationId.getAndSet(id);
    if (old != null) {
      client.unregisterCapability(new UnregistrationParams(List.of(new Unregistration(old, METHOD))))
          .exceptionally(e -> logged("unregistering file watchers", e));
    }
    client.registerCapability(new RegistrationParams(List.of(new Registration(id, METHOD,
        new DidChangeWatchedFilesRegistrationOptions(watchers))))).exceptionally(e -> logged("registering file watchers", e));
  }

  /** Returns true when a change to {@code path} matters (a saved file the watchers would report). */
  static boolean isWatched(String path, Snapshot snapshot) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return WORKSPACE_NAMES.contains(name) || path.endsWith("/.vscode/settings.json") || machineFiles(snapshot).contains(path);
  }

  /** What changes to these machine paths invalidate. */
  static Set<Analysis.Change> classify(Set<String> paths, Snapshot snapshot) {
    Set<Analysis.Change> changes = EnumSet.noneOf(Analysis.Change.class);
    Set<String> startup = startupFiles(snapshot);
    Set<String> goFiles = goFiles(snapshot);
    for (String path : paths) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (startup.contains(path)) {
        changes.add(Analysis.Change.STARTUP);
      } else if (goFiles.contains(path)) {
        changes.add(Analysis.Change.GO_ENV);
      } else if (WORKSPACE_NAMES.contains(name) || path.endsWith("/.vscode/settings.json") || userSettings(snapshot).contains(path)) {
        changes.add(Analysis.Change.WORKSPACE);
      } else {
        changes.add(Analysis.Change.EVERYTHING);
      }
    }
    return changes;
  }

  /** The machine paths of every file outside the workspace globs whose change matters. */
  static Set<String> machineFiles(Snapshot snapshot) {
    Set<String> files = new LinkedHashSet<>(startupFiles(snapshot));
    files.addAll(goFiles(snapshot));
    files.addAll(userSettings(snapshot));
    return files;
  }

  private static Set<String> startupFiles(Snapshot snapshot) {
    Set<String> files = new LinkedHashSet<>();
    snapshot.startup().forEach(r -> r.files().stream().map(StartupFile::path).forEach(files::add));
    files.add("/etc/environment");
    return files;
  }

  private static Set<String> goFiles(Snapshot snapshot) {
    Set<String> files = new LinkedHashSet<>();
    snapshot.goEnvFile().path().filter(p -> p.startsWith("/")).ifPresent(files::add);
    for (Layer layer : snapshot.layers()) {
      layer.go().map(ResolvedGo::realPath).filter(p -> p.startsWith("/")).ifPresent(files::add);
    }
    return files;
  }

  private static Set<String> userSettings(Snapshot snapshot) {
    Set<String> files = new LinkedHashSet<>();
    snapshot.workspace().userSettings().stream().map(SettingsFile::path).forEach(files::add);
    return files;
  }

  private Void logged(String what, Throwable e) {
    log.debug(what + " failed: " + e);
    return null;
  }
}
