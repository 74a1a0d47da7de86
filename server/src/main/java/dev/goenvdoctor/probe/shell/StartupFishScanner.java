package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.Begin;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.Block;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.Command;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.For;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.Function;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.If;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.Job;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.Statement;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.Switch;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.While;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the statements of interest in a fish file ({@code set} of tracked variables, {@code fish_add_path},
 * {@code fish_user_paths}, {@code source}, version manager activations) with the interactive-only guard
 * above each: {@code status is-interactive || exit} (any and/or layout) or an enclosing
 * {@code if status is-interactive} block.
 */
final class StartupFishScanner {
  private final StaticShellSession session;
  private final StaticShellSession.Loaded file;

  private StartupFishScanner(StaticShellSession session, StaticShellSession.Loaded file) {
    this.session = session;
    this.file = file;
  }

  static void scan(StaticShellSession session, StaticShellSession.Loaded file, Block ast) {
    if (session.firstScan(file.path())) {
      new StartupFishScanner(session, file).block(ast, null);
    }
  }

  private Provenance block(Block b, Provenance guard) {
    Provenance g = guard;
    for (Statement st : b.statements()) {
      statement(st, g);
      if (isGuard(b, st)) {
        Provenance p = prov(st);
        session.guard(st, file.path(), st.span());
        session.statement(st, p, StartupStatement.Kind.INTERACTIVE_GUARD, "interactive", g, Set.of());
        if (g == null) {
          g = p;
        }
      }
    }
    return g;
  }

  private void statement(Statement st, Provenance guard) {
    StaticShellFishNode body = st.body();
    if (body instanceof Job j) {
      job(j, st, guard);
    } else if (body instanceof If i) {
      for (int k = 0; k < i.conditions().size(); k++) {
        block(i.conditions().get(k), guard);
        boolean interactiveOnly = guard == null && k == 0 && status(i.conditions().get(k), true)
            == StaticShellStatus.TRUE && status(i.conditions().get(k), false) == StaticShellStatus.FALSE;
        block(i.bodies().get(k), interactiveOnly ? prov(st) : guard);
      }
      if (i.elseBody() != null) {
        block(i.elseBody(), guard);
      }
    } else if (body instanceof For f) {
      block(f.body(), guard);
    } else if (body instanceof While w) {
      block(w.condition(), guard);
      block(w.body(), guard);
    } else if (body instanceof Function f) {
      block(f.body(), guard);
    } else if (body instanceof Begin b) {
      block(b.body(), guard);
    } else if (body instanceof Switch s) {
      s.cases().forEach(c -> block(c.body(), guard));
    }
  }

  private void job(Job j, Statement st, Provenance guard) {
    Provenance p = prov(st);
    List<Command> commands = j.commands();
    if (commands.size() > 1 && commands.get(commands.size() - 1).name().equals("source")) {
      String tool = StartupStatementScanner.toolOfCommand(text(commands.get(0).words()));
      if (tool != null) {
        session.statement(j, p, StartupStatement.Kind.TOOL_ACTIVATION, tool, guard, Set.of());
      }
    }
    for (Command c : commands) {
      command(c, j, p, guard);
    }
  }

  private void command(Command c, Object node, Provenance p, Provenance guard) {
    List<ShellWord> w = c.words();
    switch (c.name()) {
      case "set", "setenv" -> set(c, node, p, guard);
      case "fish_add_path" -> {
        Set<StartupStatement.Flag> flags = EnumSet.of(StartupStatement.Flag.EXPORTED);
        boolean path = false;
        boolean global = false;
        boolean append = false;
        for (ShellWord a : w.subList(1, w.size())) {
          String r = a.raw();
          if (r.startsWith("--")) {
            path |= r.equals("--path");
            global |= r.equals("--global");
            append |= r.equals("--append");
          } else if (r.startsWith("-")) {
            path |= r.contains("P");
            global |= r.contains("g");
            append |= r.contains("a");
          } else if (StartupStatementScanner.literalTilde(r)) {
            flags.add(StartupStatement.Flag.LITERAL_TILDE);
          }
        }
        flags.add(append ? StartupStatement.Flag.APPENDS : StartupStatement.Flag.PREPENDS);
        if (!path && !global) {
          flags.add(StartupStatement.Flag.UNIVERSAL);
        }
        session.statement(node, p, StartupStatement.Kind.ASSIGNMENT, "PATH", guard, flags);
      }
      case "source", "." -> {
        if (w.size() < 2) {
          return;
        }
        String target = w.get(1).raw();
        String tool = StartupStatementScanner.toolOfCommand(target);
        if (tool == null) {
          tool = StartupStatementScanner.toolOfSource(target);
        }
        if (tool != null) {
          session.statement(node, p, StartupStatement.Kind.TOOL_ACTIVATION, tool, guard, Set.of());
        } else {
          session.statement(node, p, StartupStatement.Kind.SOURCE, target, guard, Set.of());
        }
      }
      case "eval" -> {
        String tool = StartupStatementScanner.toolOfCommand(text(w));
        if (tool != null) {
          session.statement(node, p, StartupStatement.Kind.TOOL_ACTIVATION, tool, guard, Set.of());
        }
      }
      default -> {
      }
    }
  }

