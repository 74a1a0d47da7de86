package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.shell.ShellLineNode.AndOr;
import dev.goenvdoctor.probe.shell.ShellLineNode.Case;
import dev.goenvdoctor.probe.shell.ShellLineNode.For;
import dev.goenvdoctor.probe.shell.ShellLineNode.FunctionDef;
import dev.goenvdoctor.probe.shell.ShellLineNode.Group;
import dev.goenvdoctor.probe.shell.ShellLineNode.If;
import dev.goenvdoctor.probe.shell.ShellLineNode.Loop;
import dev.goenvdoctor.probe.shell.ShellLineNode.Pipeline;
import dev.goenvdoctor.probe.shell.ShellLineNode.Sequence;
import dev.goenvdoctor.probe.shell.ShellLineNode.Simple;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the statements of interest in one POSIX-family file, whether or not a start runs them, each with
 * the interactive-only guard above it. Works on the syntax tree alone.
 */
final class StartupStatementScanner {
  private static final Pattern PATH_REFERENCE = Pattern.compile("\\$\\{?(PATH|path)\\b");
  private static final Pattern QUOTED_ASSIGNMENT = Pattern.compile("([\"'])([A-Za-z_][A-Za-z0-9_]*)(\\+?)=(.*)",
      Pattern.DOTALL);
  private static final Pattern GOENV_INIT = Pattern.compile("goenv[\"']?\\s+init\\b");
  private static final Pattern MISE_ACTIVATE = Pattern.compile("(mise|rtx)[\"']?\\s+activate\\b");

  private final StaticShellSession session;
  private final StaticShellSession.Loaded file;
  private final GuardDetector guards;
  private final ShellKind kind;

  private StartupStatementScanner(StaticShellSession session, StaticShellSession.Loaded file, ShellKind kind) {
    this.session = session;
    this.file = file;
    this.kind = kind;
    this.guards = new GuardDetector(kind, session.root);
  }

  static void scan(StaticShellSession session, StaticShellSession.Loaded file, Sequence ast, ShellKind kind) {
    if (session.firstScan(file.path())) {
      new StartupStatementScanner(session, file, kind).sequence(ast, null, true);
    }
  }

  /** Scans a list; returns the guard in effect after it (a guard inside a block covers what follows). */
  private Provenance sequence(Sequence seq, Provenance guard, boolean propagate) {
    Provenance g = guard;
    for (ShellLineNode item : seq.items()) {
      Provenance after = node(item, g);
      if (guards.isGuard(item)) {
        Provenance p = prov(item);
        session.guard(item, file.path(), item.span());
        session.statement(item, p, StartupStatement.Kind.INTERACTIVE_GUARD, "interactive", g, Set.of());
        if (g == null) {
          g = p;
        }
      } else if (propagate && after != null && g == null) {
        g = after;
      }
    }
    return g;
  }

  private Provenance node(ShellLineNode node, Provenance guard) {
    if (node instanceof Simple s) {
      simple(s, guard);
    } else if (node instanceof AndOr a) {
      a.items().forEach(i -> node(i, guard));
    } else if (node instanceof Pipeline p) {
      p.commands().forEach(c -> node(c, guard));
    } else if (node instanceof If i) {
      Provenance out = null;
      for (int k = 0; k < i.conditions().size(); k++) {
        sequence(i.conditions().get(k), guard, false);
        Provenance bodyGuard = guard == null && k == 0 && guards.interactiveOnly(i.conditions().get(k))
            ? prov(node) : guard;
        Provenance after = sequence(i.bodies().get(k), bodyGuard, true);
        if (after != null && after != bodyGuard) {
          out = after;
        }
      }
      if (i.elseBody() != null) {
        sequence(i.elseBody(), guard, true);
      }
      return out;
    } else if (node instanceof Case c) {
      int interactiveArm = guard == null ? guards.interactiveArm(c) : -1;
      for (int k = 0; k < c.arms().size(); k++) {
        sequence(c.arms().get(k).body(), k == interactiveArm ? prov(node) : guard, false);
      }
    } else if (node instanceof For f) {
      sequence(f.body(), guard, false);
    } else if (node instanceof Loop l) {
      sequence(l.condition(), guard, false);
      sequence(l.body(), guard, false);
    } else if (node instanceof Group g) {
      Provenance after = sequence(g.body(), guard, true);
      return g.subshell() || after == guard ? null : after;
    } else if (node instanceof FunctionDef f) {
      node(f.body(), guard);
    }
    return null;
  }

