package dev.goenvdoctor.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the server as its own JVM from the test classpath (the shaded jar exists only after {@code package}):
 * the shipped entry point {@code dev.goenvdoctor.cli.Main}, or {@link TestServerMain} with the tests' rules.
 */
final class ServerProcess {
  private ServerProcess() {}

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** The command line of a server: JVM flags for a fast start, the classpath, the main class and its arguments. */
  static List<String> command(Class<?> main, String... args) {
    List<String> cmd = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", classpath(), main.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  static List<String> shipped(String... args) {
    return command(dev.goenvdoctor.cli.Main.class, args);
  }

  static List<String> withTestRules(LspScenario s, String... extra) {
    List<String> args = new ArrayList<>(List.of("--root", s.rootDir.toString(), "--env", s.envFile().toString()));
    args.addAll(List.of(extra));
    return command(TestServerMain.class, args.toArray(String[]::new));
  }

  static Process start(List<String> command, Path stderr) {
    try {
      return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
