package dev.goenvdoctor.probe.shell;

import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The words a user reads when a shell probe did not give an environment: which shell and mode, what
 * probably happened, which startup files to look at (FACTS.md, "Editors and shells"), and the escape
 * hatch ({@code GO_ENV_DOCTOR_PROBE=1}).
 */
final class ShellEnvMessages {
  private static final int MAX_STDERR_EXCERPT = 2000;
  private static final String ESCAPE_HATCH =
      "Startup files can test " + ShellEnvProbe.PROBE_VARIABLE + "=1 to skip slow or noisy parts.";

  private ShellEnvMessages() {}

  /** "zsh -i -l" or "bash -l": how the shell was started, as a user would type it. */
  static String invocation(String shellPath, ShellMode mode) {
    if (shellPath.isEmpty()) {
      return "the login shell" + (mode.interactive() ? " (interactive)" : "");
    }
    String name = shellPath.substring(shellPath.lastIndexOf('/') + 1);
    return name + (mode.interactive() ? " -i -l" : " -l");
  }

  /** The startup files the shell reads in this mode, for "check ..." advice. */
  static String startupFiles(ShellKind kind, ShellMode mode) {
    return switch (kind) {
      case BASH -> "/etc/profile and the first of ~/.bash_profile, ~/.bash_login, ~/.profile (and the files they source"
          + (mode.interactive() ? ", such as ~/.bashrc)" : ")");
      case ZSH -> mode.interactive()
          ? "~/.zshenv, ~/.zprofile, ~/.zshrc and ~/.zlogin (and the system-wide zsh files)"
          : "~/.zshenv, ~/.zprofile and ~/.zlogin (and the system-wide zsh files)";
      case SH -> mode.interactive() ? "/etc/profile, ~/.profile and the file named by $ENV" : "/etc/profile and ~/.profile";
      case FISH -> "~/.config/fish/config.fish and ~/.config/fish/conf.d/*.fish";
      case UNKNOWN -> "its startup files (go-env-doctor knows the files of bash, zsh, sh and fish)";
    };
  }

  static String timedOut(String shellPath, ShellKind kind, ShellMode mode, Duration timeout) {
    return invocation(shellPath, mode) + " did not finish within " + seconds(timeout)
        + ": a startup file is waiting for something (read from stdin? a network mount? a slow command?). Check "
        + startupFiles(kind, mode) + ". " + ESCAPE_HATCH;
  }

  /** The shell itself could not be run: missing, not executable, not absolute. */
  static String failedToStart(String shellPath, ShellMode mode, String reason) {
    return "Could not start " + invocation(shellPath, mode) + " (" + reason + "). Check the login shell in /etc/passwd"
        + " (chsh changes it) and $SHELL.";
  }

  /** Something other than the shell is in the way (HOME, zero-exec mode): no advice about the shell. */
  static String notRun(String shellPath, ShellMode mode, String reason) {
    return invocation(shellPath, mode) + " was " + (reason.startsWith("not run") ? "" : "not run: ") + reason + ".";
  }

  static String noEnvironment(String shellPath, ShellKind kind, ShellMode mode, int exitCode) {
    if (kind == ShellKind.UNKNOWN) { // nologin, false, or a shell with other flags (tcsh, nu, xonsh)
      return invocation(shellPath, mode) + " exited with code " + exitCode + " without printing an environment: "
          + shellPath + " is not a shell go-env-doctor knows (bash, zsh, sh, fish) and may not accept -l -c."
          + " Check the login shell in /etc/passwd and $SHELL.";
    }
    return invocation(shellPath, mode) + " exited with code " + exitCode + " before printing its environment:"
        + " a startup file ended the shell early (an exit, or an exec of another shell or program). Check "
        + startupFiles(kind, mode) + ".";
  }

  static String stoppedWhilePrinting(String shellPath, ShellKind kind, ShellMode mode, int exitCode) {
    return invocation(shellPath, mode) + " started printing its environment but stopped (exit code " + exitCode
        + "): env -0 failed or the shell was ended from outside. Check " + startupFiles(kind, mode) + ".";
  }

  static String truncated(String shellPath, ShellKind kind, ShellMode mode, int keptBytes) {
    return invocation(shellPath, mode) + " printed more than " + (keptBytes / (1024 * 1024)) + " MiB, so its"
        + " environment could not be read whole: a startup file prints a lot. Check " + startupFiles(kind, mode)
        + ". " + ESCAPE_HATCH;
  }

  static String printedButDidNotExit(String shellPath, ShellMode mode, Duration timeout) {
    return "The environment was read, but " + invocation(shellPath, mode) + " did not exit within " + seconds(timeout)
        + " after printing it (a logout file or an EXIT trap is waiting for something).";
  }

  /** The start of stderr without the notices every interactive shell prints when it has no terminal. */
  static String stderrExcerpt(String stderr) {
    String kept = stderr.lines()
        .filter(line -> !isNoTerminalNotice(line))
        .collect(Collectors.joining("\n"))
        .strip();
    return kept.length() <= MAX_STDERR_EXCERPT ? kept : kept.substring(0, MAX_STDERR_EXCERPT) + "...";
  }

  private static boolean isNoTerminalNotice(String line) {
    // bash: "cannot set terminal process group (-1): ..." and "no job control in this shell";
    // dash: "can't access tty; job control turned off". The probe has no terminal on purpose.
    return line.contains("cannot set terminal process group")
        || line.endsWith("no job control in this shell")
        || line.endsWith("can't access tty; job control turned off");
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }
}
