package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells, without running anything, what environment a shell start builds and which file and line put each
 * PATH entry and Go variable there. It reads the startup files a shell reads in a mode (bash: /etc/profile
 * then the first of ~/.bash_profile, ~/.bash_login, ~/.profile; sh: /etc/profile, ~/.profile and, when
 * interactive, $ENV; zsh: zshenv, zprofile, zshrc, zlogin in /etc/zsh and $ZDOTDIR; fish: its data-dir
 * setup, conf.d snippets, /etc/fish/config.fish, ~/.config/fish/config.fish), follows the files they source,
 * and simulates them.
 */
public final class StaticShellEvaluator {
  /** The variables whose final value and origin a result reports (PATH plus the Go-relevant ones). */
  public static final Set<String> TRACKED_VARIABLES = Set.of("PATH", "GOROOT", "GOPATH", "GOBIN", "GOTOOLCHAIN",
      "GOFLAGS", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GONOPROXY", "GOINSECURE", "GOENV", "GOTMPDIR",
      "TMPDIR", "GOMODCACHE", "GOCACHE", "CGO_ENABLED", "CC", "GO111MODULE", "GOTELEMETRY");

  private StaticShellEvaluator() {}

  /**
   * Simulates one shell start. Never throws: unreadable files, unsupported syntax and internal limits become
   * notes in the result, and the result always holds at least the base environment.
   */
  public static StaticShellResult evaluate(StaticShellRequest request) {
    StaticShellSession session = new StaticShellSession(request.root(), request.kind(), request.mode(),
        request.uid());
    try {
      return switch (request.kind()) {
        case BASH, SH, ZSH -> posix(session, request);
        case FISH -> StaticShellFishRunner.evaluate(session, request);
        case UNKNOWN -> unknownShell(session, request);
      };
    } catch (RuntimeException e) {
      session.note(null, StartupNote.Kind.UNSUPPORTED, "the simulation failed (" + e + "); showing the base"
          + " environment only");
      return unknownShell(session, request);
    }
  }

  private static StaticShellResult unknownShell(StaticShellSession session, StaticShellRequest request) {
    if (request.kind() == ShellKind.UNKNOWN) {
      session.note(null, StartupNote.Kind.UNSUPPORTED, "unknown login shell: its startup files are not known, so"
          + " only the base environment is shown");
    }
    Map<String, StaticShellValue> values = new LinkedHashMap<>();
    Map<String, Provenance> origins = new LinkedHashMap<>();
    request.baseEnvironment().forEach((k, v) -> {
      Provenance origin = request.baseProvenance().get(k);
      values.put(k, StaticShellValue.of(v, origin, k, false, false));
      origins.put(k, origin);
    });
    return result(session, values, origins, Map.of());
  }

  private static StaticShellResult posix(StaticShellSession session, StaticShellRequest request) {
    Root root = request.root();
    StaticShellPosixRunner runner = new StaticShellPosixRunner(session);
    runner.seed(request.baseEnvironment(), request.baseProvenance());
    String home = request.baseEnvironment().get("HOME");
    if (home == null || !home.startsWith("/")) {
      session.note(null, StartupNote.Kind.INFO, "HOME is not set to an absolute path in the base environment;"
          + " user startup files cannot be found");
    }
    boolean interactive = request.mode().interactive();
    switch (request.kind()) {
      case BASH -> {
        runner.shellVariable("BASH_VERSION", "5");
        String shell = request.baseEnvironment().getOrDefault("SHELL", "");
        runner.shellVariable("BASH", shell.endsWith("/bash") ? shell : "/bin/bash");
        if (interactive) {
          runner.shellVariable("PS1", "\\s-\\v\\$ ");
        }
        bash(session, runner, home);
      }
      case ZSH -> {
        runner.shellVariable("ZSH_VERSION", "5.9");
        runner.shellVariable("ZSH_NAME", "zsh");
        if (interactive) {
          runner.shellVariable("PS1", "%m%# ");
        }
        zsh(session, runner, home);
      }
      default -> {
        // dash sets PS1 even when not interactive, so "[ -z "$PS1" ] && return" never fires in sh.
        runner.shellVariable("PS1", request.uid() == 0 ? "# " : "$ ");
        sh(session, runner, home);
      }
    }
    Map<String, StaticShellValue> values = new LinkedHashMap<>();
    Map<String, Provenance> origins = new LinkedHashMap<>();
    Map<String, Boolean> conditional = new LinkedHashMap<>();
    for (String name : runner.exportedNames()) {
      StaticShellPosixRunner.Var v = runner.variables().get(name);
      values.put(name, v.value);
      origins.put(name, v.setBy);
      conditional.put(name, v.conditional);
    }
    runner.variables().forEach((name, v) -> {
      if (TRACKED_VARIABLES.contains(name) && !v.exported && v.value != null && v.setBy != null) {
        session.note(v.setBy, StartupNote.Kind.NOT_EXPORTED, name + " is set here but never exported: go, gopls"
            + " and editors started from this session do not see it");
      }
    });
    return result(session, values, origins, conditional);
  }

