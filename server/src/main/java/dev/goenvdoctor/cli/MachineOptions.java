package dev.goenvdoctor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The hermetic inputs every command that reads the machine shares (a picocli mixin). */
final class MachineOptions {
  @Option(names = "--root", paramLabel = "DIR", description = "Read the machine from DIR instead of / (a scenario directory).")
  Path root = Path.of("/");

  @Option(names = "--env", paramLabel = "FILE",
      description = "The editor's environment: KEY=VALUE lines or NUL-separated records (env -0, /proc/PID/environ). Default: this process's environment.")
  Path envFile;

  @Option(names = "--workspace", paramLabel = "DIR", description = "A workspace folder (repeatable). Default: the current directory.")
  List<Path> workspaces = new ArrayList<>();

  @Option(names = "--no-exec", description = "Run nothing: no shell, no go; read files only.")
  boolean noExec;

  @Option(names = "--trust-workspace",
      description = "Allow running binaries that the workspace contains or names (go.alternateTools, go.goroot, a PATH inside it). Off by default: a workspace is untrusted input.")
  boolean trustWorkspace;

  @Option(names = "--shell-timeout", paramLabel = "SECONDS", description = "Time the user's shell may take to start (default: ${DEFAULT-VALUE}).")
  int shellTimeoutSeconds = 10;
}
