package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
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
import dev.goenvdoctor.probe.shell.StaticShellFishVariables.Scope;
import dev.goenvdoctor.probe.shell.StaticShellFishVariables.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulates a fish start: universal variables from {@code fish_variables}, fish's own setup (it applies
 * {@code fish_user_paths} to PATH, then sources {@code conf.d} snippets: the user's, then /etc/fish's, then
 * vendor ones, a name seen earlier hiding later ones), {@code /etc/fish/config.fish} and the user's
 * {@code config.fish}. Variables are lists; PATH-like variables split on ':' when set. Never throws.
 */
final class StaticShellFishRunner implements StaticShellConditions.Env, StaticShellFishExpander.Host {
  private static final String DATA_DIR = "/usr/share/fish";
  private static final String SYSCONF_DIR = "/etc/fish";
  private static final int MAX_FUNCTION_DEPTH = 32;
  private static final int MAX_LOOP_ITEMS = 256;
  private static final Pattern GOENV_INIT = Pattern.compile("(\\S*goenv)[\"']?\\s+init\\b");
  private static final Pattern MISE_ACTIVATE = Pattern.compile("(\\S*(?:mise|rtx))[\"']?\\s+activate\\b(.*)",
      Pattern.DOTALL);
  private static final Set<String> NO_EFFECT = Set.of("set_color", "abbr", "alias", "bind", "complete", "echo",
      "printf", "fish_vi_key_bindings", "fish_default_key_bindings", "fish_config", "emit", "funcsave", "read",
      "history", "umask", "ulimit", "commandline", "fish_greeting", "disown", "wait", "jobs", "bg", "fg");

  private static final class Leave extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean exit;

