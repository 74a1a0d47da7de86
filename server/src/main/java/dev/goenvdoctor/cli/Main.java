package dev.goenvdoctor.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

  public static int run(PrintStream out, PrintStream err, String... args) {
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
    if (args.length == 0) {
      cli.usage(cli.getOut());
      return EXIT_ERROR;
    }
    // Many LSP clients start a server as "<command> --stdio": that means "serve --stdio".
    String[] command = args[0].equals("--stdio") ? java.util.stream.Stream.concat(java.util.stream.Stream.of("serve"),
        java.util.Arrays.stream(args)).toArray(String[]::new) : args;
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
