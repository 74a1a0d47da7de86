package dev.goenvdoctor.cli;

import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.probe.Executor;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.editor.EnvFile;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.probe.exec.RefusingExecutor;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.snapshot.SnapshotBuilder;
import dev.goenvdoctor.snapshot.SnapshotRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the command line's machine options into a snapshot. */
final class SnapshotFactory {
  private SnapshotFactory() {}

  static Snapshot take(MachineOptions o, PrintWriter err) throws IOException {
    Root root = Root.of(o.root);
    Map<String, String> env = o.envFile == null ? System.getenv() : EnvFile.read(o.envFile);
    LayerSource source = o.envFile == null ? LayerSource.PROCESS : LayerSource.ENV_FILE;
    Executor executor = o.noExec ? new RefusingExecutor() : new ProcessExecutor();
    Snapshot snapshot;
    try (ProgressLine progress = ProgressLine.onTerminal(err, "reading your shell environment…")) {
      snapshot = SnapshotBuilder.withDaemonThreads(executor).build(new SnapshotRequest(root, env, source,
          workspaceFolders(root, o.workspaces), !o.noExec, o.trustWorkspace, Duration.ofSeconds(Math.max(1, o.shellTimeoutSeconds))));
    }
    // Running a binary from the workspace is what --trust-workspace allows; the user must see that it happened.
    snapshot.machine().workspaceGoRan().forEach(go -> err.println("go-env-doctor: ran " + go
        + " (a go the workspace contains or its settings choose) because of --trust-workspace"));
    err.flush();
    return snapshot;
  }

  /**
   * Workspace folders as machine paths. With --root, a folder may be given as the machine sees it
   * ({@code /home/u/proj}) or as a host path inside the root; without --root, as any path.
   */
  static List<String> workspaceFolders(Root root, List<Path> given) {
    List<Path> folders = given.isEmpty() ? List.of(Path.of("").toAbsolutePath()) : given;
    List<String> machinePaths = new ArrayList<>();
    for (Path folder : folders) {
      Path absolute = folder.isAbsolute() ? folder : folder.toAbsolutePath();
      if (root.isSystem()) {
        machinePaths.add(Root.normalize(absolute.toString()));
      } else if (folder.isAbsolute() && !absolute.normalize().startsWith(root.prefix())) {
        machinePaths.add(Root.normalize(folder.toString()));
      } else {
        machinePaths.add(root.machinePath(absolute).orElseThrow(() ->
            new IllegalArgumentException(folder + " is outside the --root directory " + root.prefix())));
      }
    }
    return machinePaths;
  }
}