    Leave(boolean exit) {
      super(null, null, false, false);
      this.exit = exit;
    }
  }

  private static final class OutOfBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfBudget() {
      super(null, null, false, false);
    }
  }

  private final StaticShellSession session;
  private final StaticShellFishExpander expander = new StaticShellFishExpander(this);
  private final StaticShellFishVariables vars = new StaticShellFishVariables();
  private final Map<String, Block> functions = new HashMap<>();
  private final Deque<StaticShellSession.Loaded> frames = new ArrayDeque<>();
  private String cwd = "/";
  private int uncertain;
  private Provenance here;
  private StaticShellStatus lastStatus = StaticShellStatus.TRUE;

  private StaticShellFishRunner(StaticShellSession session) {
    this.session = session;
  }

  static StaticShellResult evaluate(StaticShellSession session, StaticShellRequest request) {
    StaticShellFishRunner runner = new StaticShellFishRunner(session);
    runner.start(request);
    Map<String, StaticShellValue> values = new LinkedHashMap<>();
    Map<String, Provenance> origins = new LinkedHashMap<>();
    Map<String, Boolean> conditional = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>(runner.vars.universals.keySet());
    names.addAll(runner.vars.globals.keySet());
    for (String name : names) {
      Var v = runner.vars.globals.containsKey(name) ? runner.vars.globals.get(name) : runner.vars.universals.get(name);
      if (v.exported) {
        values.put(name, joined(name, v.elements));
        origins.put(name, v.setBy);
        conditional.put(name, v.conditional);
      } else if (StaticShellEvaluator.TRACKED_VARIABLES.contains(name) && v.setBy != null) {
        session.note(v.setBy, StartupNote.Kind.NOT_EXPORTED, name + " is set here but not exported (use set -gx):"
            + " go, gopls and editors started from this session do not see it");
      }
    }
    return StaticShellEvaluator.result(session, values, origins, conditional);
  }

  /** Lists the statements of a fish file no start reads. */
  static void scanOnly(StaticShellSession session, StaticShellSession.Loaded file) {
    StartupFishScanner.scan(session, file, StaticShellFishParser.parse(file.text()));
  }

  private void start(StaticShellRequest request) {
    request.baseEnvironment().forEach((name, value) -> {
      Var v = new Var();
      Provenance origin = request.baseProvenance().get(name);
      StaticShellValue whole = StaticShellValue.of(value, origin, name, false, false);
      v.elements = isPathVariable(name) ? (value.isEmpty() ? List.of() : whole.split(':')) : List.of(whole);
      v.exported = true;
      v.setBy = origin;
      vars.globals.put(name, v);
    });
    String home = text("HOME");
    cwd = home != null && home.startsWith("/") ? home : "/";
    if (home == null || !home.startsWith("/")) {
      session.note(null, StartupNote.Kind.INFO, "HOME is not set to an absolute path in the base environment;"
          + " user startup files cannot be found");
    }
    String config = nonEmpty("XDG_CONFIG_HOME", home + "/.config") + "/fish";
    String data = nonEmpty("XDG_DATA_HOME", home + "/.local/share") + "/fish";
    loadUniversals(config + "/fish_variables");
    if (session.root.isRegularFile(DATA_DIR + "/config.fish")) {
      session.files.add(new StartupFile(DATA_DIR + "/config.fish", StartupFileStatus.MODELLED, "fish's own setup:"
          + " it puts fish_user_paths in front of PATH, then sources the conf.d snippets", null));
    }
    vars.reconstructPath();
    try {
      for (String file : confSnippets(config, data)) {
        runFile(file, null, "conf.d snippet, read by every fish start");
      }
      runFile(SYSCONF_DIR + "/config.fish", null, "read by every fish start");
      runFile(config + "/config.fish", null, "read by every fish start");
    } catch (OutOfBudget e) {
      // noted by the session
    }
  }

  /** conf.d snippets in fish's order: user, then /etc/fish, then vendor; an earlier name hides later ones. */
  private List<String> confSnippets(String config, String data) {
    List<String> dirs = new ArrayList<>();
    dirs.add(config + "/conf.d");
    dirs.add(SYSCONF_DIR + "/conf.d");
    dirs.add(data + "/vendor_conf.d");
    String xdgDataDirs = text("XDG_DATA_DIRS");
    if (xdgDataDirs != null && !xdgDataDirs.isEmpty()) {
      for (String d : xdgDataDirs.split(":")) {
        if (!d.isEmpty()) {
          dirs.add(d.replaceAll("/+$", "") + "/fish/vendor_conf.d");
        }
      }
    } else {
      dirs.add(DATA_DIR + "/vendor_conf.d");
    }
    dirs.add(DATA_DIR + "/vendor_conf.d");
    Map<String, String> seen = new LinkedHashMap<>();
    List<String> out = new ArrayList<>();
    for (String dir : new LinkedHashSet<>(dirs)) {
      for (String name : session.root.list(dir)) {
        if (!name.endsWith(".fish")) {
          continue;
        }
        String path = dir + "/" + name;
        if (seen.containsKey(name)) {
          StaticShellEvaluator.unread(session, path, StartupFileStatus.SHADOWED, "not read: fish sources only one"
              + " conf.d snippet per name, and " + seen.get(name) + " comes first");
          continue;
        }
        seen.put(name, path);
        if (session.root.isRegularFile(path)) {
          out.add(path);
        }
      }
    }
    return out;
  }

  private void loadUniversals(String path) {
    StaticShellSession.Loaded file = session.load(path, null, "fish universal variables (set -U, fish_add_path)");
    if (file == null) {
      session.files.removeIf(f -> f.path().equals(Root.normalize(path)) && f.status() == StartupFileStatus.MISSING);
      return;
    }
    String[] lines = file.lines();
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].trim();
      if (!line.startsWith("SETUVAR ")) {
        continue;
      }
      String rest = line.substring(8);
      boolean export = false;
      while (rest.startsWith("--")) {
        int sp = rest.indexOf(' ');
        if (sp < 0) {
          break;
        }
        export |= rest.startsWith("--export");
        rest = rest.substring(sp + 1);
      }
      int colon = rest.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = rest.substring(0, colon);
      Provenance p = StaticShellSession.lineProvenance(file.path(), lines, n);
      String owner = name.equals("fish_user_paths") ? "PATH" : name;
      List<StaticShellValue> elements = new ArrayList<>();
      String encoded = rest.substring(colon + 1);
      if (!encoded.isEmpty()) {
        for (String e : encoded.split("\\\\x1e", -1)) {
          elements.add(StaticShellValue.of(unescapeUniversal(e), p, owner, false, false));
        }
      }
      Var v = new Var();
      v.elements = isPathVariable(name) ? StaticShellFishVariables.splitColons(elements) : elements;
      v.exported = export;
      v.setBy = p;
      vars.universals.put(name, v);
      if (StaticShellEvaluator.TRACKED_VARIABLES.contains(name) || name.equals("fish_user_paths")) {
        Set<StartupStatement.Flag> flags = java.util.EnumSet.of(StartupStatement.Flag.UNIVERSAL);
        if (export || name.equals("fish_user_paths")) {
          flags.add(StartupStatement.Flag.EXPORTED);
        }
        if (name.equals("fish_user_paths")) {
          flags.add(StartupStatement.Flag.PREPENDS);
        }
        session.statement(p, p, StartupStatement.Kind.ASSIGNMENT, owner, null, flags);
        session.executed(p);
      }
    }
  }

  /** fish_variables escapes: backslash-x and two hex digits, and a doubled backslash. */
  private static String unescapeUniversal(String s) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\' && k + 3 < s.length() && s.charAt(k + 1) == 'x'
          && Character.digit(s.charAt(k + 2), 16) >= 0 && Character.digit(s.charAt(k + 3), 16) >= 0) {
        sb.append((char) Integer.parseInt(s.substring(k + 2, k + 4), 16));
        k += 3;
      } else if (c == '\\' && k + 1 < s.length() && s.charAt(k + 1) == '\\') {
        sb.append('\\');
        k++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  // ---- files ----

  private void runFile(String path, Provenance from, String reason) {
    StaticShellSession.Loaded file = session.load(path, from, reason);
    if (file == null) {
      if (from == null) {
        session.files.removeIf(f -> f.path().equals(Root.normalize(path)) && f.status() == StartupFileStatus.MISSING);
      }
      return;
    }
    Block ast = StaticShellFishParser.parse(file.text());
    StartupFishScanner.scan(session, file, ast);
    frames.push(file);
    session.fileStack.push(file.path());
    vars.locals.push(new HashMap<>());
    try {
      for (Statement st : ast.statements()) {
        try {
          statement(st);
        } catch (Leave l) {
          if (!session.mode.interactive() && session.insideGuard(st, st.span(), file.path())) {
            session.note(prov(st), StartupNote.Kind.GUARD_STOP, "non-interactive fish stops reading " + file.path()
                + " here (interactive-only guard); the lines below it never reach a desktop session");
          }
          break;
        }
      }
    } finally {
      vars.locals.pop();
      session.fileStack.pop();
      frames.pop();
    }
  }

  // ---- execution ----

  private StaticShellStatus block(Block b) {
    for (Statement st : b.statements()) {
      statement(st);
    }
    return lastStatus;
  }

  private void statement(Statement st) {
    if (!session.step(here)) {
      throw new OutOfBudget();
    }
    StaticShellStatus runs = switch (st.conjunction()) {
      case "and" -> lastStatus;
      case "or" -> lastStatus.not();
      default -> StaticShellStatus.TRUE;
    };
    if (runs == StaticShellStatus.FALSE) {
      return;
    }
    if (runs == StaticShellStatus.UNKNOWN) {
      session.note(prov(st), StartupNote.Kind.UNDECIDED, "could not decide whether this runs (the command before"
          + " it was not simulated); assumed it does");
      uncertain++;
    }
    try {
      session.executed(st);
      StaticShellStatus s = node(st.body(), st);
      s = st.negate() ? s.not() : s;
      lastStatus = runs == StaticShellStatus.UNKNOWN && s != lastStatus ? StaticShellStatus.UNKNOWN : s;
    } finally {
      if (runs == StaticShellStatus.UNKNOWN) {
        uncertain--;
      }
    }
  }

  private StaticShellStatus node(StaticShellFishNode body, Statement st) {
    here = prov(st);
    if (body instanceof Job j) {
      return job(j);
    }
    if (body instanceof If i) {
      for (int k = 0; k < i.conditions().size(); k++) {
        StaticShellStatus c = block(i.conditions().get(k));
        if (c == StaticShellStatus.TRUE) {
          return block(i.bodies().get(k));
        }
        if (c == StaticShellStatus.UNKNOWN) {
          session.note(prov(st), StartupNote.Kind.UNDECIDED, "could not decide this condition without running a"
              + " program; the simulation assumes it holds and marks what follows as conditional");
          uncertain++;
          try {
            block(i.bodies().get(k));
          } finally {
            uncertain--;
          }
          return StaticShellStatus.UNKNOWN;
        }
      }
      return i.elseBody() == null ? StaticShellStatus.TRUE : block(i.elseBody());
    }
    if (body instanceof For f) {
      List<StaticShellValue> items = new ArrayList<>();
      f.words().forEach(w -> items.addAll(expand(w.raw())));
      List<StaticShellValue> limited = items.size() > MAX_LOOP_ITEMS ? items.subList(0, MAX_LOOP_ITEMS) : items;
      for (StaticShellValue item : limited) {
        setVariable(f.variable(), List.of(item), Scope.LOCAL_OR_EXISTING, null, false);
        block(f.body());
      }
      return StaticShellStatus.TRUE;
    }
    if (body instanceof While) {
      session.note(prov(st), StartupNote.Kind.UNSUPPORTED, "while loops are not simulated; its lines are skipped");
      return StaticShellStatus.UNKNOWN;
    }
    if (body instanceof Function f) {
      functions.put(f.name(), f.body());
      return StaticShellStatus.TRUE;
    }
    if (body instanceof Begin b) {
      return block(b.body());
    }
    if (body instanceof Switch s) {
      StaticShellValue word = single(expand(s.word().raw()));
      if (word.dynamic()) {
        session.note(prov(st), StartupNote.Kind.UNDECIDED, "could not decide which case of this switch runs; none"
            + " was simulated");
        return StaticShellStatus.UNKNOWN;
      }
      for (StaticShellFishNode.SwitchCase c : s.cases()) {
        for (ShellWord p : c.patterns()) {
          for (StaticShellValue pv : expand(p.raw())) {
            ShellWordPart part = new ShellWordPart(pv, false, false);
            if (ShellWordPattern.regex(List.of(part), false).matcher(word.text()).matches()) {
              return block(c.body());
            }
          }
        }
      }
      return StaticShellStatus.TRUE;
    }
    if (body instanceof StaticShellFishNode.Unsupported u) {
      session.note(prov(st), StartupNote.Kind.UNSUPPORTED, "could not read this syntax (" + u.reason() + "); lines "
          + (u.span().line() + 1) + "-" + (u.span().endLine() + 1) + " are skipped");
      return StaticShellStatus.UNKNOWN;
    }
    return StaticShellStatus.UNKNOWN;
  }

  private StaticShellStatus job(Job j) {
    List<Command> commands = j.commands();
    if (commands.size() > 1) {
      Command last = commands.get(commands.size() - 1);
      if (last.name().equals("source") || last.name().equals(".")) {
        return activation(raw(commands.get(0).words()));
      }
      return StaticShellStatus.UNKNOWN;
    }
    Command c = commands.get(0);
    List<StaticShellValue> args = new ArrayList<>();
    for (ShellWord w : c.words().subList(1, c.words().size())) {
      args.addAll(expand(w.raw()));
    }
    List<StaticShellValue> name = expand(c.words().get(0).raw());
    if (name.isEmpty()) {
      return StaticShellStatus.FALSE;
    }
    return command(name.get(0).text(), args, c);
  }

  private StaticShellStatus command(String name, List<StaticShellValue> args, Command c) {
    if (functions.containsKey(name)) {
      return call(name, args);
    }
    List<String> a = args.stream().map(StaticShellValue::text).toList();
    switch (name) {
      case "set":
        return set(args);
      case "setenv":
        if (args.isEmpty()) {
          return StaticShellStatus.TRUE;
        }
        setVariable(a.get(0), args.subList(1, args.size()), Scope.GLOBAL, Boolean.TRUE, false);
        return StaticShellStatus.TRUE;
      case "fish_add_path":
        return fishAddPath(args);
      case "source", ".":
        return source(args, c);
      case "eval": {
        StaticShellValue text = StaticShellValue.join(args, " ", here, null, conditional());
        if (StartupStatementScanner.toolOfCommand(text.text()) != null) {
          return activation(text.text());
        }
        if (text.dynamic()) {
          session.note(here, StartupNote.Kind.INFO, "eval runs the output of a command we did not run; its effect"
              + " is not simulated");
          return StaticShellStatus.UNKNOWN;
        }
        return block(StaticShellFishParser.parse(text.text()));
      }
      case "exit", "return":
        if (conditional()) {
          session.note(here, StartupNote.Kind.UNDECIDED, "may " + name + " here; the lines below are treated as"
              + " reached and marked conditional");
          return StaticShellStatus.UNKNOWN;
        }
        throw new Leave(name.equals("exit"));
      case "true":
        return StaticShellStatus.TRUE;
      case "false":
        return StaticShellStatus.FALSE;
      case "status":
        return status(a);
      case "test":
        return StaticShellConditions.test(args, this);
      case "[": {
        List<StaticShellValue> t = new ArrayList<>(args);
        if (!t.isEmpty() && t.get(t.size() - 1).text().equals("]")) {
          t.remove(t.size() - 1);
        }
        return StaticShellConditions.test(t, this);
      }
      case "contains": {
        List<StaticShellValue> rest = args.stream().filter(v -> !v.text().equals("-i") && !v.text().equals("--")
            && !v.text().equals("--index")).toList();
        if (rest.isEmpty() || rest.stream().anyMatch(StaticShellValue::dynamic)) {
          return StaticShellStatus.UNKNOWN;
        }
        String key = rest.get(0).text();
        return StaticShellStatus.of(rest.subList(1, rest.size()).stream().anyMatch(v -> v.text().equals(key)));
      }
      case "type", "command", "builtin", "functions": {
        List<String> names = a.stream().filter(x -> !x.startsWith("-")).toList();
        if (names.isEmpty()) {
          return StaticShellStatus.FALSE;
        }
        boolean query = a.stream().anyMatch(x -> x.startsWith("-") && (x.contains("q") || x.contains("v")
            || x.equals("--query") || x.equals("--search")));
        if (!query && name.equals("command")) {
          return command(names.get(0), args.subList(a.indexOf(names.get(0)) + 1, args.size()), c);
        }
        boolean all = true;
        for (String n : names) {
          boolean found = switch (name) {
            case "functions" -> functions.containsKey(n) || autoloadable(n);
            case "builtin" -> Set.of("set", "status", "test", "source", "contains", "string", "command", "builtin",
                "functions", "type", "echo", "printf", "cd", "eval", "exit", "return", "true", "false").contains(n);
            case "command" -> lookup(n) != null;
            default -> functions.containsKey(n) || autoloadable(n) || lookup(n) != null;
          };
          all &= found;
        }
        return StaticShellStatus.of(all);
      }
      case "cd": {
        if (args.isEmpty() || args.get(0).dynamic()) {
          return StaticShellStatus.UNKNOWN;
        }
        String t = a.get(0);
        String dir = Root.normalize(t.startsWith("/") ? t : Root.join(cwd, t));
        if (session.root.isDirectory(dir)) {
          cwd = dir;
          return StaticShellStatus.TRUE;
        }
        return StaticShellStatus.FALSE;
      }
      case "string", "path", "math", "random", "date", "uname", "id":
        return StaticShellStatus.UNKNOWN;
      default:
        break;
    }
    if (NO_EFFECT.contains(name)) {
      return StaticShellStatus.TRUE;
    }
    return lookup(name) != null || autoloadable(name) ? StaticShellStatus.UNKNOWN : StaticShellStatus.FALSE;
  }

  private StaticShellStatus status(List<String> a) {
    if (a.isEmpty()) {
      return StaticShellStatus.TRUE;
    }
    return switch (a.get(0)) {
      case "is-interactive", "--is-interactive", "-i" -> StaticShellStatus.of(session.mode.interactive());
      case "is-login", "--is-login", "-l" -> StaticShellStatus.TRUE;
      case "is-command-substitution", "--is-command-substitution", "is-block", "--is-block",
          "is-no-job-control", "is-full-job-control" -> StaticShellStatus.FALSE;
      default -> StaticShellStatus.TRUE;
    };
  }

  private StaticShellStatus call(String name, List<StaticShellValue> args) {
    if (vars.functionDepth() >= MAX_FUNCTION_DEPTH) {
      session.note(here, StartupNote.Kind.LIMIT, "functions call each other more than " + MAX_FUNCTION_DEPTH
          + " deep; the call to " + name + " was not simulated");
      return StaticShellStatus.UNKNOWN;
    }
    vars.enterFunction();
    Map<String, Var> scope = new HashMap<>();
    Var argv = new Var();
    argv.elements = List.copyOf(args);
    scope.put("argv", argv);
    vars.locals.push(scope);
    try {
      return block(functions.get(name));
    } catch (Leave l) {
      if (l.exit) {
        throw l;
      }
      return lastStatus;
    } finally {
      vars.locals.pop();
      vars.leaveFunction();
    }
  }

  private boolean autoloadable(String name) {
    String home = text("HOME");
    String config = nonEmpty("XDG_CONFIG_HOME", home + "/.config") + "/fish/functions/";
    return session.root.isRegularFile(config + name + ".fish")
        || session.root.isRegularFile(SYSCONF_DIR + "/functions/" + name + ".fish")
        || session.root.isRegularFile(DATA_DIR + "/functions/" + name + ".fish");
  }

  // ---- set and PATH ----

  private StaticShellStatus set(List<StaticShellValue> args) {
    Scope scope = null;
    Boolean export = null;
    boolean append = false;
    boolean prepend = false;
    boolean erase = false;
    boolean query = false;
    boolean path = false;
    int k = 0;
    for (; k < args.size(); k++) {
      String t = args.get(k).text();
      if (t.equals("--")) {
        k++;
        break;
      }
      if (!t.startsWith("-") || t.equals("-")) {
        break;
      }
      if (t.startsWith("--")) {
        switch (t) {
          case "--local", "--function" -> scope = Scope.LOCAL;
          case "--global" -> scope = Scope.GLOBAL;
          case "--universal" -> scope = Scope.UNIVERSAL;
          case "--export" -> export = Boolean.TRUE;
          case "--unexport" -> export = Boolean.FALSE;
          case "--append" -> append = true;
          case "--prepend" -> prepend = true;
          case "--erase" -> erase = true;
          case "--query" -> query = true;
          case "--path" -> path = true;
          default -> {
          }
        }
        continue;
      }
      for (char ch : t.substring(1).toCharArray()) {
        switch (ch) {
          case 'l', 'f' -> scope = Scope.LOCAL;
          case 'g' -> scope = Scope.GLOBAL;
          case 'U' -> scope = Scope.UNIVERSAL;
          case 'x' -> export = Boolean.TRUE;
          case 'u' -> export = Boolean.FALSE;
          case 'a' -> append = true;
          case 'p' -> prepend = true;
          case 'e' -> erase = true;
          case 'q' -> query = true;
          default -> {
          }
        }
      }
    }
    if (k >= args.size()) {
      return query ? StaticShellStatus.FALSE : StaticShellStatus.TRUE;
    }
    List<StaticShellValue> rest = args.subList(k, args.size());
    if (query) {
      for (StaticShellValue v : rest) {
        String n = v.text().replaceAll("\\[.*$", "");
        if (vars.lookup(n, scope) == null) {
          return StaticShellStatus.FALSE;
        }
      }
      return StaticShellStatus.TRUE;
    }
    String name = rest.get(0).text();
    if (name.contains("[")) {
      session.note(here, StartupNote.Kind.UNSUPPORTED, "setting list elements by index is not simulated");
      return StaticShellStatus.UNKNOWN;
    }
    if (erase) {
      vars.erase(name, scope);
      return StaticShellStatus.TRUE;
    }
    List<StaticShellValue> values = rest.subList(1, rest.size());
    if (append || prepend) {
      Var existing = vars.lookup(name, scope);
      List<StaticShellValue> all = new ArrayList<>();
      if (prepend) {
        all.addAll(values);
      }
      if (existing != null) {
        all.addAll(existing.elements);
      }
      if (append) {
        all.addAll(values);
      }
      values = all;
    }
    setVariable(name, values, scope == null ? Scope.LOCAL_OR_EXISTING : scope, export, path);
    return StaticShellStatus.TRUE;
  }

  private void setVariable(String name, List<StaticShellValue> values, Scope scope, Boolean export, boolean path) {
    if (vars.set(name, values, scope, export, path, here, conditional())) {
      session.note(here, StartupNote.Kind.INFO, "a global " + name + " hides this universal value");
    }
  }

  /** fish_add_path as fish 3.x implements it: only existing directories, new ones only, universal by default. */
  private StaticShellStatus fishAddPath(List<StaticShellValue> args) {
    boolean global = false;
    boolean universal = false;
    boolean pathDirect = false;
    boolean append = false;
    boolean move = false;
    boolean dryRun = false;
    List<StaticShellValue> dirs = new ArrayList<>();
    boolean options = true;
    for (StaticShellValue v : args) {
      String t = v.text();
      if (options && t.equals("--")) {
        options = false;
      } else if (options && t.startsWith("--")) {
        global |= t.equals("--global");
        universal |= t.equals("--universal");
        pathDirect |= t.equals("--path");
        append |= t.equals("--append");
        move |= t.equals("--move");
        dryRun |= t.equals("--dry-run");
      } else if (options && t.startsWith("-") && t.length() > 1) {
        global |= t.contains("g");
        universal |= t.contains("U");
        pathDirect |= t.contains("P");
        append |= t.contains("a");
        move |= t.contains("m");
        dryRun |= t.contains("n");
      } else {
        dirs.add(v);
      }
    }
    if (dryRun) {
      return StaticShellStatus.TRUE;
    }
    Scope scope = global ? Scope.GLOBAL : universal ? Scope.UNIVERSAL
        : vars.lookup("fish_user_paths", null) == null ? Scope.UNIVERSAL : Scope.LOCAL_OR_EXISTING;
    String var = pathDirect ? "PATH" : "fish_user_paths";
    if (pathDirect) {
      scope = Scope.GLOBAL;
    }
    Var current = vars.lookup(var, scope == Scope.LOCAL_OR_EXISTING ? null : scope);
    List<StaticShellValue> existing = current == null ? List.of() : current.elements;
    List<StaticShellValue> fresh = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    for (StaticShellValue d : dirs) {
      if (d.dynamic()) {
        session.note(here, StartupNote.Kind.UNDECIDED, "fish_add_path gets a directory from a command we did not"
            + " run; skipped");
        continue;
      }
      String t = d.text();
      String p = Root.normalize(t.startsWith("/") ? t : Root.join(cwd, t));
      if (!session.root.isDirectory(p)) {
        session.note(here, StartupNote.Kind.INFO, "fish_add_path skips " + p + ": it is not an existing directory");
        continue;
      }
      boolean present = existing.stream().anyMatch(e -> e.text().equals(p));
      if (present) {
        if (move && !moved.contains(p)) {
          moved.add(p);
          fresh.add(StaticShellValue.of(p, here, "PATH", conditional(), false));
        }
      } else if (fresh.stream().noneMatch(e -> e.text().equals(p))) {
        fresh.add(StaticShellValue.of(p, here, "PATH", conditional(), false));
      }
    }
    if (fresh.isEmpty()) {
      return StaticShellStatus.FALSE;
    }
    List<StaticShellValue> kept = new ArrayList<>(existing);
    kept.removeIf(e -> moved.contains(e.text()));
    List<StaticShellValue> result = new ArrayList<>();
    if (append) {
      result.addAll(kept);
      result.addAll(fresh);
    } else {
      result.addAll(fresh);
      result.addAll(kept);
    }
    Boolean export = pathDirect ? Boolean.TRUE : null;
    setVariable(var, result, scope, export, false);
    return StaticShellStatus.TRUE;
  }

  // ---- source and activations ----

  private StaticShellStatus source(List<StaticShellValue> args, Command c) {
    String rawTarget = c.words().size() > 1 ? c.words().get(1).raw() : "";
    if (StartupStatementScanner.toolOfCommand(rawTarget) != null) {
      return activation(rawTarget);
    }
    if (args.isEmpty()) {
      return StaticShellStatus.FALSE;
    }
    StaticShellValue target = args.get(0);
    if (target.dynamic()) {
      session.note(here, StartupNote.Kind.UNSUPPORTED, "sources the output of a command we did not run ("
          + target.text() + "); not simulated");
      return StaticShellStatus.UNKNOWN;
    }
    String t = target.text();
    String path = Root.normalize(t.startsWith("/") ? t : Root.join(cwd, t));
    if (path.endsWith("/asdf.fish")) {
      return asdf(path);
    }
    runFile(path, here, "sourced");
    return session.root.isRegularFile(path) ? StaticShellStatus.TRUE : StaticShellStatus.FALSE;
  }

  private StaticShellStatus activation(String text) {
    Matcher goenv = GOENV_INIT.matcher(text);
    if (goenv.find()) {
      String command = goenv.group(1).replace("(", "").replace("\"", "").replace("'", "");
      if (lookup(command) == null) {
        session.note(here, StartupNote.Kind.TOOL, StaticShellToolNotes.notOnPath("goenv init", command));
        return StaticShellStatus.FALSE;
      }
      String root = nonEmpty("GOENV_ROOT", text("HOME") + "/.goenv");
      prependPath(root + "/shims");
      session.note(here, StartupNote.Kind.TOOL, StaticShellToolNotes.goenv(root,
          !"1".equals(text("GOENV_DISABLE_GOROOT")), !"1".equals(text("GOENV_DISABLE_GOPATH"))));
      return StaticShellStatus.TRUE;
    }
    Matcher mise = MISE_ACTIVATE.matcher(text);
    if (mise.find()) {
      String command = mise.group(1).replace("(", "").replace("\"", "");
      if (lookup(command) == null) {
        session.note(here, StartupNote.Kind.TOOL, StaticShellToolNotes.notOnPath("mise activate", command));
        return StaticShellStatus.FALSE;
      }
      if (mise.group(2).contains("--shims")) {
        String data = nonEmpty("MISE_DATA_DIR", nonEmpty("XDG_DATA_HOME", text("HOME") + "/.local/share") + "/mise");
        prependPath(data + "/shims");
        session.note(here, StartupNote.Kind.TOOL, StaticShellToolNotes.miseShims(data + "/shims"));
        return StaticShellStatus.TRUE;
      }
      session.note(here, StartupNote.Kind.TOOL, StaticShellToolNotes.mise());
      return StaticShellStatus.TRUE;
    }
    session.note(here, StartupNote.Kind.UNSUPPORTED, "sources the output of a command we did not run; not"
        + " simulated");
    return StaticShellStatus.UNKNOWN;
  }

  private StaticShellStatus asdf(String path) {
    if (!session.root.isRegularFile(path)) {
      session.files.add(new StartupFile(path, StartupFileStatus.MISSING, "does not exist", here));
      return StaticShellStatus.FALSE;
    }
    session.files.add(new StartupFile(path, StartupFileStatus.MODELLED, "asdf activation: its effect on PATH is"
        + " applied instead of reading it", here));
    String dir = nonEmpty("ASDF_DIR", Root.parent(path));
    String shims = nonEmpty("ASDF_DATA_DIR", text("HOME") + "/.asdf") + "/shims";
    for (String d : List.of(dir + "/bin", shims)) {
      Var p = vars.globals.get("PATH");
      boolean present = p != null && p.elements.stream().anyMatch(e -> e.text().equals(d));
      if (!present && session.root.isDirectory(d)) {
        prependPath(d);
      }
    }
    session.note(here, StartupNote.Kind.TOOL, StaticShellToolNotes.asdf(shims, dir + "/bin"));
    return StaticShellStatus.TRUE;
  }

  private void prependPath(String dir) {
    Var p = vars.globals.computeIfAbsent("PATH", n -> new Var());
    List<StaticShellValue> all = new ArrayList<>();
    all.add(StaticShellValue.of(dir, here, "PATH", conditional(), false));
    all.addAll(p.elements);
    p.elements = List.copyOf(all);
    p.exported = true;
    p.setBy = here;
    p.conditional = conditional();
  }

  // ---- expansion ----

  private List<StaticShellValue> expand(String raw) {
    return expander.expand(raw);
  }

  @Override
  public List<StaticShellValue> elements(String name) {
    if (name.equals("PWD")) {
      return List.of(StaticShellValue.plain(cwd));
    }
    Var v = vars.lookup(name, null);
    return v == null ? List.of() : v.elements;
  }

  @Override
  public String home() {
    return text("HOME");
  }

  @Override
  public Provenance here() {
    return here;
  }

  /** Output lines of a command substitution, or one dynamic value when we cannot know it. */
  @Override
  public List<StaticShellValue> substitute(String command) {
    Block b = StaticShellFishParser.parse(command);
    StaticShellValue unknown = StaticShellValue.of("(" + command + ")", here, null, conditional(), true);
    if (b.statements().size() != 1 || !(b.statements().get(0).body() instanceof Job j)
        || j.commands().size() != 1) {
      return List.of(unknown);
    }
    Command c = j.commands().get(0);
    List<StaticShellValue> words = new ArrayList<>();
    for (ShellWord w : c.words()) {
      words.addAll(expand(w.raw()));
    }
    if (words.isEmpty() || words.stream().anyMatch(StaticShellValue::dynamic)) {
      return List.of(unknown);
    }
    String out = StaticShellKnownCommands.output(words.stream().map(StaticShellValue::text).toList(),
        new StaticShellKnownCommands.Host(session.uid, cwd, session.root, frames.isEmpty() ? null : frames.peek().path(),
            this::text, name -> functions.containsKey(name) ? name : lookup(name)));
    if (out == null) {
      return List.of(unknown);
    }
    List<StaticShellValue> lines = new ArrayList<>();
    for (String line : out.replaceAll("\n+$", "").split("\n", -1)) {
      if (!out.isEmpty()) {
        lines.add(StaticShellValue.of(line, here, null, conditional(), false));
      }
    }
    return lines;
  }

  // ---- helpers ----

  private static boolean isPathVariable(String name) {
    return StaticShellFishExpander.isPathVariable(name);
  }

  private static StaticShellValue joined(String name, List<StaticShellValue> elements) {
    return StaticShellValue.join(elements, isPathVariable(name) ? ":" : " ", null, name, false);
  }

  private static StaticShellValue single(List<StaticShellValue> values) {
    return values.isEmpty() ? StaticShellValue.EMPTY : values.get(0);
  }

  private static String raw(List<ShellWord> words) {
    StringBuilder sb = new StringBuilder();
    words.forEach(w -> sb.append(w.raw()).append(' '));
    return sb.toString();
  }

  private String text(String name) {
    Var v = vars.lookup(name, null);
    if (v == null) {
      return null;
    }
    return joined(name, v.elements).text();
  }

  private String nonEmpty(String name, String fallback) {
    String v = text(name);
    return v == null || v.isEmpty() ? fallback : v;
  }

  String lookup(String command) {
    if (command.contains("/")) {
      return session.root.isExecutableFile(command) ? command : null;
    }
    Var path = vars.globals.get("PATH");
    if (path == null) {
      return null;
    }
    for (StaticShellValue e : path.elements) {
      String dir = e.text().isEmpty() ? cwd : e.text();
      String candidate = Root.join(dir.startsWith("/") ? dir : Root.join(cwd, dir), command);
      if (session.root.isExecutableFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Override
  public boolean conditional() {
    return uncertain > 0;
  }

  private Provenance prov(StaticShellFishNode node) {
    StaticShellSession.Loaded f = frames.peek();
    return f == null ? here : StaticShellSession.provenance(f.path(), f.lines(), node.span());
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
    return vars.lookup(name, null) != null;
  }
}
