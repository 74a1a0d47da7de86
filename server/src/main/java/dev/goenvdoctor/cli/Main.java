package dev.goenvdoctor.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point. {@code main} only exits with what {@link #run} returns, so the real entry is testable. */
@Command(name = "go-env-doctor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Explains why the editor, the terminal and gopls run different Go toolchains.",
    subcommands = {ReportCommand.class, CheckCommand.class, ExplainCommand.class, ServeCommand.class})
public final class Main {
  /** Exit codes: 0 nothing at or above the threshold, 1 findings, 2 usage or internal error. */
  static final int EXIT_OK = 0;
  static final int EXIT_FINDINGS = 1;
  static final int EXIT_ERROR = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    String[] command = args;
    if (args.length > 0 && args[0].equals("--stdio")) {
      // Many LSP clients start a server as "<command> --stdio": that means "serve --stdio".
      command = new String[args.length + 1];
      command[0] = "serve";
      System.arraycopy(args, 0, command, 1, args.length);
    }
    // An editor's plain "serve --stdio ..." skips building picocli's model of every command (see ServeArguments).
    Optional<ServeCommand> serve = ServeArguments.parse(command);
    if (serve.isEmpty()) {
      return runCommandLine(out, err, command);
    }
    try {
      return serve.get().call();
    } catch (Exception e) {
      // As picocli's execution exception handler below says it.
      new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true).println("go-env-doctor: internal error: " + e);
      return EXIT_ERROR;
    }
  }

  private static int runCommandLine(PrintStream out, PrintStream err, String[] command) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setExitCodeExceptionMapper(e -> EXIT_ERROR);
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("go-env-doctor: " + e.getMessage());
      e.getCommandLine().usage(e.getCommandLine().getErr());
      return EXIT_ERROR;
    });
    cli.setExecutionExceptionHandler((e, c, p) -> {
      c.getErr().println("go-env-doctor: internal error: " + e);
      return EXIT_ERROR;
    });
    if (command.length == 0) {
      cli.usage(cli.getOut());
      return EXIT_ERROR;
    }
    int code = cli.execute(command);
    cli.getOut().flush();
    cli.getErr().flush();
    return code;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"go-env-doctor " + (v == null ? "dev" : v)};
    }
  }
}
