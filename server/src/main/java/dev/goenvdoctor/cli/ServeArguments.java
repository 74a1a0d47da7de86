package dev.goenvdoctor.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The command line an editor starts the language server with ({@code serve --stdio} and the machine options),
 * read without picocli: building picocli's model of every command is the largest single cost of a cold start
 * (about 100 ms of the first diagnostics' budget), and an editor pays it on every window it opens.
 *
 * <p>Only the plain, unambiguous forms are read here: {@code --option VALUE}, {@code --option=VALUE}, flags
 * given once, decimal numbers without a sign or leading zero. Anything else (help, version, an unknown or
 * repeated option, a missing or odd value, an {@code @file}) is left to picocli, which reads it and reports its
 * errors as for every other command. A test checks that both readings agree.
 */
final class ServeArguments {
  private static final Pattern INT = Pattern.compile("0|[1-9][0-9]{0,8}");
  private static final Pattern LONG = Pattern.compile("0|[1-9][0-9]{0,17}");

  private ServeArguments() {}

  /** Returns the serve command {@code args} describe, or empty when picocli must read them. */
  static Optional<ServeCommand> parse(String[] args) {
    if (args.length == 0 || !args[0].equals("serve")) {
      return Optional.empty();
    }
    ServeCommand serve = new ServeCommand();
    MachineOptions machine = new MachineOptions();
    serve.machine = machine;
    boolean noExec = false;
    boolean trust = false;
    boolean root = false;
    boolean env = false;
    boolean timeout = false;
    int stdio = 0;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      String attached = name.length() < arg.length() ? arg.substring(eq + 1) : null;
      switch (name) {
        case "--stdio", "--no-exec", "--trust-workspace" -> {
          if (attached != null) {
            return Optional.empty();
          }
          if (name.equals("--stdio")) {
            stdio++;
          } else if (name.equals("--no-exec") ? noExec : trust) {
            return Optional.empty();
          } else if (name.equals("--no-exec")) {
            noExec = true;
          } else {
            trust = true;
          }
        }
        case "--root", "--env", "--workspace", "--shell-timeout", "--clientProcessId" -> {
          String value = attached;
          if (value == null) {
            if (i + 1 >= args.length) {
              return Optional.empty();
            }
            value = args[++i];
          }
          if (value.startsWith("-") || value.startsWith("@")) {
            return Optional.empty();
          }
          switch (name) {
            case "--root" -> {
              Optional<Path> p = path(value);
              if (root || p.isEmpty()) {
                return Optional.empty();
              }
              root = true;
              machine.root = p.get();
            }
            case "--env" -> {
              Optional<Path> p = path(value);
              if (env || p.isEmpty()) {
                return Optional.empty();
              }
              env = true;
              machine.envFile = p.get();
            }
            case "--workspace" -> {
              Optional<Path> p = path(value);
              if (p.isEmpty()) {
                return Optional.empty();
              }
              machine.workspaces.add(p.get());
            }
            case "--shell-timeout" -> {
              if (timeout || !INT.matcher(value).matches()) {
                return Optional.empty();
              }
              timeout = true;
              machine.shellTimeoutSeconds = Integer.parseInt(value);
            }
            default -> {
              if (serve.clientProcessId != null || !LONG.matcher(value).matches()) {
                return Optional.empty();
              }
              serve.clientProcessId = Long.parseLong(value);
            }
          }
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    machine.noExec = noExec;
    machine.trustWorkspace = trust;
    serve.stdio = new boolean[stdio];
    java.util.Arrays.fill(serve.stdio, true);
    return Optional.of(serve);
  }

  private static Optional<Path> path(String value) {
    try {
      return Optional.of(Path.of(value));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
