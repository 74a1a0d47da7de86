package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.fix.StartupFileFixes;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.text.LineIndex;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fixes of the "Which go runs where" rules that edit a line of a text file: delete a line, replace a
 * value inside a line, move a PATH export to the file a login shell reads. Each checks first that the
 * line still says what the snapshot read, and that the edit cannot break another line.
 */
final class WhichGoEdits {
  private static final int MAX_FILE = 4 << 20;

  private WhichGoEdits() {}

  /** What kind of file a provenance points into, for choosing the fix. */
  enum Origin { STARTUP_FILE, ETC_ENVIRONMENT, GO_ENV_FILE, SETTINGS, OTHER }

  static Origin origin(Snapshot snapshot, Provenance p) {
    Location at = p.location();
    if (WhichGoFacts.settingAt(snapshot, at).isPresent()) {
      return Origin.SETTINGS;
    }
    if (at.file().equals("/etc/environment")) {
      return Origin.ETC_ENVIRONMENT;
    }
    Root root = WhichGoFacts.root(snapshot);
    boolean envFile = WhichGoFacts.known(snapshot).stream()
        .map(l -> WhichGoFacts.envFile(root, l).path()).flatMap(Optional::stream).anyMatch(at.file()::equals)
        || snapshot.goEnvFile().path().filter(at.file()::equals).isPresent();
    if (envFile) {
      return Origin.GO_ENV_FILE;
    }
    for (StaticShellResult r : snapshot.startup()) {
      for (StartupStatement s : r.statements()) {
        if (s.provenance() != null && WhichGoFacts.sameLine(s.provenance().location(), at)) {
          return Origin.STARTUP_FILE;
        }
      }
    }
    return Origin.OTHER;
  }

  /** True when {@code file} is the user's own (under HOME): the fixes never edit system files. */
  static boolean userFile(Snapshot snapshot, String file) {
    String home = snapshot.machine().home();
    return home != null && home.length() > 1 && file.startsWith(home + "/");
  }

  /**
   * True when the line does nothing but set {@code name} (sh {@code [export ]NAME=value}, fish
   * {@code set -gx NAME value}), so deleting it changes nothing else.
   */
  static boolean onlyAssigns(String lineText, String name) {
    String n = Pattern.quote(name);
    String value = "(\"[^\"]*\"|'[^']*'|[^\\s;&|`]*)";
    return Pattern.matches("\\s*(export\\s+|declare\\s+-x\\s+)?" + n + "=" + value + "\\s*(#.*)?", lineText)
        || Pattern.matches("\\s*set\\s+(-[a-zA-Z]+\\s+)*" + n + "\\s+" + value + "\\s*(#.*)?", lineText);
  }

