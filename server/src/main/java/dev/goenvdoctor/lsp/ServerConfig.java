package dev.goenvdoctor.lsp;

import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.probe.Executor;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How a language server reads its machine and what it may run, fixed at launch (the client's settings come
 * later, over the protocol).
 *
 * @param root the machine's files ({@code /}, or a scenario directory with {@code --root})
 * @param environment the editor's environment (the server's own, or an {@code --env} file)
 * @param environmentSource where {@code environment} came from
 * @param workspaceFolders machine paths used when the client names no workspace folder
 * @param execAllowed false with {@code --no-exec}: nothing ever runs, whatever the client says
 * @param trustedByDefault the trust used when the client does not say ({@code --trust-workspace})
 * @param shellTimeoutSeconds the shell probe's timeout when the client does not set one
 * @param checker the rules
 * @param executor runs every process of the probes (shells, {@code go env})
 * @param clientProcessId the editor's process id from the command line, watched like {@code initialize}'s
 */
public record ServerConfig(
    Root root,
    Map<String, String> environment,
    LayerSource environmentSource,
    List<String> workspaceFolders,
    boolean execAllowed,
    boolean trustedByDefault,
    int shellTimeoutSeconds,
    Checker checker,
    Executor executor,
    OptionalLong clientProcessId) {

  public ServerConfig {
    environment = Map.copyOf(environment);
    workspaceFolders = List.copyOf(workspaceFolders);
  }

  /** Returns the configuration of the shipped server: every rule, real processes, a 10 s shell timeout. */
  public static ServerConfig of(Root root, Map<String, String> environment, LayerSource environmentSource,
      List<String> workspaceFolders, boolean execAllowed) {
    return new ServerConfig(root, environment, environmentSource, workspaceFolders, execAllowed, false, 10,
        Checker.catalogue(), new ProcessExecutor(), OptionalLong.empty());
  }

  /** Returns this configuration with other rules. */
  public ServerConfig withChecker(Checker other) {
    return new ServerConfig(root, environment, environmentSource, workspaceFolders, execAllowed, trustedByDefault,
        shellTimeoutSeconds, other, executor, clientProcessId);
  }

  /** Returns this configuration with another process runner (tests count or slow down processes with it). */
  public ServerConfig withExecutor(Executor other) {
    return new ServerConfig(root, environment, environmentSource, workspaceFolders, execAllowed, trustedByDefault,
        shellTimeoutSeconds, checker, other, clientProcessId);
  }

  /** Returns this configuration with the trust and shell timeout used until the client says otherwise. */
  public ServerConfig withDefaults(boolean trusted, int shellTimeout) {
    return new ServerConfig(root, environment, environmentSource, workspaceFolders, execAllowed, trusted,
        shellTimeout, checker, executor, clientProcessId);
  }

  /** Returns this configuration watching the editor process {@code pid}. */
  public ServerConfig withClientProcessId(long pid) {
    return new ServerConfig(root, environment, environmentSource, workspaceFolders, execAllowed, trustedByDefault,
        shellTimeoutSeconds, checker, executor, OptionalLong.of(pid));
  }
}
