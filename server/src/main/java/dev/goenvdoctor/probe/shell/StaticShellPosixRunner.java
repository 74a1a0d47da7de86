package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellLineNode.AndOr;
import dev.goenvdoctor.probe.shell.ShellLineNode.Case;
import dev.goenvdoctor.probe.shell.ShellLineNode.CaseArm;
import dev.goenvdoctor.probe.shell.ShellLineNode.For;
import dev.goenvdoctor.probe.shell.ShellLineNode.FunctionDef;
import dev.goenvdoctor.probe.shell.ShellLineNode.Group;
import dev.goenvdoctor.probe.shell.ShellLineNode.If;
import dev.goenvdoctor.probe.shell.ShellLineNode.Loop;
import dev.goenvdoctor.probe.shell.ShellLineNode.Pipeline;
import dev.goenvdoctor.probe.shell.ShellLineNode.Sequence;
import dev.goenvdoctor.probe.shell.ShellLineNode.Simple;
import dev.goenvdoctor.probe.shell.ShellLineNode.Unsupported;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs sh/bash/zsh startup files symbolically: assignments, exports, sourcing, functions, {@code if}/
 * {@code case}/{@code for}, {@code &&}/{@code ||} and tests are simulated; external programs are never run.
 * A condition it cannot decide is assumed true and everything it then sets is marked conditional. Bounded
 * by the session budget; never throws for any input.
 */
final class StaticShellPosixRunner implements ShellWordContext, StaticShellConditions.Env {
  private static final int MAX_FUNCTION_DEPTH = 32;
  private static final int MAX_LOOP_ITEMS = 256;
  private static final int MAX_EVAL_DEPTH = 8;
  private static final Set<String> DECLARATIONS = Set.of("export", "declare", "typeset", "local", "readonly");
  private static final Set<String> NO_EFFECT = Set.of("emulate", "autoload", "alias", "unalias", "umask", "ulimit",
      "trap", "bind", "complete", "compdef", "compinit", "bashcompinit", "zstyle", "bindkey", "zle", "zmodload",
      "echo", "printf", "stty", "rehash", "enable", "disable", "history", "fc", "jobs", "wait", "read", "let",
      "ttyctl", "limit", "unlimit", "print", "setterm", "mesg", "caller", "getopts");
  private static final Set<String> BUILTINS = Set.of("export", "declare", "typeset", "local", "readonly", "unset",
      "source", ".", "eval", "return", "exit", "logout", "exec", ":", "true", "false", "test", "[", "[[", "command",
      "builtin", "type", "hash", "set", "shift", "cd", "pushd", "popd", "shopt", "setopt", "unsetopt", "emulate",
      "autoload", "alias", "unalias", "umask", "ulimit", "trap", "bind", "complete", "echo", "printf", "read", "let",
      "which", "whence", "where", "print", "zstyle", "bindkey", "zle", "zmodload", "compdef", "rehash", "enable",
      "disable", "history", "fc", "jobs", "wait", "caller", "getopts", "pwd", "kill", "times", "dirs");

  /** One simulated shell variable. */
  static final class Var {
    StaticShellValue value;
    List<StaticShellValue> array;
    boolean exported;
    Provenance setBy;
    boolean conditional;

    Var copy() {
      Var v = new Var();
      v.value = value;
      v.array = array;
      v.exported = exported;
      v.setBy = setBy;
      v.conditional = conditional;
      return v;
    }
  }

  /** A file (or eval text) being run. */
  private static final class Frame {
    final String path;
    final String[] lines;
    final Provenance fixed;
    boolean uncertain;
    ShellLineNode top;

    Frame(String path, String[] lines, Provenance fixed) {
      this.path = path;
      this.lines = lines;
      this.fixed = fixed;
    }
  }

  private static final class Signal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean exit;
    final StaticShellStatus status;

