package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.fix.StartupFileFixes;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellKind;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.List;
import java.util.Optional;

/**
 * The fixes the "Versions and pins" and "Tools" rules share: point VS Code at an installation with
 * {@code go.goroot}, and add a directory to PATH in the file the desktop session's login shell reads.
 */
final class VersionFixes {
  private static final int MAX_STARTUP_FILE = 4 << 20;

  private VersionFixes() {}

  /** Sets {@code go.goroot} in the workspace folder's settings to {@code installed}. */
  static Optional<Fix> goroot(Snapshot snapshot, VersionFacts.Installed installed, boolean preferred) {
    return SettingsFixes.set(snapshot, "Set go.goroot to " + installed.label() + " in the workspace settings", preferred,
        List.of("go.goroot"), installed.settingPath());
  }

  /**
   * Appends {@code export PATH="<dir>:$PATH"} (or {@code "$PATH:<dir>"} when {@code first} is false) to
   * the file the login shell reads (~/.profile for bash and sh, ~/.zprofile for zsh). Empty when that file
   * is not read by the login shell as it stands (shadowed by ~/.bash_profile, say, or absent), or the
   * shell's files are not ones we edit (fish): the fix would then change nothing.
   */
  static Optional<Fix> addToLoginPath(Snapshot snapshot, String dir, boolean first, String title, boolean preferred) {
    String shell = snapshot.machine().shell();
    ShellKind kind = ShellKind.fromPath(shell);
    if (kind != ShellKind.BASH && kind != ShellKind.SH && kind != ShellKind.ZSH) {
      return Optional.empty();
    }
    String target = StartupFileFixes.loginFile(snapshot.machine().home(), shell);
    boolean read = snapshot.startup().stream().filter(r -> r.mode() == ShellMode.LOGIN)
        .map(StaticShellResult::filesRead).anyMatch(files -> files.contains(target));
    Optional<Root> root = VersionFacts.root(snapshot);
    if (!read || root.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> text = root.get().readText(target, MAX_STARTUP_FILE);
    if (text.isEmpty() || dir.contains("\"") || dir.contains("`") || dir.contains("\n")) {
      return Optional.empty();
    }
    String home = snapshot.machine().home();
    // $HOME, not ~: a literal ~ inside quotes reaches PATH unexpanded, and execvp never expands it.
    String shown = home != null && home.length() > 1 && dir.startsWith(home + "/") ? "$HOME" + dir.substring(home.length()) : dir;
    String line = first ? "export PATH=\"" + shown + ":$PATH\"" : "export PATH=\"$PATH:" + shown + "\"";
    String block = "\n# Added by go-env-doctor: the desktop session and terminals read this file.\n" + line + "\n";
    return Optional.of(new Fix(title, preferred, List.of(appendAtEnd(target, text.get(), block)), List.of()));
  }

  /** An edit that appends {@code block} after the last line of {@code text}, adding a missing final newline. */
  static TextEdit appendAtEnd(String file, String text, String block) {
    List<String> lines = text.lines().toList();
    if (text.isEmpty() || text.endsWith("\n")) {
      int last = lines.size();
      return new TextEdit(file, new TextRange(last, 0, last, 0), text.isEmpty() ? block.substring(1) : block);
    }
    int last = lines.size() - 1;
    int end = lines.get(last).length();
    return new TextEdit(file, new TextRange(last, end, last, end), "\n" + block);
  }
}