  private void simple(Simple s, Provenance guard) {
    Provenance p = prov(s);
    if (s.words().isEmpty()) {
      for (ShellWord w : s.assignments()) {
        assignment(s, p, guard, w.assignment(), false);
      }
      return;
    }
    String cmd = s.commandName();
    List<ShellWord> args = s.words().subList(1, s.words().size());
    switch (cmd) {
      case "export", "declare", "typeset", "local", "readonly" -> {
        boolean exported = cmd.equals("export");
        for (ShellWord w : args) {
          if (w.raw().startsWith("-") && w.raw().contains("x") && !w.raw().contains("=")) {
            exported = true;
            continue;
          }
          ShellWord.Assignment a = w.assignment();
          if (a == null) {
            Matcher m = QUOTED_ASSIGNMENT.matcher(w.raw());
            if (m.matches()) {
              a = new ShellWord.Assignment(m.group(2), false, !m.group(3).isEmpty(), m.group(1) + m.group(4));
            }
          }
          if (a != null) {
            assignment(s, p, guard, a, exported);
          }
        }
      }
      case "unset" -> {
        for (ShellWord w : args) {
          String subject = subject(w.raw());
          if (subject != null) {
            session.statement(s, p, StartupStatement.Kind.UNSET, subject, guard, Set.of());
          }
        }
      }
      case "source", "." -> {
        if (args.isEmpty()) {
          return;
        }
        String target = args.get(0).raw();
        String tool = toolOfSource(target);
        if (tool != null) {
          session.statement(s, p, StartupStatement.Kind.TOOL_ACTIVATION, tool, guard, Set.of());
        } else {
          session.statement(s, p, StartupStatement.Kind.SOURCE, target, guard, Set.of());
        }
      }
      case "eval" -> {
        StringBuilder text = new StringBuilder();
        args.forEach(w -> text.append(w.raw()).append(' '));
        String tool = toolOfCommand(text.toString());
        if (tool != null) {
          session.statement(s, p, StartupStatement.Kind.TOOL_ACTIVATION, tool, guard, Set.of());
        }
      }
      default -> {
      }
    }
  }

  private void assignment(Simple s, Provenance p, Provenance guard, ShellWord.Assignment a, boolean exported) {
    if (a == null) {
      return;
    }
    String subject = subject(a.name());
    if (subject == null) {
      return;
    }
    Set<StartupStatement.Flag> flags = EnumSet.noneOf(StartupStatement.Flag.class);
    if (exported) {
      flags.add(StartupStatement.Flag.EXPORTED);
    }
    if (subject.equals("PATH")) {
      pathFlags(a.value(), a.append(), flags);
      String tool = toolOfPath(a.value());
      if (tool != null) {
        session.statement(s, p, StartupStatement.Kind.TOOL_ACTIVATION, tool, guard, Set.of());
      }
    }
    session.statement(s, p, StartupStatement.Kind.ASSIGNMENT, subject, guard, flags);
  }

  /** The statement subject for a variable name, or null when it is not tracked. */
  private String subject(String name) {
    if (name.equals("path") && kind == ShellKind.ZSH) {
      return "PATH";
    }
    return StaticShellEvaluator.TRACKED_VARIABLES.contains(name) ? name : null;
  }

  static void pathFlags(String raw, boolean append, Set<StartupStatement.Flag> flags) {
    if (literalTilde(raw)) {
      flags.add(StartupStatement.Flag.LITERAL_TILDE);
    }
    if (append) {
      flags.add(StartupStatement.Flag.APPENDS);
      return;
    }
    Matcher m = PATH_REFERENCE.matcher(raw);
    if (!m.find()) {
      flags.add(StartupStatement.Flag.CLOBBERS_PATH);
      return;
    }
    String before = raw.substring(0, m.start()).replaceAll("[\"'(\\s]", "");
    int end = m.end();
    if (raw.startsWith("${", m.start())) {
      end = Math.min(raw.length(), ShellWordScanner.afterBrace(raw, m.start() + 2));
    } else if (raw.startsWith("[@]}", end)) {
      end += 4;
    }
    String after = raw.substring(end).replaceAll("[\"'()\\s}]", "").replace("[@]", "");
    if (!before.isEmpty()) {
      flags.add(StartupStatement.Flag.PREPENDS);
    }
    if (!after.isEmpty()) {
      flags.add(StartupStatement.Flag.APPENDS);
    }
  }

  /** True when a quoted '~' starts a PATH entry (it stays literal). */
  static boolean literalTilde(String raw) {
    boolean single = false;
    boolean dbl = false;
    boolean entryStart = true;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
        continue;
      }
      if (c == '"' && !single) {
        dbl = !dbl;
        continue;
      }
      if (c == '(' && i == 0) {
        continue;
      }
      if (c == '~' && entryStart && (single || dbl)) {
        return true;
      }
      entryStart = c == ':' || (c == ' ' && !single && !dbl);
    }
    return false;
  }

  static String toolOfSource(String target) {
    if (target.startsWith("<(")) {
      return toolOfCommand(target);
    }
    String t = target.replace("\"", "").replace("'", "");
    if (t.endsWith("/asdf.sh") || t.endsWith("/asdf.fish")) {
      return "asdf";
    }
    if (t.endsWith(".gvm/scripts/gvm") || t.endsWith("/scripts/gvm") && t.contains("gvm")) {
      return "gvm";
    }
    return null;
  }

  static String toolOfCommand(String text) {
    if (GOENV_INIT.matcher(text).find()) {
      return "goenv";
    }
    if (MISE_ACTIVATE.matcher(text).find()) {
      return "mise";
    }
    return null;
  }

  static String toolOfPath(String raw) {
    if (raw.contains(".asdf/shims") || raw.contains("ASDF_DATA_DIR")) {
      return "asdf";
    }
    if (raw.contains(".goenv/shims") || raw.contains("GOENV_ROOT}/shims") || raw.contains("GOENV_ROOT/shims")) {
      return "goenv";
    }
    if (raw.contains("mise/shims")) {
      return "mise";
    }
    if (raw.contains(".gvm/") || raw.contains("GVM_ROOT")) {
      return "gvm";
    }
    return null;
  }

  private Provenance prov(ShellLineNode node) {
    return StaticShellSession.provenance(file.path(), file.lines(), node.span());
  }
}