    Signal(boolean exit, StaticShellStatus status) {
      super(null, null, false, false);
      this.exit = exit;
      this.status = status;
    }
  }

  private static final class OutOfBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfBudget() {
      super(null, null, false, false);
    }
  }

  private final StaticShellSession session;
  private final ShellWordExpander expander = new ShellWordExpander(this);
  private final StaticShellPosixActivations activations;
  private final Map<String, Var> vars = new LinkedHashMap<>();
  private final Map<String, ShellLineNode> functions = new HashMap<>();
  private final Deque<Map<String, Var>> localScopes = new ArrayDeque<>();
  private final Deque<Frame> frames = new ArrayDeque<>();
  /** Per function call: true once a return may have happened, so the rest of the function is conditional. */
  private final Deque<boolean[]> functionUncertainty = new ArrayDeque<>();
  private final Map<String, Sequence> asts = new HashMap<>();
  private List<StaticShellValue> positional = List.of();
  private boolean allExport;
  private boolean uniquePath;
  private String cwd = "/";
  private int uncertain;
  private Provenance here;
  private int functionDepth;
  private int evalDepth;
  private int substitutionDepth;
  private boolean ended;
  private StaticShellStatus lastStatus = StaticShellStatus.TRUE;
  private boolean zshRcs = true;
  private boolean zshGlobalRcs = true;

  StaticShellPosixRunner(StaticShellSession session) {
    this.session = session;
    this.activations = new StaticShellPosixActivations(this, session);
  }

  // ---- setup and results, used by the evaluator ----

  /** Seeds the environment the shell starts with (all exported). */
  void seed(Map<String, String> env, Map<String, Provenance> origins) {
    env.forEach((name, value) -> {
      Var v = new Var();
      Provenance origin = origins.get(name);
      v.value = StaticShellValue.of(value, origin, name, false, false);
      v.exported = true;
      v.setBy = origin;
      vars.put(name, v);
    });
    StaticShellValue home = variable("HOME");
    cwd = home != null && home.text().startsWith("/") ? home.text() : "/";
  }

  /** Sets a shell variable the shell itself defines (not exported), such as BASH_VERSION or PS1. */
  void shellVariable(String name, String value) {
    Var v = new Var();
    v.value = StaticShellValue.plain(value);
    vars.put(name, v);
  }

  boolean ended() {
    return ended;
  }

  boolean zshRcs() {
    return zshRcs;
  }

  boolean zshGlobalRcs() {
    return zshGlobalRcs;
  }

  StaticShellValue get(String name) {
    Var v = vars.get(name);
    return v == null ? null : v.value;
  }

  Map<String, Var> variables() {
    return vars;
  }

  /**
   * Runs one startup file the shell reads by itself. Returns false when the shell ended in it (exit, exec)
   * or the budget ran out; later files must then not be read.
   */
  boolean runStartupFile(String path, String reason) {
    if (ended) {
      return false;
    }
    try {
      runFile(path, null, reason, null);
    } catch (Signal s) {
      ended = true;
    } catch (OutOfBudget e) {
      ended = true;
    } catch (RuntimeException e) {
      // Defensive: a simulation bug must never break the caller; say where it stopped instead.
      session.note(here, StartupNote.Kind.UNSUPPORTED, "the simulation stopped in " + path + ": " + e);
    }
    return !ended;
  }

  /** Reads a file and runs it; null positional keeps the current ones. */
  StaticShellStatus runFile(String path, Provenance from, String reason, List<StaticShellValue> args) {
    StaticShellSession.Loaded file = session.load(path, from, reason);
    if (file == null) {
      return StaticShellStatus.FALSE;
    }
    Sequence ast = asts.computeIfAbsent(file.path(), p -> ShellLineParser.parse(file.text()));
    StartupStatementScanner.scan(session, file, ast, session.kind);
    Frame frame = new Frame(file.path(), file.lines(), null);
    List<StaticShellValue> savedPositional = positional;
    if (args != null && !args.isEmpty()) {
      positional = args;
    }
    frames.push(frame);
    session.fileStack.push(file.path());
    try {
      return runTop(frame, ast);
    } finally {
      session.fileStack.pop();
      frames.pop();
      positional = savedPositional;
    }
  }

  private StaticShellStatus runTop(Frame frame, Sequence ast) {
    StaticShellStatus status = StaticShellStatus.TRUE;
    for (ShellLineNode item : ast.items()) {
      frame.top = item;
      try {
        status = exec(item);
      } catch (Signal s) {
        if (s.exit) {
          throw s;
        }
        if (!session.mode.interactive() && session.insideGuard(item, item.span(), frame.path)) {
          session.note(provenance(item), StartupNote.Kind.GUARD_STOP, "non-interactive shells stop reading "
              + frame.path + " here (interactive-only guard); the lines below it never reach a desktop session");
        }
        return s.status;
      }
    }
    return status;
  }

  // ---- execution ----

  private StaticShellStatus exec(ShellLineNode node) {
    if (!session.step(here)) {
      throw new OutOfBudget();
    }
    session.executed(node);
    StaticShellStatus st;
    if (node instanceof Simple s) {
      st = simple(s);
    } else if (node instanceof Sequence seq) {
      st = StaticShellStatus.TRUE;
      for (ShellLineNode item : seq.items()) {
        st = exec(item);
      }
    } else if (node instanceof AndOr a) {
      st = andOr(a);
    } else if (node instanceof Pipeline p) {
      st = pipeline(p);
    } else if (node instanceof If i) {
      st = ifClause(i);
    } else if (node instanceof Case c) {
      st = caseClause(c);
    } else if (node instanceof For f) {
      st = forLoop(f);
    } else if (node instanceof Loop l) {
      here = provenance(l);
      session.note(here, StartupNote.Kind.UNSUPPORTED, "while/until loops are not simulated; its lines are skipped");
      st = StaticShellStatus.UNKNOWN;
    } else if (node instanceof Group g) {
      if (g.subshell()) {
        // ( ... ) runs in a child shell: nothing it sets reaches this one.
        st = StaticShellStatus.UNKNOWN;
      } else {
        st = exec(g.body());
      }
    } else if (node instanceof FunctionDef f) {
      session.executed(f);
      functions.put(f.name(), f.body());
      st = StaticShellStatus.TRUE;
    } else if (node instanceof Unsupported u) {
      here = provenance(u);
      session.note(here, StartupNote.Kind.UNSUPPORTED, "could not read this syntax (" + u.reason() + "); lines "
          + (u.span().line() + 1) + "-" + (u.span().endLine() + 1) + " are skipped");
      st = StaticShellStatus.UNKNOWN;
    } else {
      st = StaticShellStatus.UNKNOWN;
    }
    lastStatus = st;
    return st;
  }

  private StaticShellStatus andOr(AndOr a) {
    StaticShellStatus st = exec(a.items().get(0));
    for (int k = 1; k < a.items().size(); k++) {
      boolean and = a.operators().get(k - 1).equals("&&");
      StaticShellStatus runs = and ? st : st.not();
      if (runs == StaticShellStatus.FALSE) {
        continue;
      }
      if (runs == StaticShellStatus.TRUE) {
        st = exec(a.items().get(k));
        continue;
      }
      undecided(a.items().get(k - 1));
      uncertain++;
      try {
        StaticShellStatus next = exec(a.items().get(k));
        st = and ? (next == StaticShellStatus.FALSE ? next : StaticShellStatus.UNKNOWN)
            : (next == StaticShellStatus.TRUE ? next : StaticShellStatus.UNKNOWN);
      } finally {
        uncertain--;
      }
    }
    return st;
  }

  private StaticShellStatus pipeline(Pipeline p) {
    if (p.commands().size() == 1) {
      StaticShellStatus st = exec(p.commands().get(0));
      return p.negated() ? st.not() : st;
    }
    // Each part of a pipeline runs in a child shell (bash without lastpipe, dash); zsh runs the last part in
    // the current shell, but startup files do not rely on that for PATH.
    StaticShellStatus st = StaticShellStatus.UNKNOWN;
    return p.negated() ? st.not() : st;
  }

  private StaticShellStatus ifClause(If node) {
    for (int k = 0; k < node.conditions().size(); k++) {
      StaticShellStatus c = exec(node.conditions().get(k));
      if (c == StaticShellStatus.TRUE) {
        return exec(node.bodies().get(k));
      }
      if (c == StaticShellStatus.UNKNOWN) {
        undecided(node.conditions().get(k));
        uncertain++;
        try {
          exec(node.bodies().get(k));
        } finally {
          uncertain--;
        }
        return StaticShellStatus.UNKNOWN;
      }
    }
    return node.elseBody() == null ? StaticShellStatus.TRUE : exec(node.elseBody());
  }

  private StaticShellStatus caseClause(Case node) {
    here = provenance(node);
    StaticShellValue word = expander.value(node.word().raw(), false);
    if (word.dynamic()) {
      session.note(here, StartupNote.Kind.UNDECIDED, "could not decide which branch of this case runs; none was"
          + " simulated");
      return StaticShellStatus.UNKNOWN;
    }
    for (CaseArm arm : node.arms()) {
      for (ShellWord p : arm.patterns()) {
        if (expander.pattern(p.raw()).matcher(word.text()).matches()) {
          return exec(arm.body());
        }
      }
    }
    return StaticShellStatus.TRUE;
  }

  private StaticShellStatus forLoop(For node) {
    here = provenance(node);
    List<StaticShellValue> items = new ArrayList<>();
    if (node.words() == null) {
      items.addAll(positional);
    } else {
      for (ShellWord w : node.words()) {
        items.addAll(expander.fields(w.raw()));
      }
    }
    if (items.size() > MAX_LOOP_ITEMS) {
      session.note(here, StartupNote.Kind.LIMIT, "this loop has " + items.size() + " items; only the first "
          + MAX_LOOP_ITEMS + " were simulated");
      items = items.subList(0, MAX_LOOP_ITEMS);
    }
    StaticShellStatus st = StaticShellStatus.TRUE;
    for (StaticShellValue item : items) {
      if (item.dynamic()) {
        session.note(here, StartupNote.Kind.UNDECIDED, "a loop item comes from a command we did not run");
      }
      assign(node.variable(), item, false, null, false, here);
      st = exec(node.body());
    }
    return st;
  }

  private void undecided(ShellLineNode condition) {
    Provenance p = provenance(condition);
    session.note(p, StartupNote.Kind.UNDECIDED, "could not decide this condition without running a program; the"
        + " simulation assumes it holds and marks what follows as conditional");
  }

  private StaticShellStatus simple(Simple node) {
    here = provenance(node);
    session.executed(node);
    if (node.words().isEmpty()) {
      for (ShellWord w : node.assignments()) {
        assignWord(w.assignment(), false, null, false);
      }
      return StaticShellStatus.TRUE;
    }
    String first = node.words().get(0).raw();
    if (first.equals("[[")) {
      List<ShellWord> words = node.words();
      int end = words.get(words.size() - 1).raw().equals("]]") ? words.size() - 1 : words.size();
      return StaticShellConditions.doubleBracket(words.subList(1, end), expander, this);
    }
    if (first.startsWith("((")) {
      return StaticShellStatus.UNKNOWN;
    }
    if (DECLARATIONS.contains(first)) {
      return declaration(first, node.words().subList(1, node.words().size()));
    }
    List<StaticShellValue> fields = new ArrayList<>();
    for (ShellWord w : node.words()) {
      fields.addAll(expander.fields(w.raw()));
    }
    if (fields.isEmpty()) {
      return StaticShellStatus.TRUE;
    }
    return command(fields.get(0).text(), fields.subList(1, fields.size()), node, true);
  }

  private StaticShellStatus command(String name, List<StaticShellValue> args, Simple node, boolean functionsToo) {
    if (functionsToo && functions.containsKey(name)) {
      return callFunction(name, args);
    }
    switch (name) {
      case ":", "true":
        return StaticShellStatus.TRUE;
      case "false":
        return StaticShellStatus.FALSE;
      case "export", "declare", "typeset", "local", "readonly":
        return declarationFromValues(name, args);
      case "unset":
        return unset(args);
      case "source", ".":
        return source(args, node);
      case "eval":
        return eval(args, node);
      case "return":
        return leave(false, args);
      case "exit", "logout":
        return leave(true, args);
      case "exec":
        if (args.isEmpty() || args.stream().allMatch(a -> a.text().startsWith("-"))) {
          return StaticShellStatus.TRUE;
        }
        if (conditional()) {
          session.note(here, StartupNote.Kind.UNDECIDED, "may replace the shell with " + args.get(0).text()
              + " here; later lines are treated as reached");
          markFrameUncertain();
          return StaticShellStatus.UNKNOWN;
        }
        session.note(here, StartupNote.Kind.SHELL_ENDS, "exec replaces the shell with " + args.get(0).text()
            + ": nothing after this line runs, and the environment comes from that program");
        throw new Signal(true, StaticShellStatus.UNKNOWN);
      case "test":
        return StaticShellConditions.test(args, this);
      case "[": {
        List<StaticShellValue> a = new ArrayList<>(args);
        if (!a.isEmpty() && a.get(a.size() - 1).text().equals("]")) {
          a.remove(a.size() - 1);
        }
        return StaticShellConditions.test(a, this);
      }
      case "command": {
        List<StaticShellValue> rest = args;
        while (!rest.isEmpty() && rest.get(0).text().equals("-p")) {
          rest = rest.subList(1, rest.size());
        }
        if (!rest.isEmpty() && (rest.get(0).text().equals("-v") || rest.get(0).text().equals("-V"))) {
          return lookupAll(rest.subList(1, rest.size()));
        }
        return rest.isEmpty() ? StaticShellStatus.TRUE
            : command(rest.get(0).text(), rest.subList(1, rest.size()), node, false);
      }
      case "builtin":
        return args.isEmpty() ? StaticShellStatus.TRUE
            : command(args.get(0).text(), args.subList(1, args.size()), node, false);
      case "type", "hash", "which", "whence", "where":
        return lookupAll(args);
      case "set":
        return set(args);
      case "shift": {
        int n = args.isEmpty() ? 1 : parseInt(args.get(0).text(), 1);
        positional = n >= positional.size() ? List.of() : positional.subList(n, positional.size());
        return StaticShellStatus.TRUE;
      }
      case "cd", "pushd":
        return cd(args);
      case "pwd":
        return StaticShellStatus.TRUE;
      case "shopt":
        return shopt(args);
      case "setopt", "unsetopt":
        return zshOptions(name.equals("setopt"), args);
      default:
        break;
    }
    if (NO_EFFECT.contains(name)) {
      return StaticShellStatus.TRUE;
    }
    return lookup(name) != null ? StaticShellStatus.UNKNOWN : StaticShellStatus.FALSE;
  }

  private StaticShellStatus leave(boolean exit, List<StaticShellValue> args) {
    StaticShellStatus status = args.isEmpty() ? lastStatus
        : args.get(0).dynamic() ? StaticShellStatus.UNKNOWN : StaticShellStatus.of(args.get(0).text().equals("0"));
    if (conditional()) {
      session.note(here, StartupNote.Kind.UNDECIDED, "may " + (exit ? "exit" : "return") + " here; the lines"
          + " below are treated as reached and marked conditional");
      if (!exit && functionDepth > 0) {
        functionUncertainty.peek()[0] = true;
      } else {
        markFrameUncertain();
      }
      return status;
    }
    if (exit) {
      session.note(here, StartupNote.Kind.SHELL_ENDS, "exit ends the shell here: nothing after this line runs,"
          + " including the command the session asked for");
    }
    throw new Signal(exit, status);
  }

  private boolean currentFrameUncertain() {
    return !frames.isEmpty() && frames.peek().uncertain;
  }

  private void markFrameUncertain() {
    if (!frames.isEmpty()) {
      frames.peek().uncertain = true;
    }
  }

  private StaticShellStatus callFunction(String name, List<StaticShellValue> args) {
    if (functionDepth >= MAX_FUNCTION_DEPTH) {
      session.note(here, StartupNote.Kind.LIMIT, "functions call each other more than " + MAX_FUNCTION_DEPTH
          + " deep; the call to " + name + " was not simulated");
      return StaticShellStatus.UNKNOWN;
    }
    List<StaticShellValue> saved = positional;
    // Arguments keep the call line as their origin, so `pathadd /usr/local/go/bin` is where that entry came from.
    Provenance call = here;
    positional = args.stream().map(a -> new StaticShellValue(a.pieces().stream()
        .map(p -> "PATH".equals(p.owner()) ? p
            : new StaticShellPiece(p.text(), call, "PATH", p.conditional() || conditional(), p.dynamic()))
        .toList())).toList();
    functionDepth++;
    functionUncertainty.push(new boolean[1]);
    localScopes.push(new HashMap<>());
    try {
      return exec(functions.get(name));
    } catch (Signal s) {
      if (s.exit) {
        throw s;
      }
      return s.status;
    } finally {
      Map<String, Var> locals = localScopes.pop();
      locals.forEach((n, previous) -> {
        if (previous == null) {
          vars.remove(n);
        } else {
          vars.put(n, previous);
        }
      });
      functionDepth--;
      functionUncertainty.pop();
      positional = saved;
    }
  }

  // ---- declarations and assignments ----

  private StaticShellStatus declaration(String builtin, List<ShellWord> words) {
    Options o = new Options(builtin);
    for (ShellWord w : words) {
      String raw = w.raw();
      if (o.option(raw)) {
        continue;
      }
      ShellWord.Assignment a = w.assignment();
      if (a != null) {
        declare(o, a.name(), a.array() ? arrayLiteral(a.value()) : null,
            a.array() ? null : expander.value(a.value(), true), a.append());
        continue;
      }
      for (StaticShellValue f : expander.fields(raw)) {
        declareField(o, f);
      }
    }
    return StaticShellStatus.TRUE;
  }

  private StaticShellStatus declarationFromValues(String builtin, List<StaticShellValue> args) {
    Options o = new Options(builtin);
    for (StaticShellValue f : args) {
      if (!o.option(f.text())) {
        declareField(o, f);
      }
    }
    return StaticShellStatus.TRUE;
  }

  private void declareField(Options o, StaticShellValue f) {
    String t = f.text();
    int eq = t.indexOf('=');
    if (eq > 0 && ShellWord.isName(t.substring(0, eq).replace("+", ""))) {
      boolean append = t.charAt(eq - 1) == '+';
      String name = t.substring(0, append ? eq - 1 : eq);
      declare(o, name, null, f.slice(eq + 1, t.length()), append);
    } else if (ShellWord.isName(t)) {
      declare(o, t, null, null, false);
    }
  }

  private void declare(Options o, String name, List<StaticShellValue> array, StaticShellValue value,
      boolean append) {
    if (o.functions || o.print) {
      return;
    }
    if (o.unique && (name.equals("path") || name.equals("PATH"))) {
      uniquePath = true;
      dedupePath();
    }
    boolean local = o.local && functionDepth > 0;
    Boolean export = o.export ? Boolean.TRUE : o.unexport ? Boolean.FALSE : null;
    if (array != null) {
      assignArray(name, array, append, export, local);
    } else if (value != null) {
      assign(name, value, append, export, local, here);
    } else {
      Var v = vars.get(name);
      if (local) {
        saveLocal(name);
        Var fresh = new Var();
        fresh.exported = Boolean.TRUE.equals(export);
        vars.put(name, fresh);
        return;
      }
      if (export != null) {
        if (v == null) {
          v = new Var();
          vars.put(name, v);
        }
        v.exported = export;
        if (export && name.equals("PATH") && v.value != null) {
          v.setBy = v.setBy == null ? here : v.setBy;
        }
      }
    }
  }

  /** The options of export/declare/typeset/local/readonly. */
  private static final class Options {
    boolean export;
    boolean unexport;
    boolean local;
    boolean unique;
    boolean functions;
    boolean print;

    Options(String builtin) {
      export = builtin.equals("export");
      local = builtin.equals("local") || builtin.equals("declare") || builtin.equals("typeset");
    }

    boolean option(String raw) {
      if (raw.length() < 2 || !(raw.startsWith("-") || raw.startsWith("+")) || raw.contains("=")) {
        return false;
      }
      boolean minus = raw.startsWith("-");
      for (char c : raw.substring(1).toCharArray()) {
        switch (c) {
          case 'x' -> {
            export = minus;
            unexport = !minus;
          }
          case 'n' -> {
            if (export && minus) {
              export = false;
              unexport = true;
            }
          }
          case 'g' -> local = false;
          case 'U' -> unique = minus;
          case 'f', 'F' -> functions = true;
          case 'p' -> print = true;
          default -> {
          }
        }
      }
      return true;
    }
  }

  private void assignWord(ShellWord.Assignment a, boolean forceExport, Boolean export, boolean local) {
    if (a == null) {
      return;
    }
    if (a.array()) {
      assignArray(a.name(), arrayLiteral(a.value()), a.append(), export, local);
      return;
    }
    if (a.indexed()) {
      return;
    }
    assign(a.name(), expander.value(a.value(), true), a.append(), forceExport ? Boolean.TRUE : export, local, here);
  }

  private List<StaticShellValue> arrayLiteral(String raw) {
    String inner = raw.substring(1, Math.max(1, raw.length() - 1));
    List<StaticShellValue> out = new ArrayList<>();
    for (ShellLineToken t : ShellLineLexer.tokenize(inner)) {
      if (t.type() == ShellLineToken.Type.WORD) {
        out.addAll(expander.fields(t.text()));
      }
    }
    return out;
  }

  private void assignArray(String name, List<StaticShellValue> elements, boolean append, Boolean export,
      boolean local) {
    if (session.kind == ShellKind.ZSH && name.equals("path")) {
      List<StaticShellValue> all = new ArrayList<>(append ? pathEntries() : List.of());
      all.addAll(elements);
      StaticShellValue joined = StaticShellValue.join(all, ":", here, "PATH", conditional());
      assign("PATH", joined, false, export, local, here);
      return;
    }
    if (local) {
      saveLocal(name);
    }
    Var v = vars.computeIfAbsent(name, n -> new Var());
    List<StaticShellValue> all = new ArrayList<>(append && v.array != null ? v.array : List.of());
    all.addAll(elements);
    v.array = List.copyOf(all);
    v.value = all.isEmpty() ? StaticShellValue.EMPTY : all.get(0);
    v.setBy = here;
    v.conditional = conditional();
    if (export != null) {
      v.exported = export;
    }
  }

  void assign(String name, StaticShellValue value, boolean append, Boolean export, boolean local,
      Provenance line) {
    if (session.kind == ShellKind.ZSH && name.equals("path")) {
      assignArray("path", List.of(value), append, export, local);
      return;
    }
    if (local) {
      saveLocal(name);
    }
    Var v = vars.computeIfAbsent(name, n -> new Var());
    StaticShellValue stamped = value.assignedTo(name, line, conditional());
    if (append && v.value != null) {
      stamped = v.value.concat(stamped);
    }
    v.value = stamped;
    v.array = null;
    v.setBy = line;
    v.conditional = conditional();
    if (export != null) {
      v.exported = export;
    } else if (allExport) {
      v.exported = true;
    }
    if (name.equals("PATH") && uniquePath) {
      dedupePath();
    }
  }

  private void saveLocal(String name) {
    Map<String, Var> scope = localScopes.peek();
    if (scope != null && !scope.containsKey(name)) {
      Var previous = vars.get(name);
      scope.put(name, previous == null ? null : previous.copy());
    }
  }

  private void dedupePath() {
    Var v = vars.get("PATH");
    if (v == null || v.value == null) {
      return;
    }
    Map<String, StaticShellValue> unique = new LinkedHashMap<>();
    for (StaticShellValue e : v.value.split(':')) {
      unique.putIfAbsent(e.text(), e);
    }
    v.value = StaticShellValue.join(new ArrayList<>(unique.values()), ":", v.setBy, "PATH", v.conditional);
  }

  List<StaticShellValue> pathEntries() {
    StaticShellValue path = get("PATH");
    if (path == null || path.isEmpty()) {
      return List.of();
    }
    return path.split(':');
  }

  private StaticShellStatus unset(List<StaticShellValue> args) {
    boolean fn = false;
    for (StaticShellValue a : args) {
      String t = a.text();
      if (t.equals("-f")) {
        fn = true;
      } else if (t.equals("-v")) {
        fn = false;
      } else if (fn) {
        functions.remove(t);
      } else {
        unsetVariable(t);
      }
    }
    return StaticShellStatus.TRUE;
  }

  void unsetVariable(String name) {
    String target = session.kind == ShellKind.ZSH && name.equals("path") ? "PATH" : name;
    Var v = vars.get(target);
    if (v != null) {
      v.value = null;
      v.array = null;
      v.setBy = here;
      v.conditional = conditional();
    }
  }

  private StaticShellStatus set(List<StaticShellValue> args) {
    for (int k = 0; k < args.size(); k++) {
      String t = args.get(k).text();
      if (t.equals("--")) {
        positional = List.copyOf(args.subList(k + 1, args.size()));
        return StaticShellStatus.TRUE;
      }
      if (t.equals("-a") || (t.equals("-o") && k + 1 < args.size() && args.get(k + 1).text().equals("allexport"))) {
        allExport = true;
      } else if (t.equals("+a") || (t.equals("+o") && k + 1 < args.size()
          && args.get(k + 1).text().equals("allexport"))) {
        allExport = false;
      } else if (!t.startsWith("-") && !t.startsWith("+")) {
        positional = List.copyOf(args.subList(k, args.size()));
        return StaticShellStatus.TRUE;
      }
    }
    return StaticShellStatus.TRUE;
  }

  private StaticShellStatus cd(List<StaticShellValue> args) {
    String target = args.isEmpty() ? textOf("HOME") : args.get(args.size() - 1).text();
    if (target == null || args.stream().anyMatch(StaticShellValue::dynamic)) {
      return StaticShellStatus.UNKNOWN;
    }
    String dir = target.startsWith("/") ? Root.normalize(target) : Root.normalize(Root.join(cwd, target));
    if (session.root.isDirectory(dir)) {
      cwd = dir;
      return StaticShellStatus.TRUE;
    }
    return StaticShellStatus.FALSE;
  }

  private StaticShellStatus shopt(List<StaticShellValue> args) {
    List<String> a = args.stream().map(StaticShellValue::text).toList();
    if (a.contains("-q") || a.stream().anyMatch(x -> x.startsWith("-") && x.contains("q"))) {
      if (a.contains("posix") && a.stream().anyMatch(x -> x.startsWith("-") && x.contains("o"))) {
        return StaticShellStatus.FALSE; // bash started as bash is not in POSIX mode
      }
      return StaticShellStatus.UNKNOWN;
    }
    return StaticShellStatus.TRUE;
  }

  private StaticShellStatus zshOptions(boolean set, List<StaticShellValue> args) {
    for (StaticShellValue a : args) {
      String o = a.text().toLowerCase(java.util.Locale.ROOT).replace("_", "");
      boolean on = set;
      if (o.startsWith("no")) {
        on = !on;
        o = o.substring(2);
      }
      if (o.equals("globalrcs")) {
        zshGlobalRcs = on;
      } else if (o.equals("rcs")) {
        zshRcs = on;
      } else if (o.equals("allexport")) {
        allExport = on;
      }
    }
    return StaticShellStatus.TRUE;
  }

  // ---- source, eval and tool activations ----

  private StaticShellStatus source(List<StaticShellValue> args, Simple node) {
    if (args.isEmpty()) {
      return StaticShellStatus.FALSE;
    }
    String raw = node.words().size() > 1 ? node.words().get(1).raw() : "";
    if (raw.startsWith("<(")) {
      return activations.activation(raw, true);
    }
    StaticShellValue target = args.get(0);
    if (target.dynamic()) {
      session.note(here, StartupNote.Kind.UNSUPPORTED, "sources a file named by a command we did not run ("
          + target.text() + "); not simulated");
      return StaticShellStatus.UNKNOWN;
    }
    String path = resolveSource(target.text());
    if (path == null) {
      session.files.add(new StartupFile(target.text(), StartupFileStatus.MISSING, "not found", here));
      return StaticShellStatus.FALSE;
    }
    String tool = StartupStatementScanner.toolOfSource(path);
    if ("asdf".equals(tool) && path.endsWith(".sh")) {
      return activations.asdf(path);
    }
    if ("gvm".equals(tool)) {
      return activations.gvm(path);
    }
    List<StaticShellValue> fileArgs = args.size() > 1 ? List.copyOf(args.subList(1, args.size())) : null;
    return runFile(path, here, "sourced", fileArgs);
  }

  private String resolveSource(String name) {
    if (name.contains("/")) {
      return name.startsWith("/") ? Root.normalize(name) : Root.normalize(Root.join(cwd, name));
    }
    for (StaticShellValue entry : pathEntries()) {
      String dir = entryDirectory(entry.text());
      String candidate = Root.join(dir, name);
      if (session.root.isRegularFile(candidate)) {
        return candidate;
      }
    }
    String local = Root.join(cwd, name);
    return session.kind == ShellKind.SH || !session.root.isRegularFile(local) ? null : local;
  }

  private StaticShellStatus eval(List<StaticShellValue> args, Simple node) {
    StaticShellValue text = StaticShellValue.join(args, " ", here, null, conditional());
    String tool = StartupStatementScanner.toolOfCommand(text.text());
    if (tool != null && text.dynamic()) {
      return activations.activation(text.text(), false);
    }
    if (text.dynamic()) {
      session.note(here, StartupNote.Kind.INFO, "eval runs the output of a command we did not run; its effect is"
          + " not simulated");
      return StaticShellStatus.UNKNOWN;
    }
    if (evalDepth >= MAX_EVAL_DEPTH) {
      session.note(here, StartupNote.Kind.LIMIT, "eval nested more than " + MAX_EVAL_DEPTH + " deep; not simulated");
      return StaticShellStatus.UNKNOWN;
    }
    Sequence ast = ShellLineParser.parse(text.text());
    Frame frame = new Frame(frames.isEmpty() ? "" : frames.peek().path, new String[0], here);
    frame.uncertain = currentFrameUncertain();
    frames.push(frame);
    evalDepth++;
    try {
      StaticShellStatus st = StaticShellStatus.TRUE;
      for (ShellLineNode item : ast.items()) {
        st = exec(item);
      }
      return st;
    } finally {
      evalDepth--;
      frames.pop();
    }
  }

  /** Puts a directory first on PATH, stamped with the current line; skips it if present and asked to. */
  void prepend(String dir, boolean unlessPresent) {
    if (unlessPresent && pathEntries().stream().anyMatch(e -> e.text().equals(dir))) {
      return;
    }
    StaticShellValue entry = StaticShellValue.of(dir, here, "PATH", conditional(), false);
    StaticShellValue current = get("PATH");
    StaticShellValue value = current == null || current.isEmpty() ? entry
        : entry.concat(StaticShellValue.of(":", here, "PATH", conditional(), false)).concat(current);
    Var v = vars.computeIfAbsent("PATH", n -> new Var());
    v.value = value;
    v.exported = true;
    v.setBy = here;
    v.conditional = conditional();
    if (uniquePath) {
      dedupePath();
    }
  }

  // ---- lookups ----

  private StaticShellStatus lookupAll(List<StaticShellValue> args) {
    StaticShellStatus st = StaticShellStatus.TRUE;
    boolean any = false;
    for (StaticShellValue a : args) {
      if (a.text().startsWith("-")) {
        continue;
      }
      any = true;
      if (a.dynamic()) {
        st = st.and(StaticShellStatus.UNKNOWN);
      } else {
        st = st.and(StaticShellStatus.of(functions.containsKey(a.text()) || BUILTINS.contains(a.text())
            || lookup(a.text()) != null));
      }
    }
    return any ? st : StaticShellStatus.FALSE;
  }

  /** The machine path a command name resolves to on the simulated PATH, or null. */
  String lookup(String command) {
    if (command.isEmpty()) {
      return null;
    }
    if (command.contains("/")) {
      String path = command.startsWith("/") ? command : Root.join(cwd, command);
      return session.root.isExecutableFile(path) ? path : null;
    }
    for (StaticShellValue entry : pathEntries()) {
      String candidate = Root.join(entryDirectory(entry.text()), command);
      if (session.root.isExecutableFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private String entryDirectory(String entry) {
    if (entry.isEmpty()) {
      return cwd;
    }
    if (entry.startsWith("~") && session.kind == ShellKind.BASH) {
      // bash expands a literal ~ in PATH when it searches; execvp and dash do not.
      String home = textOf("HOME");
      if (home != null && (entry.equals("~") || entry.startsWith("~/"))) {
        entry = home + entry.substring(1);
      }
    }
    return entry.startsWith("/") ? entry : Root.join(cwd, entry);
  }

  // ---- ShellWordContext and Env ----

  @Override
  public StaticShellValue variable(String name) {
    switch (name) {
      case "-":
        return StaticShellValue.plain(flags());
      case "#":
        return StaticShellValue.plain(String.valueOf(positional.size()));
      case "@", "*":
        return StaticShellValue.join(positional, " ", here, null, conditional());
      case "?":
        return lastStatus == StaticShellStatus.UNKNOWN ? dynamic("$?")
            : StaticShellValue.plain(lastStatus == StaticShellStatus.TRUE ? "0" : "1");
      case "$", "!", "RANDOM", "LINENO", "SECONDS", "EPOCHSECONDS":
        return dynamic("$" + name);
      case "0":
        if (session.kind == ShellKind.ZSH && !frames.isEmpty() && frames.peek().fixed == null) {
          return StaticShellValue.plain(frames.peek().path);
        }
        return StaticShellValue.plain(session.kind == ShellKind.SH ? "sh" : session.kind.name().toLowerCase(
            java.util.Locale.ROOT));
      case "BASH_SOURCE":
        if (session.kind == ShellKind.BASH && !frames.isEmpty()) {
          return StaticShellValue.plain(frames.peek().path);
        }
        break;
      case "PWD":
        if (get("PWD") == null) {
          return StaticShellValue.plain(cwd);
        }
        break;
      default:
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
          int k = parseInt(name, 0);
          return k >= 1 && k <= positional.size() ? positional.get(k - 1) : null;
        }
    }
    Var v = vars.get(name);
    if (v == null || v.value == null) {
      if (session.kind == ShellKind.ZSH && name.equals("path")) {
        StaticShellValue p = get("PATH");
        return p == null ? null : StaticShellValue.join(p.split(':'), " ", here, "PATH", conditional());
      }
      return null;
    }
    if (v.array != null && session.kind == ShellKind.ZSH) {
      return StaticShellValue.join(v.array, " ", here, null, conditional());
    }
    return v.value;
  }

  private String flags() {
    boolean i = session.mode.interactive();
    return switch (session.kind) {
      case ZSH -> i ? "569XZilm" : "569XZlm";
      case SH -> i ? "i" : "";
      default -> i ? "himBH" : "hB";
    };
  }

  @Override
  public List<StaticShellValue> array(String name) {
    if (session.kind == ShellKind.ZSH && name.equals("path")) {
      return pathEntries().stream().filter(e -> !e.isEmpty()).toList();
    }
    if (name.equals("BASH_SOURCE") && session.kind == ShellKind.BASH) {
      List<StaticShellValue> stack = new ArrayList<>();
      for (Frame f : frames) {
        stack.add(StaticShellValue.plain(f.path));
      }
      return stack;
    }
    if (name.equals("@") || name.equals("*")) {
      return positional;
    }
    Var v = vars.get(name);
    return v == null ? null : v.array;
  }

  @Override
  public void assignDefault(String name, StaticShellValue value) {
    assign(name, value, false, null, false, here);
  }

  @Override
  public StaticShellValue commandSubstitution(String command) {
    if (substitutionDepth >= 4) {
      return dynamic("$(" + command + ")");
    }
    substitutionDepth++;
    try {
      String known = knownOutput(command);
      return known == null ? dynamic("$(" + command + ")") : literal(known);
    } finally {
      substitutionDepth--;
    }
  }

  /** Output of the few side-effect-free commands startup files use in $(...), or null. */
  private String knownOutput(String command) {
    Sequence seq = ShellLineParser.parse(command);
    if (seq.items().size() != 1 || !(seq.items().get(0) instanceof Simple s) || s.words().isEmpty()
        || !s.assignments().isEmpty()) {
      return null;
    }
    List<StaticShellValue> fields = new ArrayList<>();
    for (ShellWord w : s.words()) {
      fields.addAll(expander.fields(w.raw()));
    }
    if (fields.stream().anyMatch(StaticShellValue::dynamic)) {
      return null;
    }
    return StaticShellKnownCommands.output(fields.stream().map(StaticShellValue::text).toList(), knownHost());
  }

  private StaticShellKnownCommands.Host knownHost() {
    return new StaticShellKnownCommands.Host(session.uid, cwd, session.root, null, this::textOf,
        name -> functions.containsKey(name) || BUILTINS.contains(name) ? name : lookup(name));
  }

  @Override
  public String homeOf(String user) {
    if (user == null) {
      return null;
    }
    return session.root.readText("/etc/passwd", StaticShellSession.MAX_FILE_BYTES).map(text -> {
      for (String line : text.split("\n")) {
        String[] f = line.split(":", -1);
        if (f.length >= 6 && f[0].equals(user)) {
          return f[5];
        }
      }
      return null;
    }).orElse(null);
  }

  @Override
  public List<String> glob(List<ShellWordPattern.Component> components) {
    return ShellWordPattern.expand(session.root, cwd, components);
  }

  @Override
  public ShellKind kind() {
    return session.kind;
  }

  @Override
  public Provenance here() {
    return here;
  }

  @Override
  public boolean conditional() {
    return uncertain > 0 || currentFrameUncertain()
        || (!functionUncertainty.isEmpty() && functionUncertainty.peek()[0]);
  }

  @Override
  public Root root() {
    return session.root;
  }

  @Override
  public String cwd() {
    return cwd;
  }

  @Override
  public boolean interactive() {
    return session.mode.interactive();
  }

  @Override
  public boolean isSet(String name) {
    return variable(name) != null;
  }

  // ---- helpers ----

  private Provenance provenance(ShellLineNode node) {
    Frame f = frames.peek();
    if (f == null) {
      return here;
    }
    if (f.fixed != null) {
      return f.fixed;
    }
    return StaticShellSession.provenance(f.path, f.lines, node.span());
  }

  String textOf(String name) {
    StaticShellValue v = variable(name);
    return v == null ? null : v.text();
  }

  String nonEmpty(String name, String fallback) {
    String v = textOf(name);
    return v == null || v.isEmpty() ? fallback : v;
  }

  StaticShellValue literal(String text) {
    return StaticShellValue.of(text, here, null, conditional(), false);
  }

  private StaticShellValue dynamic(String text) {
    return StaticShellValue.of(text, here, null, conditional(), true);
  }

  private static int parseInt(String text, int fallback) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** A word expanded as the shell expands {@code $ENV}: parameters, no splitting. */
  StaticShellValue expandWord(String raw) {
    return expander.value(raw, false);
  }

  /** Names of exported variables that are set, in first-set order. */
  Set<String> exportedNames() {
    Set<String> out = new LinkedHashSet<>();
    vars.forEach((n, v) -> {
      if (v.exported && v.value != null && v.array == null) {
        out.add(n);
      }
    });
    return out;
  }
}
