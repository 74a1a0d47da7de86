package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.StartupFileFixes;
import dev.goenvdoctor.model.FileCreation;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StartupFileStatus;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.probe.shell.StaticShellPathEntry;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.text.LineIndex;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the "Startup files" rules share: the static readings of the startup files by shell mode, their
 * statements without duplicates, which PATH directories and variables matter for Go, the text of a file
 * line, and whether a line can be moved safely (top level, POSIX syntax).
 */
final class StartupFileFacts {
  /** Directories of the distributions' default PATH: their absence is not ours to report. */
  static final Set<String> SYSTEM_PATH_DIRS = Set.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
      "/sbin", "/bin", "/usr/games", "/usr/local/games", "/snap/bin");
  static final int MAX_FILE_CHARS = 1 << 20;

  private static final Pattern GO_REFERENCE = Pattern.compile("\\$\\{?(GOROOT|GOPATH|GOBIN)\\b|go env|/go/bin\\b");
  private static final Pattern BASH_ONLY = Pattern.compile(
      "\\[\\[|\\+=|=\\(|\\$'|<\\(|>\\(|&>|\\$\\{![A-Za-z_]|\\$\\{[A-Za-z_][A-Za-z0-9_]*(//?|\\^|,|:[0-9 ])"
          + "|^\\s*(declare|typeset|local|shopt|source|function)\\b|\\bsource\\s");

  private StartupFileFacts() {}

  /** The machine the snapshot was taken of (for reading a line a fix edits); empty when its root is unusable. */
  static Optional<Root> root(Snapshot snapshot) {
    try {
      String prefix = snapshot.machine().root();
      return prefix == null || prefix.isBlank() ? Optional.empty() : Optional.of(Root.of(Path.of(prefix)));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  static String home(Snapshot snapshot) {
    String home = snapshot.machine().home();
    return home == null ? "" : home;
  }

  /** {@code ~/.bashrc} for a file in the home directory, else the path. */
  static String tilde(String path, String home) {
    return home.length() > 1 && path.startsWith(home + "/") ? "~" + path.substring(home.length()) : path;
  }

  /** {@code ~/.bashrc:118}: the 1-based line of a location, home shortened. */
  static String display(Location location, String home) {
    return tilde(location.file(), home) + ":" + (location.range().startLine() + 1);
  }

  static String display(Provenance provenance, String home) {
    return display(provenance.location(), home);
  }

  /**
   * The file a login shell of the user's shell reads, where an export for the desktop session belongs. bash:
   * the first of ~/.bash_profile, ~/.bash_login, ~/.profile that exists, but ~/.profile when that first file
   * sources it (GDM on X11 reads ~/.profile too); ~/.profile when none exists. zsh: ~/.zprofile; sh:
   * ~/.profile. Empty for other shells.
   */
  static Optional<String> loginTarget(Snapshot snapshot, Root root) {
    String home = home(snapshot);
    Optional<StaticShellResult> login = reading(snapshot, ShellMode.LOGIN);
    if (home.isEmpty() || login.isEmpty()) {
      return Optional.empty();
    }
    String profile = home + "/.profile";
    return switch (login.get().kind()) {
      case BASH -> {
        Optional<String> first = List.of(home + "/.bash_profile", home + "/.bash_login", profile).stream()
            .filter(root::isRegularFile).findFirst();
        boolean profileRead = login.get().files().stream()
            .anyMatch(f -> f.path().equals(profile) && f.status() == StartupFileStatus.READ);
        yield Optional.of(first.isEmpty() || profileRead ? profile : first.get());
      }
      case ZSH -> Optional.of(StartupFileFixes.loginFile(home, "zsh"));
      case SH -> Optional.of(profile);
      default -> Optional.empty();
    };
  }

  /** The static reading of the startup files for one shell mode. */
  static Optional<StaticShellResult> reading(Snapshot snapshot, ShellMode mode) {
    return snapshot.startup().stream().filter(r -> r.mode() == mode).findFirst();
  }

  /**
   * Every statement of every reading once (by file and line), the copy a start executed preferred: the
   * same line appears in the login and the terminal reading.
   */
  static List<StartupStatement> statements(Snapshot snapshot) {
    Map<Location, StartupStatement> byLine = new LinkedHashMap<>();
    for (StaticShellResult reading : snapshot.startup()) {
      for (StartupStatement s : reading.statements()) {
        StartupStatement seen = byLine.get(s.provenance().location());
        if (seen == null || (!seen.executed() && s.executed())) {
          byLine.put(s.provenance().location(), s);
        }
      }
    }
    return List.copyOf(byLine.values());
  }

  /** The statement at the same line in a reading, if that reading lists it. */
  static Optional<StartupStatement> in(StaticShellResult reading, Provenance line) {
    return reading.statements().stream().filter(s -> s.provenance().location().equals(line.location())).findFirst();
  }

  /** The reading that ran this line, login first (what a desktop session sees), else empty. */
  static Optional<StaticShellResult> executedBy(Snapshot snapshot, Provenance line) {
    for (ShellMode mode : List.of(ShellMode.LOGIN, ShellMode.TERMINAL)) {
      Optional<StaticShellResult> r = reading(snapshot, mode);
      if (r.isPresent() && in(r.get(), line).map(StartupStatement::executed).orElse(false)) {
        return r;
      }
    }
    return Optional.empty();
  }

  /** The PATH directories a line added in a reading (the entries whose origin is that line). */
  static List<String> addedBy(StaticShellResult reading, Provenance line) {
    return reading.path().stream().filter(e -> e.provenance() != null
        && e.provenance().location().equals(line.location())).map(StaticShellPathEntry::directory).distinct().toList();
  }

  /** True for the variables that steer the go command (GOROOT, GOPATH, GOBIN, GOTOOLCHAIN, ..., CGO_ENABLED). */
  static boolean isGoVariable(String name) {
    return name.startsWith("GO") || name.equals("CGO_ENABLED");
  }

  /**
   * True when a PATH directory matters for Go: it holds a {@code go}, it ends in {@code go/bin}, or it is
   * GOROOT/bin, GOBIN or a GOPATH's bin in {@code env} (GOPATH defaults to ~/go).
   */
  static boolean isGoDir(Root root, String dir, Map<String, String> env, String home) {
    if (dir.isEmpty()) {
      return false;
    }
    String d = dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    if (d.endsWith("/go/bin") || d.equals("go/bin") || (d.startsWith("/") && root.isExecutableFile(d + "/go"))) {
      return true;
    }
    List<String> goDirs = new ArrayList<>();
    Optional.ofNullable(env.get("GOROOT")).filter(v -> !v.isBlank()).ifPresent(v -> goDirs.add(v + "/bin"));
    Optional.ofNullable(env.get("GOBIN")).filter(v -> !v.isBlank()).ifPresent(goDirs::add);
    String gopath = env.getOrDefault("GOPATH", "");
    if (gopath.isBlank() && !home.isEmpty()) {
      gopath = home + "/go";
    }
    for (String p : gopath.split(":")) {
      if (!p.isBlank()) {
        goDirs.add(p + "/bin");
      }
    }
    return goDirs.stream().map(Root::normalize).anyMatch(g -> g.equals(Root.normalize(d)));
  }

  /** True when a line's text refers to GOROOT, GOPATH, GOBIN, {@code go env} or a {@code go/bin} directory. */
  static boolean mentionsGo(String text) {
    return GO_REFERENCE.matcher(text).find();
  }

  /** The whole text of a file, when it can be read (bounded). */
  static Optional<String> fileText(Root root, String file) {
    return root.readText(file, MAX_FILE_CHARS);
  }

  /** The full physical line a location starts on, without its terminator. */
  static Optional<String> lineText(Root root, Location location) {
    return fileText(root, location.file()).map(LineIndex::of).filter(i -> location.range().startLine() < i.lineCount())
        .map(i -> i.lineText(location.range().startLine()));
  }

  /** True when the statement fills its line alone: a fix can then rewrite, move or delete that line. */
  static boolean wholeLine(Root root, Provenance statement) {
    TextRange r = statement.location().range();
    return r.startLine() == r.endLine() && lineText(root, statement.location())
        .map(t -> t.strip().equals(statement.text().strip()) || t.strip().startsWith(statement.text().strip() + " #"))
        .orElse(false);
  }

  /**
   * True when {@code line} is outside every compound command ({@code if}, {@code case}, loops, braces):
   * moving or deleting it cannot leave an empty block behind. Counts block words outside quotes and
   * comments; anything unbalanced counts as "not top level".
   */
  static boolean topLevel(String text, int line) {
    List<String> lines = text.lines().toList();
    int depth = 0;
    for (int i = 0; i < Math.min(line, lines.size()); i++) {
      for (String word : words(lines.get(i))) {
        switch (word) {
          case "if", "case", "for", "while", "until", "select", "{" -> depth++;
          case "fi", "esac", "done", "}" -> depth--;
          default -> {
          }
        }
        if (depth < 0) {
          return false;
        }
      }
    }
    return depth == 0;
  }

  /** Shell words of one line, quotes and comments dropped, {@code ;} {@code (} {@code )} as separators. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"') {
          i++;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        word.append('q');
      } else if (c == '\\') {
        i++;
      } else if (c == '#' && word.length() == 0) {
        break;
      } else if (Character.isWhitespace(c) || c == ';' || c == '&' || c == '|') {
        flush(word, words);
      } else if (c == '(' || c == ')') {
        flush(word, words);
        if (c == '(' && i + 1 < line.length() && line.charAt(i + 1) == ')') {
          i++; // a function definition "name()": its body follows, counted by its brace.
        }
      } else {
        word.append(c);
      }
    }
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  /** True when a line uses syntax /bin/sh (dash) does not understand. */
  static boolean bashOnly(String line) {
    return BASH_ONLY.matcher(line).find();
  }

  /**
   * A fix that deletes {@code lines} (each a whole line) and appends {@code texts} to {@code target} with a
   * comment saying where they came from and {@code why}; the target is created when absent. Empty when a line cannot be read.
   */
  static Optional<Fix> moveLines(Root root, List<Provenance> lines, List<String> texts, String target, String why,
      String title, boolean preferred) {
    List<TextEdit> edits = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (Provenance p : lines) {
      if (lineText(root, p.location()).isEmpty()) {
        return Optional.empty();
      }
      int n = p.location().range().startLine();
      edits.add(new TextEdit(p.location().file(), new TextRange(n, 0, n + 1, 0), ""));
      if (!sources.contains(p.location().file())) {
        sources.add(p.location().file());
      }
    }
    StringBuilder block = new StringBuilder("# Moved from " + String.join(", ", sources) + " by go-env-doctor: " + why + "\n");
    texts.forEach(t -> block.append(t.strip()).append('\n'));
    Optional<String> existing = fileText(root, target);
    if (existing.isEmpty()) {
      return root.exists(target) ? Optional.empty()
          : Optional.of(new Fix(title, preferred, edits, List.of(new FileCreation(target, block.toString()))));
    }
    edits.add(append(target, existing.get(), "\n" + block));
    return Optional.of(new Fix(title, preferred, edits, List.of()));
  }

  /**
   * A fix that drops the parts of a one-line PATH assignment that {@code drop} selects; when only the old
   * {@code $PATH} would remain, the whole line goes (if it stands outside any block). Empty when the line
   * is not a plain assignment or nothing would change.
   */
  static Optional<Fix> withoutSegments(Root root, Provenance line, Predicate<String> drop, String title,
      boolean preferred) {
    if (!inStartupFile(line) || !wholeLine(root, line)) {
      return Optional.empty();
    }
    Optional<String> text = lineText(root, line.location());
    Optional<StartupFilePathValue> value = text.flatMap(StartupFilePathValue::parse);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    List<String> kept = value.get().segments().stream().filter(s -> StartupFilePathValue.isPathReference(s) || !drop.test(s))
        .toList();
    if (kept.size() == value.get().segments().size()) {
      return Optional.empty();
    }
    int n = line.location().range().startLine();
    if (kept.stream().allMatch(StartupFilePathValue::isPathReference)) {
      boolean top = fileText(root, line.location().file()).map(t -> topLevel(t, n)).orElse(false);
      return top ? Optional.of(new Fix(title, preferred, List.of(new TextEdit(line.location().file(),
          new TextRange(n, 0, n + 1, 0), "")), List.of())) : Optional.empty();
    }
    return Optional.of(StartupFileFixes.replaceLine(line, text.get(), value.get().withSegments(kept), title, preferred));
  }

  /** An edit that adds {@code text} at the very end of a file, after a newline if the file lacks a final one. */
  static TextEdit append(String file, String current, String text) {
    LineIndex index = LineIndex.of(current);
    int last = index.lineCount() - 1;
    boolean endsWithNewline = current.isEmpty() || current.endsWith("\n");
    String prefix = endsWithNewline ? "" : "\n";
    if (current.isEmpty() && text.startsWith("\n")) {
      text = text.substring(1);
    }
    return new TextEdit(file, TextRange.line(last, index.lineText(last).length(), index.lineText(last).length()),
        prefix + text);
  }

  /** The layers that can be judged: every one whose source is known. */
  static List<Layer> knownLayers(Snapshot snapshot) {
    return snapshot.layers().stream().filter(l -> l.source() != LayerSource.UNAVAILABLE).toList();
  }

  /** "the login and terminal layers": the layer ids in words. */
  static String layerNames(List<LayerId> ids) {
    List<String> names = ids.stream().map(LayerId::id).distinct().toList();
    String joined = names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    return "the " + joined + (names.size() == 1 ? " layer" : " layers");
  }

  /**
   * True when a PATH entry holds the text of a command the simulation did not run ({@code $(go env GOPATH)/bin}):
   * it says nothing about the real directory.
   */
  static boolean dynamic(Snapshot snapshot, String dir) {
    if (dir.contains("$(") || dir.contains("`")) {
      return true;
    }
    return snapshot.startup().stream().flatMap(r -> r.path().stream())
        .anyMatch(e -> e.directory().equals(dir) && e.dynamic());
  }

  /** One PATH entry seen in some layers, with the line that added it: rules report each once. */
  record SeenEntry(String dir, Optional<Provenance> origin, PathEntry.State state, List<LayerId> layers) {}

  /** The entries of every known layer in {@code states}, grouped by directory and origin, in layer order. */
  static List<SeenEntry> entries(Snapshot snapshot, Set<PathEntry.State> states) {
    Map<List<Object>, SeenEntry> seen = new LinkedHashMap<>();
    for (Layer layer : knownLayers(snapshot)) {
      for (PathEntry e : layer.path()) {
        if (!states.contains(e.state())) {
          continue;
        }
        List<Object> key = List.of(e.dir(), e.origin().map(p -> (Object) p.location()).orElse(""), e.state());
        SeenEntry before = seen.get(key);
        List<LayerId> layers = new ArrayList<>(before == null ? List.of() : before.layers());
        if (!layers.contains(layer.id())) {
          layers.add(layer.id());
        }
        seen.put(key, new SeenEntry(e.dir(), e.origin(), e.state(), List.copyOf(layers)));
      }
    }
    return List.copyOf(seen.values());
  }

  /** True when a provenance points into a shell startup file (not a settings file or pam's files). */
  static boolean inStartupFile(Provenance p) {
    String f = p.location().file();
    return !f.endsWith(".json") && !f.equals("/etc/environment") && !f.endsWith("/.pam_environment")
        && !f.contains("/environment.d/");
  }

  static boolean same(Provenance a, Provenance b) {
    return a != null && b != null && Objects.equals(a.location(), b.location());
  }
}
