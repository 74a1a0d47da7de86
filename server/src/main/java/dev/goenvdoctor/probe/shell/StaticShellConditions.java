package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.probe.Root;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates {@code test}/{@code [ ]} and {@code [[ ]]} expressions against the simulated state: file tests go
 * through the {@link Root}, string and number tests use the simulated values, and anything that depends on
 * a value we could not compute is {@link StaticShellStatus#UNKNOWN}.
 */
final class StaticShellConditions {
  private static final Set<String> UNARY = Set.of("-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-n", "-o",
      "-p", "-r", "-s", "-t", "-u", "-v", "-w", "-x", "-z", "-G", "-L", "-N", "-O", "-R", "-S");
  private static final Set<String> BINARY = Set.of("=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt",
      "-ge", "-nt", "-ot", "-ef", "=~");

  /** What a test needs from the simulation. */
  interface Env {
    Root root();

    String cwd();

    boolean interactive();

    boolean isSet(String name);
  }

  /** One operand: the text used to recognise operators, and its value. */
  record Operand(String operatorText, StaticShellValue value, String raw) {}

  private final List<Operand> ops;
  private final boolean doubleBracket;
  private final Env env;
  private final Function<String, Pattern> patternOf;
  private int i;

  private StaticShellConditions(List<Operand> ops, boolean doubleBracket, Env env,
      Function<String, Pattern> patternOf) {
    this.ops = ops;
    this.doubleBracket = doubleBracket;
    this.env = env;
    this.patternOf = patternOf;
  }

  /** {@code test}/{@code [}: arguments already expanded (the closing ']' removed). */
  static StaticShellStatus test(List<StaticShellValue> args, Env env) {
    List<Operand> ops = args.stream().map(v -> new Operand(v.text(), v, null)).toList();
    if (ops.size() <= 4) {
      return posixByCount(ops, env);
    }
    return new StaticShellConditions(ops, false, env, null).expression();
  }

  /** {@code [[ ... ]]}: raw words between the brackets; operators are recognised unquoted only. */
  static StaticShellStatus doubleBracket(List<ShellWord> words, ShellWordExpander expander, Env env) {
    List<Operand> ops = words.stream()
        .map(w -> new Operand(w.raw(), expander.value(w.raw(), false), w.raw()))
        .toList();
    return new StaticShellConditions(ops, true, env, expander::pattern).expression();
  }

  /** The POSIX rules by argument count, which keep {@code [ -n ]} and {@code [ = ]} meaning strings. */
  private static StaticShellStatus posixByCount(List<Operand> ops, Env env) {
    StaticShellConditions c = new StaticShellConditions(ops, false, env, null);
    switch (ops.size()) {
      case 0:
        return StaticShellStatus.FALSE;
      case 1:
        return nonEmpty(ops.get(0).value());
      case 2:
        if (ops.get(0).operatorText().equals("!")) {
          return nonEmpty(ops.get(1).value()).not();
        }
        if (UNARY.contains(ops.get(0).operatorText())) {
          return c.unary(ops.get(0).operatorText(), ops.get(1).value());
        }
        return StaticShellStatus.FALSE;
      case 3:
        if (BINARY.contains(ops.get(1).operatorText()) || ops.get(1).operatorText().equals("-a")
            || ops.get(1).operatorText().equals("-o")) {
          String op = ops.get(1).operatorText();
          if (op.equals("-a")) {
            return nonEmpty(ops.get(0).value()).and(nonEmpty(ops.get(2).value()));
          }
          if (op.equals("-o")) {
            return nonEmpty(ops.get(0).value()).or(nonEmpty(ops.get(2).value()));
          }
          return c.binary(ops.get(0), op, ops.get(2));
        }
        if (ops.get(0).operatorText().equals("!")) {
          return posixByCount(ops.subList(1, 3), env).not();
        }
        if (ops.get(0).operatorText().equals("(") && ops.get(2).operatorText().equals(")")) {
          return nonEmpty(ops.get(1).value());
        }
        return c.expression();
      default:
        if (ops.get(0).operatorText().equals("!")) {
          return posixByCount(ops.subList(1, 4), env).not();
        }
        return c.expression();
    }
  }

  private StaticShellStatus expression() {
    StaticShellStatus s = or();
    return i < ops.size() ? StaticShellStatus.UNKNOWN : s;
  }

  private StaticShellStatus or() {
    StaticShellStatus s = and();
    while (i < ops.size() && isOp(doubleBracket ? "||" : "-o")) {
      i++;
      s = s.or(and());
    }
    return s;
  }

  private StaticShellStatus and() {
    StaticShellStatus s = not();
    while (i < ops.size() && isOp(doubleBracket ? "&&" : "-a")) {
      i++;
      s = s.and(not());
    }
    return s;
  }

  private StaticShellStatus not() {
    if (i < ops.size() && isOp("!") && i + 1 < ops.size()) {
      i++;
      return not().not();
    }
    return primary();
  }

  private StaticShellStatus primary() {
    if (i >= ops.size()) {
      return StaticShellStatus.UNKNOWN;
    }
    if (isOp("(")) {
      i++;
      StaticShellStatus s = or();
      if (i < ops.size() && isOp(")")) {
        i++;
      }
      return s;
    }
    String op = ops.get(i).operatorText();
    if (i + 2 < ops.size() && BINARY.contains(ops.get(i + 1).operatorText())) {
      Operand left = ops.get(i);
      String bop = ops.get(i + 1).operatorText();
      Operand right = ops.get(i + 2);
      i += 3;
      return binary(left, bop, right);
    }
    if (UNARY.contains(op) && i + 1 < ops.size()) {
      StaticShellValue arg = ops.get(i + 1).value();
      i += 2;
      return unary(op, arg);
    }
    StaticShellValue v = ops.get(i++).value();
    return nonEmpty(v);
  }

  private boolean isOp(String text) {
    return ops.get(i).operatorText().equals(text);
  }

  private static StaticShellStatus nonEmpty(StaticShellValue v) {
    if (v.dynamic()) {
      return StaticShellStatus.UNKNOWN;
    }
    return StaticShellStatus.of(!v.isEmpty());
  }

  private StaticShellStatus unary(String op, StaticShellValue arg) {
    if (arg.dynamic()) {
      return StaticShellStatus.UNKNOWN;
    }
    String t = arg.text();
    switch (op) {
      case "-n":
        return StaticShellStatus.of(!t.isEmpty());
      case "-z":
        return StaticShellStatus.of(t.isEmpty());
      case "-v":
        return StaticShellStatus.of(env.isSet(t));
      case "-o":
        return switch (t) {
          case "interactive" -> StaticShellStatus.of(env.interactive());
          case "login" -> StaticShellStatus.TRUE;
          default -> StaticShellStatus.UNKNOWN;
        };
      case "-t":
        return StaticShellStatus.UNKNOWN;
      default:
        break;
    }
    if (t.isEmpty()) {
      return StaticShellStatus.FALSE;
    }
    String path = t.startsWith("/") ? t : Root.join(env.cwd(), t);
    Root root = env.root();
    return switch (op) {
      case "-d" -> StaticShellStatus.of(root.isDirectory(path));
      case "-f" -> StaticShellStatus.of(root.isRegularFile(path));
      case "-e", "-a", "-r", "-w", "-R" -> StaticShellStatus.of(root.exists(path));
      case "-x" -> StaticShellStatus.of(root.isExecutableFile(path) || root.isDirectory(path));
      case "-s" -> StaticShellStatus.of(root.isDirectory(path)
          || root.readBytes(path, 1).map(b -> b.length > 0).orElse(false));
      case "-h", "-L" -> StaticShellStatus.of(root.isSymlink(path));
      default -> root.exists(path) ? StaticShellStatus.UNKNOWN : StaticShellStatus.FALSE;
    };
  }

  private StaticShellStatus binary(Operand left, String op, Operand right) {
    StaticShellValue l = left.value();
    StaticShellValue r = right.value();
    if (l.dynamic() || r.dynamic()) {
      return StaticShellStatus.UNKNOWN;
    }
    switch (op) {
      case "=", "==", "!=": {
        boolean eq;
        if (doubleBracket && patternOf != null) {
          eq = patternOf.apply(right.raw()).matcher(l.text()).matches();
        } else {
          eq = l.text().equals(r.text());
        }
        return StaticShellStatus.of(op.equals("!=") != eq);
      }
      case "<":
        return StaticShellStatus.of(l.text().compareTo(r.text()) < 0);
      case ">":
        return StaticShellStatus.of(l.text().compareTo(r.text()) > 0);
      case "=~":
        try {
          return StaticShellStatus.of(Pattern.compile(r.text()).matcher(l.text()).find());
        } catch (PatternSyntaxException e) {
          return StaticShellStatus.UNKNOWN;
        }
      case "-nt", "-ot", "-ef":
        return StaticShellStatus.UNKNOWN;
      default:
        break;
    }
    Long a = integer(l.text());
    Long b = integer(r.text());
    if (a == null || b == null) {
      return doubleBracket ? StaticShellStatus.UNKNOWN : StaticShellStatus.FALSE;
    }
    int cmp = Long.compare(a, b);
    return StaticShellStatus.of(switch (op) {
      case "-eq" -> cmp == 0;
      case "-ne" -> cmp != 0;
      case "-lt" -> cmp < 0;
      case "-le" -> cmp <= 0;
      case "-gt" -> cmp > 0;
      default -> cmp >= 0;
    });
  }

  private static Long integer(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
