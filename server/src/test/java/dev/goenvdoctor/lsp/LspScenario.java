package dev.goenvdoctor.lsp;

import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.testing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A scenario machine for the language server: {@link Scenario#ubuntu} (user u, workspace /home/u/proj with a
 * go.mod) under {@code <tmp>/root}, the editor environment that goes with it, and helpers to name its files
 * as the client sees them (host paths and file URIs).
 */
final class LspScenario {
  final Scenario machine;
  final Path rootDir;
  final Map<String, String> env = new LinkedHashMap<>();

  private LspScenario(Path tmp) {
    this.rootDir = tmp.resolve("root");
    this.machine = Scenario.ubuntu(rootDir);
    env.putAll(Map.of("HOME", "/home/u", "USER", "u", "LOGNAME", "u", "SHELL", "/bin/bash", "LANG", "C.UTF-8",
        "PATH", Scenario.DEFAULT_PATH));
  }

  static LspScenario ubuntu(Path tmp) {
    return new LspScenario(tmp);
  }

  /** A scenario whose workspace settings.json sets go.goroot to a directory that does not exist. */
  static LspScenario brokenGoroot(Path tmp) {
    LspScenario s = new LspScenario(tmp);
    s.machine.file("/home/u/proj/.vscode/settings.json", BROKEN_SETTINGS);
    return s;
  }

  static final String BROKEN_SETTINGS = """
      {
        // Go for this project
        "go.goroot": "/usr/local/go1.22",  // copied from another machine
        "editor.tabSize": 4
      }
      """;

  static final String WORKSPACE = "/home/u/proj";
  static final String SETTINGS = WORKSPACE + "/.vscode/settings.json";
  static final String GO_MOD = WORKSPACE + "/go.mod";

  /** The server configuration for this scenario: the test rules, processes counted (none may run here). */
  ServerConfig config() {
    return ServerConfig.of(machine.root(), env, LayerSource.ENV_FILE, List.of(), true).withChecker(TestRules.checker());
  }

  Path host(String machinePath) {
    return machine.host(machinePath);
  }

  String uri(String machinePath) {
    return new UriMapper(machine.root()).uri(machinePath);
  }

  String text(String machinePath) {
    try {
      return Files.readString(host(machinePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the environment as KEY=VALUE lines for a server started with --env. */
  Path envFile() {
    Path file = rootDir.resolveSibling("env");
    try {
      Files.writeString(file, env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("\n", "", "\n")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Every file under the root with its content, to prove the server wrote nothing. */
  Map<String, String> tree() {
    try (Stream<Path> files = Files.walk(rootDir)) {
      Map<String, String> out = new LinkedHashMap<>();
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        out.put(rootDir.relativize(p).toString(), Files.isRegularFile(p) ? Integer.toHexString(
            java.util.Arrays.hashCode(Files.readAllBytes(p))) : "dir");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