  private void set(Command c, Object node, Provenance p, Provenance guard) {
    List<ShellWord> w = c.words();
    boolean setenv = c.name().equals("setenv");
    Set<StartupStatement.Flag> flags = EnumSet.noneOf(StartupStatement.Flag.class);
    boolean erase = false;
    boolean query = false;
    boolean append = false;
    boolean prepend = false;
    int k = 1;
    if (setenv) {
      flags.add(StartupStatement.Flag.EXPORTED);
    } else {
      for (; k < w.size() && w.get(k).raw().startsWith("-"); k++) {
        String r = w.get(k).raw();
        if (r.equals("--")) {
          k++;
          break;
        }
        if (r.startsWith("--")) {
          erase |= r.equals("--erase");
          query |= r.equals("--query");
          append |= r.equals("--append");
          prepend |= r.equals("--prepend");
          if (r.equals("--export")) {
            flags.add(StartupStatement.Flag.EXPORTED);
          }
          if (r.equals("--universal")) {
            flags.add(StartupStatement.Flag.UNIVERSAL);
          }
          continue;
        }
        erase |= r.contains("e");
        query |= r.contains("q");
        append |= r.contains("a");
        prepend |= r.contains("p");
        if (r.contains("x")) {
          flags.add(StartupStatement.Flag.EXPORTED);
        }
        if (r.contains("U")) {
          flags.add(StartupStatement.Flag.UNIVERSAL);
        }
      }
    }
    if (query || k >= w.size()) {
      return;
    }
    String name = w.get(k).raw().replaceAll("\\[.*$", "");
    String subject = name.equals("fish_user_paths") ? "PATH"
        : StaticShellEvaluator.TRACKED_VARIABLES.contains(name) ? name : null;
    if (subject == null) {
      return;
    }
    if (erase) {
      session.statement(node, p, StartupStatement.Kind.UNSET, subject, guard, Set.of());
      return;
    }
    List<ShellWord> values = w.subList(k + 1, w.size());
    if (subject.equals("PATH")) {
      flags.add(StartupStatement.Flag.EXPORTED);
      int self = -1;
      for (int v = 0; v < values.size(); v++) {
        String r = values.get(v).raw();
        if (r.matches(".*\\$(PATH|fish_user_paths)\\b.*")) {
          self = v;
        }
        if (StartupStatementScanner.literalTilde(r)) {
          flags.add(StartupStatement.Flag.LITERAL_TILDE);
        }
      }
      if (append) {
        flags.add(StartupStatement.Flag.APPENDS);
      } else if (prepend) {
        flags.add(StartupStatement.Flag.PREPENDS);
      } else if (self < 0) {
        flags.add(StartupStatement.Flag.CLOBBERS_PATH);
      } else {
        if (self > 0) {
          flags.add(StartupStatement.Flag.PREPENDS);
        }
        if (self < values.size() - 1) {
          flags.add(StartupStatement.Flag.APPENDS);
        }
      }
      String tool = StartupStatementScanner.toolOfPath(text(values));
      if (tool != null) {
        session.statement(node, p, StartupStatement.Kind.TOOL_ACTIVATION, tool, guard, Set.of());
      }
    }
    session.statement(node, p, StartupStatement.Kind.ASSIGNMENT, subject, guard, flags);
  }

  // ---- guards ----

  private boolean isGuard(Block b, Statement st) {
    return returns(st, false) == StaticShellStatus.TRUE && returns(st, true) == StaticShellStatus.FALSE
        || chainGuard(b, st);
  }