  private static void bash(StaticShellSession session, StaticShellPosixRunner runner, String home) {
    Root root = session.root;
    if (root.exists("/etc/profile") && !runner.runStartupFile("/etc/profile", "read first by every bash login"
        + " shell")) {
      return;
    }
    if (home != null) {
      List<String> chain = List.of(home + "/.bash_profile", home + "/.bash_login", home + "/.profile");
      String first = chain.stream().filter(root::isRegularFile).findFirst().orElse(null);
      for (String candidate : chain) {
        if (candidate.equals(first)) {
          runner.runStartupFile(candidate, "the first of ~/.bash_profile, ~/.bash_login, ~/.profile that exists");
        } else if (root.exists(candidate)) {
          unread(session, candidate, StartupFileStatus.SHADOWED, "not read: bash reads only the first of"
              + " ~/.bash_profile, ~/.bash_login and ~/.profile, and " + tilde(first, home) + " exists");
        }
      }
      if (!session.files.stream().anyMatch(f -> f.read() && f.path().equals(home + "/.bashrc"))) {
        unread(session, home + "/.bashrc", StartupFileStatus.NOT_READ, "not read: a login shell reads ~/.bashrc"
            + " only when a profile file sources it (bash reads it by itself only for interactive non-login"
            + " shells)");
      }
    }
  }

  private static void sh(StaticShellSession session, StaticShellPosixRunner runner, String home) {
    Root root = session.root;
    if (root.exists("/etc/profile") && !runner.runStartupFile("/etc/profile", "read first by every sh login"
        + " shell")) {
      return;
    }
    if (home != null && root.exists(home + "/.profile")
        && !runner.runStartupFile(home + "/.profile", "read by sh login shells")) {
      return;
    }
    if (session.mode.interactive() && runner.get("ENV") != null) {
      String env = runner.expandWord(runner.get("ENV").text()).text();
      if (!env.isEmpty() && root.exists(env)) {
        runner.runStartupFile(env, "named by $ENV, read by interactive sh");
      }
    }
    if (home != null) {
      for (String name : List.of("/.bash_profile", "/.bashrc")) {
        unread(session, home + name, StartupFileStatus.NOT_READ, "not read: sh (dash) reads only /etc/profile and"
            + " ~/.profile (and $ENV when interactive)");
      }
    }
  }

