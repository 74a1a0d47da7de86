package dev.goenvdoctor.lsp;

import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.editor.EnvFile;
import java.nio.file.Path;
import java.util.List;

/**
 * The language server with the tests' own rules, as a process: what the real-client tests (Node, Neovim,
 * Emacs) start, so their flows do not depend on which catalogue rules exist yet. It goes through the same
 * launcher as {@code go-env-doctor serve --stdio}. Arguments: {@code --root DIR --env FILE [--stray-print]}.
 */
public final class TestServerMain {
  private TestServerMain() {}

  public static void main(String[] args) throws Exception {
    Path root = null;
    Path env = null;
    boolean strayPrint = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]);
        case "--env" -> env = Path.of(args[++i]);
        case "--stray-print" -> strayPrint = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Checker rules = TestRules.checker();
    // A rule with a debugging print left in: the stdout guard must keep it out of the JSON-RPC stream.
    Checker checker = strayPrint ? (snapshot, disabled) -> {
      System.out.println("a stray print from a rule");
      System.out.print("Content-Length: 3\r\n\r\n{}}");
      return rules.check(snapshot, disabled);
    } : rules;
    ServerConfig config = ServerConfig.of(Root.of(root), EnvFile.read(env), LayerSource.ENV_FILE, List.of(), true)
        .withChecker(checker);
    System.exit(ServerLauncher.runOnStdio(config));
  }
}
