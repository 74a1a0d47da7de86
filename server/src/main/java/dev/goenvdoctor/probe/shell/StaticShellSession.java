package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellLineNode.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable bookkeeping of one simulated shell start: files met, notes, statements found and run, the
 * stack of files being sourced, and the work budget. One session per evaluation; never shared.
 */
final class StaticShellSession {
  static final int MAX_FILE_BYTES = 1 << 20;
  static final int MAX_SOURCE_DEPTH = 10;
  static final int MAX_STEPS = 50_000;
  static final int MAX_FILES = 300;

  final Root root;
  final ShellKind kind;
  final ShellMode mode;
  final int uid;
  final List<StartupFile> files = new ArrayList<>();
  private final Set<String> noteKeys = new HashSet<>();
  final List<StartupNote> notes = new ArrayList<>();
  private final List<Draft> drafts = new ArrayList<>();
  private final Set<DraftKey> draftKeys = new HashSet<>();
  private final Set<Object> executed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Object, GuardSite> guards = new IdentityHashMap<>();
  private final Map<String, Loaded> cache = new HashMap<>();
  private final Set<String> scanned = new HashSet<>();
  final Deque<String> fileStack = new ArrayDeque<>();
  private int steps;
  private boolean budgetNoted;

  StaticShellSession(Root root, ShellKind kind, ShellMode mode, int uid) {
    this.root = root;
    this.kind = kind;
    this.mode = mode;
    this.uid = uid;
  }

  /** A file's text, split into lines for provenance. */
  record Loaded(String path, String text, String[] lines) {}

  private record Draft(Object node, Provenance provenance, StartupStatement.Kind kind, String subject,
      Provenance guard, Set<StartupStatement.Flag> flags) {}

  /**
   * Reads a file for sourcing, recording what happened. Returns null (after recording why) when the file is
   * missing, unreadable, too big, already being read, or too deep.
   */
  Loaded load(String path, Provenance includedFrom, String reason) {
    String machine = Root.normalize(path);
    if (fileStack.contains(machine)) {
      files.add(new StartupFile(machine, StartupFileStatus.CYCLE, "sourced again while it is still being read",
          includedFrom));
      note(includedFrom, StartupNote.Kind.FILE_SKIPPED, machine + " sources itself (directly or through other files);"
          + " a real shell would loop here, the simulation reads it once");
      return null;
    }
    if (fileStack.size() >= MAX_SOURCE_DEPTH) {
      files.add(new StartupFile(machine, StartupFileStatus.TOO_DEEP, "sourced more than " + MAX_SOURCE_DEPTH
          + " levels deep", includedFrom));
      note(includedFrom, StartupNote.Kind.FILE_SKIPPED, machine + " is sourced more than " + MAX_SOURCE_DEPTH
          + " levels deep; not simulated");
      return null;
    }
    if (files.size() >= MAX_FILES) {
      note(includedFrom, StartupNote.Kind.LIMIT, "more than " + MAX_FILES + " startup files; " + machine
          + " and later files were not simulated");
      return null;
    }
    Loaded cached = cache.get(machine);
    if (cached != null) {
      files.add(new StartupFile(machine, StartupFileStatus.READ, reason, includedFrom));
      return cached;
    }
    if (!root.exists(machine)) {
      files.add(new StartupFile(machine, StartupFileStatus.MISSING, "does not exist", includedFrom));
      return null;
    }
    if (!root.isRegularFile(machine)) {
      files.add(new StartupFile(machine, StartupFileStatus.UNREADABLE, "not a regular file", includedFrom));
      return null;
    }
    var bytes = root.readBytes(machine, MAX_FILE_BYTES + 1);
    if (bytes.isEmpty()) {
      files.add(new StartupFile(machine, StartupFileStatus.UNREADABLE, "cannot be read", includedFrom));
      note(includedFrom, StartupNote.Kind.FILE_SKIPPED, machine + " cannot be read; not simulated");
      return null;
    }
    if (bytes.get().length > MAX_FILE_BYTES) {
      files.add(new StartupFile(machine, StartupFileStatus.TOO_BIG, "larger than 1 MiB", includedFrom));
      note(includedFrom, StartupNote.Kind.FILE_SKIPPED, machine + " is larger than 1 MiB; the shell reads it, the"
          + " simulation skips it");
      return null;
    }
    Loaded loaded = decode(machine, bytes.get(), includedFrom);
    cache.put(machine, loaded);
    files.add(new StartupFile(machine, StartupFileStatus.READ, reason, includedFrom));
    return loaded;
  }