  private static void zsh(StaticShellSession session, StaticShellPosixRunner runner, String home) {
    Root root = session.root;
    String etc = root.isDirectory("/etc/zsh") ? "/etc/zsh" : "/etc";
    boolean interactive = session.mode.interactive();
    String[][] stages = {{"zshenv", "always"}, {"zprofile", "login"}, {"zshrc", "interactive"},
        {"zlogin", "login"}};
    for (String[] stage : stages) {
      boolean wanted = stage[1].equals("always") || stage[1].equals("login") || interactive;
      String userDir = zdotdir(runner, home);
      if (!wanted) {
        if (userDir != null) {
          unread(session, userDir + "/." + stage[0], StartupFileStatus.NOT_READ, "not read: zsh reads ."
              + stage[0] + " only for interactive shells");
        }
        continue;
      }
      boolean alwaysRead = stage[0].equals("zshenv");
      if ((alwaysRead || (runner.zshRcs() && runner.zshGlobalRcs())) && root.exists(etc + "/" + stage[0])
          && !runner.runStartupFile(etc + "/" + stage[0], "zsh " + stage[0] + " (" + stage[1] + ")")) {
        return;
      }
      userDir = zdotdir(runner, home);
      if (userDir != null && runner.zshRcs() && root.exists(userDir + "/." + stage[0])
          && !runner.runStartupFile(userDir + "/." + stage[0], "zsh ." + stage[0] + " (" + stage[1] + ")")) {
        return;
      }
    }
    if (home != null) {
      for (String name : List.of("/.profile", "/.bash_profile", "/.bashrc")) {
        unread(session, home + name, StartupFileStatus.NOT_READ, "not read: zsh does not read ~/.profile or bash's"
            + " files");
      }
    }
  }

  private static String zdotdir(StaticShellPosixRunner runner, String home) {
    StaticShellValue z = runner.get("ZDOTDIR");
    return z != null && z.text().startsWith("/") ? z.text() : home;
  }

  /** Lists a file a start does not read, with its statements (never executed). */
  static void unread(StaticShellSession session, String path, StartupFileStatus status, String reason) {
    if (!session.root.exists(path) || session.files.stream().anyMatch(f -> f.path().equals(path))) {
      return;
    }
    session.files.add(new StartupFile(path, status, reason, null));
    StaticShellSession.Loaded file = session.peek(path);
    if (file == null) {
      return;
    }
    if (session.kind == ShellKind.FISH || path.endsWith(".fish")) {
      StaticShellFishRunner.scanOnly(session, file);
    } else {
      StartupStatementScanner.scan(session, file, ShellLineParser.parse(file.text()),
          path.endsWith(".zshrc") || path.endsWith(".zshenv") || path.endsWith(".zprofile")
              || path.endsWith(".zlogin") ? ShellKind.ZSH : session.kind == ShellKind.ZSH ? ShellKind.BASH
              : session.kind);
    }
  }

  private static String tilde(String path, String home) {
    return path != null && home != null && path.startsWith(home + "/") ? "~" + path.substring(home.length()) : path;
  }

  /** Builds the public result from the final exported values. */
  static StaticShellResult result(StaticShellSession session, Map<String, StaticShellValue> values,
      Map<String, Provenance> origins, Map<String, Boolean> conditional) {
    Map<String, StaticShellVariable> variables = new LinkedHashMap<>();
    List<StaticShellPathEntry> path = new ArrayList<>();
    values.forEach((name, value) -> {
      if (!TRACKED_VARIABLES.contains(name) || value == null) {
        return;
      }
      boolean cond = conditional.getOrDefault(name, false)
          || value.pieces().stream().anyMatch(StaticShellPiece::conditional);
      variables.put(name, new StaticShellVariable(name, value.text(), origins.get(name), cond, value.dynamic()));
      if (name.equals("PATH") && !value.isEmpty()) {
        for (StaticShellValue entry : value.split(':')) {
          StaticShellPiece s = entry.summary(origins.get(name), conditional.getOrDefault(name, false));
          path.add(new StaticShellPathEntry(entry.text(), s.origin(), s.conditional(), s.dynamic()));
        }
      }
    });
    for (StaticShellPathEntry e : path) {
      if (e.literalTilde()) {
        session.note(e.provenance(), StartupNote.Kind.INFO, "PATH entry " + e.directory() + " starts with a literal"
            + " ~: bash expands it when it searches PATH, but execvp (editors, gopls, go itself) and dash do not");
      }
    }
    return new StaticShellResult(session.kind, session.mode, session.files, variables, path, session.statements(),
        session.notes);
  }
}
