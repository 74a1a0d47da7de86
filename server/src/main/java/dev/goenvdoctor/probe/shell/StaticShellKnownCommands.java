package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.probe.Root;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Set;

/**
 * The output of the few side-effect-free commands startup files run inside {@code $(...)} or fish's
 * {@code (...)}: {@code id -u}, {@code whoami}, {@code uname}, {@code dirname}, {@code basename}, {@code cat},
 * {@code echo}, {@code printf %s}, {@code pwd}, {@code command -v}, {@code which} and fish's
 * {@code status current-filename}. Anything else is unknown (null) and stays dynamic.
 */
final class StaticShellKnownCommands {
  private static final int MAX_CAT_BYTES = 64 * 1024;

  private StaticShellKnownCommands() {}

  /**
   * What the simulation knows that these commands need: the uid, the current directory, the root, the
   * file being read (for fish's {@code status current-filename}; null when unknown), a variable's value
   * (null when unset) and what {@code command -v} prints for a name (null when not found).
   */
  record Host(int uid, String cwd, Root root, String currentFile, UnaryOperator<String> variables,
      UnaryOperator<String> commands) {
    String variable(String name) {
      return variables.apply(name);
    }

    String lookup(String command) {
      return commands.apply(command);
    }
  }

  /** The output (trailing newlines removed) of a command given as expanded words, or null when unknown. */
  static String output(List<String> words, Host host) {
    if (words.isEmpty()) {
      return null;
    }
    String name = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
    List<String> a = words.subList(1, words.size());
    return switch (name) {
      case "id" -> {
        if (a.equals(List.of("-u")) && host.uid() >= 0) {
          yield String.valueOf(host.uid());
        }
        yield a.equals(List.of("-un")) || a.equals(List.of("-nu")) || a.equals(List.of("-u", "-n")) ? user(host)
            : null;
      }
      case "whoami" -> user(host);
      case "uname" -> a.isEmpty() || a.equals(List.of("-s")) ? "Linux" : a.equals(List.of("-o")) ? "GNU/Linux" : null;
      case "dirname" -> a.size() == 1 ? dirname(a.get(0)) : null;
      case "basename" -> a.isEmpty() || a.size() > 2 ? null : basename(a.get(0), a.size() == 2 ? a.get(1) : null);
      case "cat" -> a.size() == 1 ? cat(a.get(0), host) : null;
      case "echo" -> String.join(" ", !a.isEmpty() && a.get(0).equals("-n") ? a.subList(1, a.size()) : a);
      case "printf" -> {
        if (a.size() >= 2 && a.get(0).equals("%s")) {
          yield String.join("", a.subList(1, a.size()));
        }
        yield a.size() == 1 && !a.get(0).contains("%") && !a.get(0).contains("\\") ? a.get(0) : null;
      }
      case "pwd" -> host.cwd();
      case "command" -> a.size() == 2 && a.get(0).equals("-v") ? orEmpty(host.lookup(a.get(1))) : null;
      case "which" -> a.size() == 1 ? orEmpty(host.lookup(a.get(0))) : null;
      case "status" -> {
        if (a.size() == 1 && host.currentFile() != null) {
          if (Set.of("current-filename", "filename", "-f").contains(a.get(0))) {
            yield host.currentFile();
          }
          if (Set.of("dirname", "current-dirname").contains(a.get(0))) {
            yield Root.parent(host.currentFile());
          }
        }
        yield null;
      }
      default -> null;
    };
  }

  private static String user(Host host) {
    String user = host.variable("USER");
    return user == null || user.isEmpty() ? host.variable("LOGNAME") : user;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String cat(String file, Host host) {
    String path = file.startsWith("/") ? file : Root.join(host.cwd(), file);
    return host.root().readBytes(path, MAX_CAT_BYTES)
        .map(b -> new String(b, StandardCharsets.UTF_8).replaceAll("\n+$", "")).orElse("");
  }

  static String dirname(String p) {
    String t = p.replaceAll("/+$", "");
    if (t.isEmpty()) {
      return p.startsWith("/") ? "/" : ".";
    }
    int slash = t.lastIndexOf('/');
    if (slash < 0) {
      return ".";
    }
    String d = t.substring(0, slash).replaceAll("/+$", "");
    return d.isEmpty() ? "/" : d;
  }

  static String basename(String p, String suffix) {
    String t = p.replaceAll("/+$", "");
    String base = t.isEmpty() ? "/" : t.substring(t.lastIndexOf('/') + 1);
    return suffix != null && base.endsWith(suffix) && !base.equals(suffix)
        ? base.substring(0, base.length() - suffix.length()) : base;
  }
}