  /** Reads a file that no start reads, only to list its statements; null when absent or unusable. */
  Loaded peek(String path) {
    String machine = Root.normalize(path);
    Loaded cached = cache.get(machine);
    if (cached != null) {
      return cached;
    }
    if (!root.isRegularFile(machine)) {
      return null;
    }
    var bytes = root.readBytes(machine, MAX_FILE_BYTES + 1);
    if (bytes.isEmpty() || bytes.get().length > MAX_FILE_BYTES) {
      return null;
    }
    Loaded loaded = decode(machine, bytes.get(), null);
    cache.put(machine, loaded);
    return loaded;
  }

  private Loaded decode(String machine, byte[] bytes, Provenance includedFrom) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\0') >= 0) {
      // bash drops NUL bytes from scripts; keep the rest so line numbers still match.
      text = text.replace("\0", "");
      note(includedFrom, StartupNote.Kind.INFO, machine + " contains NUL bytes; shells drop them");
    }
    if (text.indexOf('\uFFFD') >= 0) {
      note(includedFrom, StartupNote.Kind.INFO, machine + " is not valid UTF-8; undecodable bytes are shown as U+FFFD");
    }
    if (text.contains("\r\n")) {
      note(includedFrom, StartupNote.Kind.INFO, machine + " has Windows (CRLF) line endings; the shell keeps the"
          + " carriage return in values, which breaks PATH entries");
    }
    return new Loaded(machine, text, text.split("\n", -1));
  }

  /** True the first time a file's statements are listed (each file is scanned once per session). */
  boolean firstScan(String path) {
    return scanned.add(path);
  }

  void note(Provenance where, StartupNote.Kind kind, String message) {
    String key = (where == null ? "" : where.display()) + "|" + kind + "|" + message;
    if (noteKeys.add(key)) {
      notes.add(new StartupNote(where, kind, message));
    }
  }

  static Provenance provenance(String file, String[] lines, Span span) {
    int line = Math.max(0, Math.min(span.line(), lines.length - 1));
    String text = lines.length == 0 ? "" : lines[line];
    int endLine = Math.max(line, Math.min(span.endLine(), lines.length - 1));
    int endColumn = endLine == line ? Math.max(span.column(), Math.min(span.endColumn(), text.length()))
        : span.endColumn();
    return new Provenance(new Location(file, new TextRange(line, Math.min(span.column(), text.length()), endLine,
        endColumn)), text.trim());
  }

  static Provenance lineProvenance(String file, String[] lines, int line) {
    String text = line < lines.length ? lines[line] : "";
    return new Provenance(Location.ofLine(file, line, text), text.trim());
  }

  void statement(Object node, Provenance provenance, StartupStatement.Kind kind, String subject, Provenance guard,
      Set<StartupStatement.Flag> flags) {
    if (draftKeys.add(new DraftKey(provenance.location(), kind, subject))) {
      drafts.add(new Draft(node, provenance, kind, subject, guard,
          flags.isEmpty() ? EnumSet.noneOf(StartupStatement.Flag.class) : EnumSet.copyOf(flags)));
    }
  }

  void executed(Object node) {
    executed.add(node);
  }

  private record GuardSite(String file, Span span) {}

  /** One statement at one place: a record, not a string, because formatting a location per statement slowed a cold start. */
  private record DraftKey(Location location, StartupStatement.Kind kind, String subject) {}

  void guard(Object node, String file, Span span) {
    guards.put(node, new GuardSite(file, span));
  }

  /** True when the node (with that span in that file) is, or contains, an interactive-only guard. */
  boolean insideGuard(Object node, Span span, String file) {
    for (Map.Entry<Object, GuardSite> g : guards.entrySet()) {
      if (g.getKey() == node) {
        return true;
      }
      GuardSite site = g.getValue();
      if (site.file().equals(file) && site.span().start() >= span.start() && site.span().end() <= span.end()) {
        return true;
      }
    }
    return false;
  }

  List<StartupStatement> statements() {
    List<StartupStatement> out = new ArrayList<>();
    for (Draft d : drafts) {
      out.add(new StartupStatement(d.provenance(), d.kind(), d.subject(), d.guard(), executed.contains(d.node()),
          new LinkedHashSet<>(d.flags())));
    }
    return out;
  }

  /** Counts one unit of work; false once the budget is spent (noted once). */
  boolean step(Provenance where) {
    if (++steps <= MAX_STEPS) {
      return true;
    }
    if (!budgetNoted) {
      budgetNoted = true;
      note(where, StartupNote.Kind.LIMIT, "the simulation stopped after " + MAX_STEPS + " commands; later lines"
          + " were not simulated");
    }
    return false;
  }
}
