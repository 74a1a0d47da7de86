package dev.goenvdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The serve command line read without picocli means exactly what picocli reads, or is left to picocli. */
class ServeArgumentsTest {
  /** Pieces of serve command lines an editor may send: each is split at spaces into arguments. */
  private static final List<String> UNITS = List.of("--stdio", "--no-exec", "--trust-workspace", "--root /machine",
      "--root=/r", "--env e.env", "--env=", "--env=e.env", "--workspace proj", "--workspace=/home/u/proj", "--workspace==x",
      "--shell-timeout 5", "--shell-timeout=30", "--shell-timeout 0", "--clientProcessId 4242", "--clientProcessId=99999999999");
  /** Arguments that are odd on their own or in the wrong place. */
  private static final List<String> ODD = List.of("--root", "--env", "--workspace", "--shell-timeout", "--clientProcessId",
      "--shell-timeout=07", "-1", "+3", "2147483648", "999999999", "-h", "--help", "-V", "--version", "@args", "--", "--unknown",
      "check", "--root=", "--stdio=true", "proj");

  /** What a parsed serve command will do, as text. */
  private static String describe(ServeCommand c) {
    MachineOptions m = c.machine;
    return "stdio=" + c.stdio.length + " pid=" + c.clientProcessId + " root=" + m.root + " env=" + m.envFile + " workspaces="
        + m.workspaces + " noExec=" + m.noExec + " trust=" + m.trustWorkspace + " timeout=" + m.shellTimeoutSeconds;
  }

  /** picocli's reading of {@code args}, or empty when it rejects them or runs something other than serve. */
  private static Optional<String> picocli(String[] args) {
    try {
      CommandLine.ParseResult parsed = new CommandLine(Main.class).parseArgs(args);
      if (!parsed.hasSubcommand() || parsed.subcommand().isUsageHelpRequested() || parsed.subcommand().isVersionHelpRequested()) {
        return Optional.empty();
      }
      return parsed.subcommand().commandSpec().userObject() instanceof ServeCommand s ? Optional.of(describe(s)) : Optional.empty();
    } catch (CommandLine.ParameterException e) {
      return Optional.empty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "serve --stdio",
      "serve --stdio --stdio",
      "serve",
      "serve --stdio --clientProcessId 4242",
      "serve --clientProcessId=4242 --stdio",
      "serve --root /tmp/scenario/root --env /tmp/scenario/env --workspace /home/u/proj --stdio",
      "serve --stdio --workspace /a --workspace=/b --no-exec --trust-workspace --shell-timeout 30",
      "serve --env= --stdio",
  })
  void editorCommandLinesAreReadWithoutPicocliAndMeanTheSame(String line) {
    String[] args = line.split(" ");
    Optional<ServeCommand> fast = ServeArguments.parse(args);
    assertTrue(fast.isPresent(), "read without picocli: " + line);
    assertEquals(picocli(args), Optional.of(describe(fast.get())), line);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "serve --help", "serve -h", "serve --version", "serve --stdio --no-exec --no-exec", "serve --root", "serve --root --stdio",
      "serve --shell-timeout 010", "serve --shell-timeout +3", "serve --shell-timeout -1", "serve --shell-timeout 2147483648",
      "serve --clientProcessId x", "serve @args", "serve --stdio=true", "serve --unknown", "serve -- --stdio", "report --no-exec",
      "serve --root /a --root /b",
  })
  void everythingElseIsLeftToPicocli(String line) {
    assertEquals(Optional.empty(), ServeArguments.parse(line.split(" ")), line);
  }

  @Test
  void aPlainServeCommandLineStillServesThroughMain() {
    // Main reads "--stdio" alone as "serve --stdio"; an unreadable --env file is reported as picocli would.
    CliRun run = CliRun.run("--stdio", "--env", "/nonexistent/go-env-doctor-test.env");
    assertEquals(Main.EXIT_ERROR, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("go-env-doctor: internal error: "), run.err());
    assertEquals("", run.out());
  }

  @Property(tries = 1000)
  void whenBothReadACommandLineTheyAgree(@ForAll("commandLines") List<String> pieces) {
    String[] args = ("serve " + String.join(" ", pieces)).strip().split(" ");
    Optional<ServeCommand> fast = ServeArguments.parse(args);
    if (fast.isPresent()) {
      assertEquals(picocli(args), Optional.of(describe(fast.get())), String.join(" ", args));
    }
  }

  @Provide
  Arbitrary<List<String>> commandLines() {
    return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(UNITS)), Tuple.of(1, Arbitraries.of(ODD))).list().ofMaxSize(6);
  }
}
