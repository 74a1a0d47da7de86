package dev.goenvdoctor.intellij;

import com.intellij.execution.configurations.GeneralCommandLine;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.server.CannotStartProcessException;
import com.redhat.devtools.lsp4ij.server.OSProcessStreamConnectionProvider;
import dev.goenvdoctor.intellij.core.ServerCommandLine;
import dev.goenvdoctor.intellij.core.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Starts the server: {@code java} from the IDE's own {@code java.home} running the jar in the plugin's
 * {@code lib/server/} (see {@link ServerCommandLine}), working directory the plugin's (never the project,
 * whose files the server only reads), and {@code initializationOptions} with the project's trust.
 *
 * <p>Signatures read from LSP4IJ 0.20.1: {@code server/OSProcessStreamConnectionProvider.java}
 * ({@code setCommandLine(GeneralCommandLine)}, {@code start() throws CannotStartProcessException}),
 * {@code server/StreamConnectionProvider.java} ({@code Object getInitializationOptions(VirtualFile rootUri)}),
 * {@code server/CannotStartProcessException.java} ({@code (String message)}); IntelliJ's
 * {@code GeneralCommandLine(List<String>)}, {@code withWorkDirectory(File)}, {@code setCharset(Charset)} as LSP4IJ
 * 0.20.1's {@code installation/definition/tasks/ExecTask.java} calls them against 2024.2.
 */
public final class GoEnvDoctorConnectionProvider extends OSProcessStreamConnectionProvider {
  private final Project project;

  /** Returns a provider for the project's server; the command line is built when the server starts. */
  public GoEnvDoctorConnectionProvider(Project project) {
    this.project = project;
  }

  @Override
  public void start() throws CannotStartProcessException {
    Path pluginDir;
    java.util.List<String> arguments;
    try {
      pluginDir = GoEnvDoctorPlugin.installDirectory();
      arguments = ServerCommandLine.arguments(Path.of(System.getProperty("java.home")), pluginDir);
    } catch (IllegalStateException e) {
      throw new CannotStartProcessException(e.getMessage());
    }
    GeneralCommandLine commandLine = new GeneralCommandLine(arguments).withWorkDirectory(pluginDir.toFile());
    commandLine.setCharset(StandardCharsets.UTF_8);
    setCommandLine(commandLine);
    super.start();
  }

  @Override
  public Object getInitializationOptions(VirtualFile rootUri) {
    return ServerSettings.initializationOptions(GoEnvDoctorPlugin.trusted(project));
  }
}