  /** {@code status is-interactive; or exit} spans two statements: judge the exit with its chain. */
  private boolean chainGuard(Block b, Statement st) {
    if (st.conjunction().isEmpty() || !isLeave(st)) {
      return false;
    }
    int at = b.statements().indexOf(st);
    int start = at;
    while (start > 0 && !b.statements().get(start).conjunction().isEmpty()) {
      start--;
    }
    Block chain = new Block(st.span(), b.statements().subList(start, at + 1));
    return returnsBlock(chain, false) == StaticShellStatus.TRUE
        && returnsBlock(chain, true) == StaticShellStatus.FALSE;
  }

  private static boolean isLeave(Statement st) {
    return st.body() instanceof Job j && j.commands().size() == 1
        && Set.of("exit", "return").contains(j.commands().get(0).name());
  }

  static StaticShellStatus returns(Statement st, boolean interactive) {
    if (!st.conjunction().isEmpty()) {
      return StaticShellStatus.FALSE; // judged with its chain
    }
    if (isLeave(st)) {
      return StaticShellStatus.TRUE;
    }
    if (st.body() instanceof If i) {
      for (int k = 0; k < i.conditions().size(); k++) {
        StaticShellStatus c = status(i.conditions().get(k), interactive);
        if (c == StaticShellStatus.UNKNOWN) {
          return StaticShellStatus.UNKNOWN;
        }
        if (c == StaticShellStatus.TRUE) {
          return returnsBlock(i.bodies().get(k), interactive);
        }
      }
      return i.elseBody() == null ? StaticShellStatus.FALSE : returnsBlock(i.elseBody(), interactive);
    }
    if (st.body() instanceof Begin b) {
      return returnsBlock(b.body(), interactive);
    }
    return StaticShellStatus.FALSE;
  }

  static StaticShellStatus returnsBlock(Block b, boolean interactive) {
    StaticShellStatus last = StaticShellStatus.TRUE;
    for (Statement st : b.statements()) {
      StaticShellStatus runs = st.conjunction().isEmpty() ? StaticShellStatus.TRUE
          : st.conjunction().equals("and") ? last : last.not();
      if (runs == StaticShellStatus.FALSE) {
        continue;
      }
      if (isLeave(st)) {
        return runs == StaticShellStatus.TRUE ? StaticShellStatus.TRUE : StaticShellStatus.UNKNOWN;
      }
      Statement plain = new Statement(st.span(), "", st.negate(), st.body());
      StaticShellStatus r = returns(plain, interactive);
      if (r != StaticShellStatus.FALSE) {
        return r == StaticShellStatus.TRUE && runs == StaticShellStatus.TRUE ? r : StaticShellStatus.UNKNOWN;
      }
      StaticShellStatus s = statementStatus(st, interactive);
      last = runs == StaticShellStatus.TRUE || s == last ? s : StaticShellStatus.UNKNOWN;
    }
    return StaticShellStatus.FALSE;
  }

  /** The status of a condition block when only interactivity is known. */
  static StaticShellStatus status(Block b, boolean interactive) {
    StaticShellStatus last = StaticShellStatus.TRUE;
    for (Statement st : b.statements()) {
      StaticShellStatus s = statementStatus(st, interactive);
      last = switch (st.conjunction()) {
        case "and" -> last == StaticShellStatus.FALSE ? last : last.and(s);
        case "or" -> last == StaticShellStatus.TRUE ? last : last.or(s);
        default -> s;
      };
    }
    return last;
  }

  private static StaticShellStatus statementStatus(Statement st, boolean interactive) {
    StaticShellStatus s = StaticShellStatus.UNKNOWN;
    if (st.body() instanceof Job j && j.commands().size() == 1) {
      List<ShellWord> w = j.commands().get(0).words();
      String name = w.get(0).raw();
      if (name.equals("status") && w.size() >= 2) {
        String sub = w.get(1).raw();
        if (Set.of("is-interactive", "--is-interactive", "-i").contains(sub)) {
          s = StaticShellStatus.of(interactive);
        } else if (Set.of("is-login", "--is-login", "-l").contains(sub)) {
          s = StaticShellStatus.TRUE;
        }
      } else if (name.equals("true")) {
        s = StaticShellStatus.TRUE;
      } else if (name.equals("false")) {
        s = StaticShellStatus.FALSE;
      }
    }
    return st.negate() ? s.not() : s;
  }

  private static String text(List<ShellWord> words) {
    StringBuilder sb = new StringBuilder();
    words.forEach(w -> sb.append(w.raw()).append(' '));
    return sb.toString();
  }

  private Provenance prov(StaticShellFishNode node) {
    return StaticShellSession.provenance(file.path(), file.lines(), node.span());
  }
}
