package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.SettingEntry;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.text.LineIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fixes that change a Go variable where it was set: a line of the Go user env file, a
 * {@code go.toolsEnvVars} entry of a VS Code settings file, or a plain {@code export NAME=value} line of
 * a startup file in the user's home. Anything else (a line that sets several things, a file under
 * {@code /etc}, fish syntax) gets no fix: guessing would edit more than the finding is about.
 */
final class GoEnvironmentFixes {
  private static final int MAX_FILE = 4 << 20;

  private GoEnvironmentFixes() {}

  /** Removes the assignment of {@code name} at {@code origin}. */
  static Optional<Fix> remove(Snapshot snapshot, Root root, String name, Provenance origin, String title, boolean preferred) {
    return change(snapshot, root, name, origin, Optional.empty(), title, preferred);
  }

  /** Sets {@code name} to {@code value} at {@code origin} (empty value: removes it). */
  static Optional<Fix> replace(Snapshot snapshot, Root root, String name, Provenance origin, String value, String title,
      boolean preferred) {
    return change(snapshot, root, name, origin, Optional.of(value).filter(v -> !v.isEmpty()), title, preferred);
  }

  private static Optional<Fix> change(Snapshot snapshot, Root root, String name, Provenance origin, Optional<String> value,
      String title, boolean preferred) {
    try {
      String file = origin.location().file();
      if (snapshot.goEnvFile().path().filter(file::equals).isPresent()) {
        return envFileLine(root, name, origin, value, title, preferred);
      }
      Optional<SettingsFile> settings = settingsFile(snapshot, file);
      if (settings.isPresent()) {
        return toolsEnvVar(settings.get(), name, origin, value, title, preferred);
      }
      String home = snapshot.machine().home();
      if (home != null && home.length() > 1 && file.startsWith(home + "/")) {
        return startupLine(root, name, origin, value, title, preferred);
      }
      return Optional.empty();
    } catch (RuntimeException e) { // odd data: no fix rather than a wrong one
      return Optional.empty();
    }
  }

  /** A line {@code NAME=value} of the Go env file: deleted, or rewritten in the same format. */
  private static Optional<Fix> envFileLine(Root root, String name, Provenance origin, Optional<String> value, String title,
      boolean preferred) {
    return lineEdit(root, origin, line -> line.startsWith(name + "=")
        ? Optional.of(new LineChange(value.map(v -> name + "=" + v))) : Optional.empty(), title, preferred);
  }

  private static final Pattern SHELL_ASSIGNMENT = Pattern.compile(
      "^(\\s*)(export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=('[^']*'|\"[^\"$`\\\\]*\"|[^\\s'\"$`\\\\;&|]*)\\s*(#.*)?$");

  /** {@code [export] NAME=value [# comment]} alone on its line: deleted, or rewritten with the new value. */
  private static Optional<Fix> startupLine(Root root, String name, Provenance origin, Optional<String> value, String title,
      boolean preferred) {
    return lineEdit(root, origin, line -> {
      Matcher m = SHELL_ASSIGNMENT.matcher(line);
      if (!m.matches() || !m.group(3).equals(name)) {
        return Optional.empty();
      }
      String export = m.group(2) == null ? "" : "export ";
      return Optional.of(new LineChange(value.map(v -> m.group(1) + export + name + "=" + GoEnvironmentText.quote(v))));
    }, title, preferred);
  }

  /** What to do with an accepted line: replace it with {@code newLine}, or delete it when that is empty. */
  private record LineChange(Optional<String> newLine) {}

  /** Edits the line at {@code origin} when {@code rewrite} accepts its current text. */
  private static Optional<Fix> lineEdit(Root root, Provenance origin, Function<String, Optional<LineChange>> rewrite,
      String title, boolean preferred) {
    String file = origin.location().file();
    Optional<String> text = root.readText(file, MAX_FILE);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    LineIndex index = LineIndex.of(text.get());
    int line = origin.location().range().startLine();
    if (line < 0 || line >= index.lineCount()) {
      return Optional.empty();
    }
    String current = index.lineText(line);
    if (!current.strip().equals(origin.text().strip())) {
      return Optional.empty(); // the file changed since the snapshot
    }
    Optional<LineChange> decision = rewrite.apply(current);
    if (decision.isEmpty()) {
      return Optional.empty();
    }
    TextEdit edit = decision.get().newLine()
        .map(newLine -> new TextEdit(file, TextRange.line(line, 0, current.length()), newLine))
        .orElseGet(() -> deleteLine(file, index, line));
    return Optional.of(new Fix(title, preferred, List.of(edit), List.of()));
  }

  /** Deletes a whole line with its terminator (for the last line: with the terminator before it). */
  static TextEdit deleteLine(String file, LineIndex index, int line) {
    int start = index.lineStart(line);
    int next = line + 1 < index.lineCount() ? index.lineStart(line + 1) : index.text().length();
    if (next == index.text().length() && line > 0 && !index.text().endsWith("\n") && !index.text().endsWith("\r")) {
      start = index.lineEnd(line - 1);
    }
    return new TextEdit(file, index.range(start, next), "");
  }

  /** {@code go.toolsEnvVars.NAME} in the settings file where the origin points. */
  private static Optional<Fix> toolsEnvVar(SettingsFile file, String name, Provenance origin, Optional<String> value,
      String title, boolean preferred) {
    List<String> path = List.of("go.toolsEnvVars", name);
    Optional<SettingEntry> entry = file.entry(path);
    int line = origin.location().range().startLine();
    if (entry.isEmpty() || (entry.get().keyLocation().range().startLine() != line
        && entry.get().valueLocation().range().startLine() != line)) {
      return Optional.empty();
    }
    if (value.isEmpty()) {
      return SettingsFixes.remove(file, title, preferred, path);
    }
    Map<List<String>, Object> changes = new HashMap<>();
    changes.put(path, value.get());
    return SettingsFixes.change(file, title, preferred, changes);
  }

  private static Optional<SettingsFile> settingsFile(Snapshot snapshot, String path) {
    List<SettingsFile> all = new ArrayList<>(snapshot.workspace().userSettings());
    for (FolderFacts folder : snapshot.workspace().folders()) {
      all.addAll(folder.settings());
    }
    return all.stream().filter(s -> s.path().equals(path)).findFirst();
  }

  /** The words of a GOFLAGS value without those {@code drop} matches, joined again. */
  static String withoutFlags(String goflags, Predicate<String> drop) {
    return String.join(" ", Stream.of(goflags.strip().split("\\s+")).filter(w -> !w.isEmpty() && !drop.test(w)).toList());
  }
}