  /** True when another line the shells read uses {@code $name}: deleting the line that sets it would change that one too. */
  static boolean usedElsewhere(Snapshot snapshot, String name, Location except) {
    Pattern use = Pattern.compile("\\$\\{?" + Pattern.quote(name) + "\\b");
    for (StaticShellResult r : snapshot.startup()) {
      for (StartupStatement s : r.statements()) {
        Provenance p = s.provenance();
        if (p != null && !WhichGoFacts.sameLine(p.location(), except) && use.matcher(p.text()).find()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The current text of the line a provenance points at, when the file still says what was read. */
  static Optional<String> currentLine(Root root, Location at) {
    return text(root, at.file()).flatMap(t -> {
      LineIndex index = LineIndex.of(t);
      int line = at.range().startLine();
      return line < index.lineCount() ? Optional.of(index.lineText(line)) : Optional.empty();
    });
  }

  /** Deletes the whole line (with its line end) that {@code p} points at. */
  static Optional<Fix> deleteLine(Root root, Provenance p, String title, boolean preferred) {
    Location at = p.location();
    Optional<String> text = text(root, at.file());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    LineIndex index = LineIndex.of(text.get());
    int line = at.range().startLine();
    if (line >= index.lineCount() || !index.lineText(line).strip().equals(p.text().strip())) {
      return Optional.empty();
    }
    int start = index.lineStart(line);
    int end = line + 1 < index.lineCount() ? index.lineStart(line + 1) : text.get().length();
    if (line + 1 >= index.lineCount() && line > 0) {
      start = index.lineEnd(line - 1); // the last line has no line end of its own: take the one before it
    }
    return Optional.of(new Fix(title, preferred, List.of(new TextEdit(at.file(), index.range(start, end), "")), List.of()));
  }

  /** Replaces the one occurrence of {@code oldValue} in the line {@code p} points at with {@code newValue}. */
  static Optional<Fix> replaceInLine(Root root, Provenance p, String oldValue, String newValue, String title, boolean preferred) {
    Optional<String> line = currentLine(root, p.location());
    if (line.isEmpty() || !line.get().strip().equals(p.text().strip())) {
      return Optional.empty();
    }
    int at = line.get().indexOf(oldValue);
    if (at < 0 || line.get().indexOf(oldValue, at + 1) >= 0) {
      return Optional.empty();
    }
    int lineNo = p.location().range().startLine();
    return Optional.of(new Fix(title, preferred, List.of(new TextEdit(p.location().file(),
        TextRange.line(lineNo, at, at + oldValue.length()), newValue)), List.of()));
  }

  /**
   * Moves a line that only an interactive shell runs to the file a login shell reads (~/.profile for
   * bash and sh, ~/.zprofile for zsh), when that is safe: the line is the user's, it only uses PATH and
   * HOME (anything else may be set by lines that do not move), and the login shell reads the target.
   */
  static Optional<Fix> moveToLogin(Snapshot snapshot, Provenance line, String title, boolean preferred) {
    Root root = WhichGoFacts.root(snapshot);
    String shell = snapshot.machine().shell();
    String home = snapshot.machine().home();
    if (shell == null || shell.isEmpty() || shell.endsWith("/fish") || !userFile(snapshot, line.location().file())) {
      return Optional.empty();
    }
    if (WhichGoFacts.whyLoginSkips(snapshot, line.location()).isEmpty() || !onlyPathAndHome(line.text())) {
      return Optional.empty();
    }
    String target = StartupFileFixes.loginFile(home, shell);
    if (target.equals(line.location().file()) || !loginReads(snapshot, root, target, shell)) {
      return Optional.empty();
    }
    Optional<String> current = currentLine(root, line.location());
    if (current.isEmpty() || !current.get().strip().equals(line.text().strip()) || lastLineWithoutNewline(root, line.location())) {
      return Optional.empty();
    }
    return StartupFileFixes.moveLine(root, line, target, title, preferred);
  }

  /** The login file the desktop session will read, as a display path, for messages. */
  static String loginFileName(Snapshot snapshot) {
    String shell = snapshot.machine().shell() == null ? "" : snapshot.machine().shell();
    return WhichGoFacts.tilde(snapshot, StartupFileFixes.loginFile(snapshot.machine().home(), shell));
  }

  /** Removes a setting (a top-level key, or one key of an object setting) from the file that sets it. */
  static Optional<Fix> removeSetting(WhichGoFacts.SettingHit hit, String title, boolean preferred) {
    return SettingsFixes.remove(hit.file(), title, preferred, hit.entry().path());
  }

  /** moveLine deletes up to the start of the next line; a last line without a line end has none. */
  private static boolean lastLineWithoutNewline(Root root, Location at) {
    return text(root, at.file()).map(t -> !t.endsWith("\n") && LineIndex.of(t).lineCount() - 1 == at.range().startLine())
        .orElse(true);
  }

  private static boolean onlyPathAndHome(String text) {
    String rest = text.replaceAll("\\$\\{?(PATH|HOME)\\b}?", "");
    return !rest.contains("$") && !rest.contains("`");
  }

  private static boolean loginReads(Snapshot snapshot, Root root, String target, String shell) {
    boolean read = WhichGoFacts.reading(snapshot, ShellMode.LOGIN)
        .map(r -> r.filesRead().contains(target)).orElse(false);
    if (read) {
      return true;
    }
    if (root.exists(target)) {
      return false; // it exists and the login shell skips it (e.g. ~/.bash_profile shadows ~/.profile)
    }
    String home = snapshot.machine().home();
    if (shell.endsWith("/bash")) {
      return !root.exists(Root.join(home, ".bash_profile")) && !root.exists(Root.join(home, ".bash_login"));
    }
    return true;
  }

  private static Optional<String> text(Root root, String file) {
    return root.readText(file, MAX_FILE).map(t -> t.startsWith("\uFEFF") ? t.substring(1) : t);
  }
}
