package dev.goenvdoctor.cli;

import dev.goenvdoctor.lsp.ServerConfig;
import dev.goenvdoctor.lsp.ServerLauncher;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.editor.EnvFile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve --stdio}: the language server, on stdin and stdout. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the language server (LSP over stdin/stdout): diagnostics on settings.json, go.mod, version pins and "
        + "startup files, with quick fixes. Any editor with an LSP client can start it.")
final class ServeCommand implements Callable<Integer> {
  // Repeatable: some clients append --stdio to the arguments they were given.
  @Option(names = "--stdio", description = "Talk JSON-RPC on stdin/stdout (the only transport, and the default).")
  boolean[] stdio = new boolean[0];

  @Option(names = "--clientProcessId", paramLabel = "PID", description = "The editor's process id: exit when it dies (as initialize's processId).")
  Long clientProcessId;

  @Mixin MachineOptions machine;

  @Override
  public Integer call() throws Exception {
    Root root = Root.of(machine.root);
    Map<String, String> env = machine.envFile == null ? System.getenv() : EnvFile.read(machine.envFile);
    LayerSource source = machine.envFile == null ? LayerSource.PROCESS : LayerSource.ENV_FILE;
    List<String> folders = machine.workspaces.isEmpty() ? List.of() : SnapshotFactory.workspaceFolders(root, machine.workspaces);
    ServerConfig config = ServerConfig.of(root, env, source, folders, !machine.noExec)
        .withDefaults(machine.trustWorkspace, Math.max(1, Math.min(60, machine.shellTimeoutSeconds)));
    if (clientProcessId != null) {
      config = config.withClientProcessId(clientProcessId);
    }
    return ServerLauncher.runOnStdio(config);
  }
}
