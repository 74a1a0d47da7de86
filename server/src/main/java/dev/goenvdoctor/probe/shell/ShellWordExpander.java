package dev.goenvdoctor.probe.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands one shell word as sh, bash and zsh do for the cases startup files use: quotes, escapes, tilde
 * prefixes (at the start, and after {@code =} and {@code :} in assignments), {@code $VAR}, {@code ${VAR}}
 * with the POSIX operators and pattern removal, command substitution through the context, field splitting
 * (not in zsh) and pathname expansion. Anything else becomes a dynamic piece that keeps its source text.
 */
final class ShellWordExpander {
  /** Marks a forced field boundary (between the elements of {@code "${array[@]}"}). */
  static final ShellWordPart BREAK = new ShellWordPart(StaticShellValue.EMPTY, true, false);
  private static final int MAX_DEPTH = 16;
  private static final int MAX_PATTERN_SUBJECT = 4096;
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ShellWordContext ctx;
  private int depth;

  ShellWordExpander(ShellWordContext ctx) {
    this.ctx = ctx;
  }

  /** The word as one value, no splitting or globbing (assignments, {@code [[ ]]}, case words). */
  StaticShellValue value(String raw, boolean assignment) {
    return join(parts(raw, assignment));
  }

  /** The word as command arguments: split (except zsh) and globbed. */
  List<StaticShellValue> fields(String raw) {
    List<StaticShellValue> out = new ArrayList<>();
    for (List<ShellWordPart> field : split(parts(raw, false))) {
      if (ShellWordPattern.hasGlob(field)) {
        List<String> matches = ctx.glob(ShellWordPattern.components(field));
        if (!matches.isEmpty()) {
          matches.forEach(m -> out.add(literal(m)));
          continue;
        }
      }
      out.add(join(field));
    }
    return out;
  }

  /** A case pattern or {@code [[ == ]]} right side as a regex over the whole subject. */
  Pattern pattern(String raw) {
    return ShellWordPattern.regex(parts(raw, false), false);
  }

  List<ShellWordPart> parts(String raw, boolean assignment) {
    List<ShellWordPart> out = new ArrayList<>();
    if (++depth > MAX_DEPTH) {
      out.add(new ShellWordPart(dynamic(raw), true, false));
      depth--;
      return out;
    }
    try {
      expand(raw, 0, raw.length(), false, assignment, out);
    } finally {
      depth--;
    }
    return out;
  }

  static StaticShellValue join(List<ShellWordPart> parts) {
    List<StaticShellPiece> pieces = new ArrayList<>();
    boolean first = true;
    for (ShellWordPart p : parts) {
      if (p == BREAK) {
        if (!first) {
          pieces.add(new StaticShellPiece(" ", null, null, false, false));
        }
        continue;
      }
      first = false;
      pieces.addAll(p.value().pieces());
    }
    return new StaticShellValue(pieces);
  }

  private List<List<ShellWordPart>> split(List<ShellWordPart> parts) {
    List<List<ShellWordPart>> fields = new ArrayList<>();
    List<ShellWordPart> current = new ArrayList<>();
    boolean content = false;
    boolean zsh = ctx.kind() == ShellKind.ZSH;
    for (ShellWordPart p : parts) {
      if (p == BREAK) {
        if (content || !current.isEmpty()) {
          fields.add(current);
        }
        current = new ArrayList<>();
        content = false;
        continue;
      }
      if (p.splittable() && !zsh) {
        StaticShellValue v = p.value();
        String t = v.text();
        int start = 0;
        for (int k = 0; k <= t.length(); k++) {
          boolean ws = k < t.length() && (t.charAt(k) == ' ' || t.charAt(k) == '\t' || t.charAt(k) == '\n');
          if (k == t.length() || ws) {
            if (k > start) {
              current.add(new ShellWordPart(v.slice(start, k), false, true));
              content = true;
            }
            if (ws && content) {
              fields.add(current);
              current = new ArrayList<>();
              content = false;
            }
            start = k + 1;
          }
        }
        continue;
      }
      current.add(p);
      if (p.quoted() || !p.value().isEmpty()) {
        content = true;
      }
    }
    if (content) {
      fields.add(current);
    }
    return fields;
  }

  private void expand(String s, int from, int to, boolean inDouble, boolean assignment, List<ShellWordPart> out) {
    StringBuilder lit = new StringBuilder();
    boolean litQuoted = inDouble;
    boolean tildeOk = !inDouble;
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (tildeOk && c == '~') {
        int end = tildeEnd(s, i + 1, to, assignment);
        StaticShellValue home = end < 0 ? null : tilde(s.substring(i + 1, end));
        if (home != null) {
          flush(lit, litQuoted, out);
          out.add(new ShellWordPart(home, true, false));
          i = end;
          tildeOk = false;
          continue;
        }
      }
      tildeOk = false;
      if (!inDouble && c == '\\') {
        if (i + 1 < to && s.charAt(i + 1) == '\n') {
          i += 2;
          continue;
        }
        litQuoted = switchLiteral(lit, litQuoted, true, out);
        lit.append(i + 1 < to ? s.charAt(i + 1) : '\\');
        i += 2;
        continue;
      }
      if (inDouble && c == '\\') {
        char n = i + 1 < to ? s.charAt(i + 1) : 0;
        if (n == '\n') {
          i += 2;
          continue;
        }
        if (n == '$' || n == '`' || n == '"' || n == '\\') {
          lit.append(n);
          i += 2;
          continue;
        }
        lit.append('\\');
        i++;
        continue;
      }
      if (!inDouble && c == '\'') {
        int end = Math.min(to, ShellWordScanner.afterSingleQuote(s, i + 1));
        litQuoted = switchLiteral(lit, litQuoted, true, out);
        lit.append(s, i + 1, s.charAt(end - 1) == '\'' && end - 1 > i ? end - 1 : end);
        flushMarker(lit, litQuoted, out);
        i = end;
        continue;
      }
      if (!inDouble && (c == '"' || (c == '$' && i + 1 < to && s.charAt(i + 1) == '"'))) {
        int open = c == '"' ? i : i + 1;
        int end = Math.min(to, ShellWordScanner.afterDoubleQuote(s, open + 1));
        int innerEnd = end > open + 1 && s.charAt(end - 1) == '"' ? end - 1 : end;
        flush(lit, litQuoted, out);
        out.add(new ShellWordPart(StaticShellValue.EMPTY, true, false));
        expand(s, open + 1, innerEnd, true, false, out);
        i = end;
        litQuoted = false;
        continue;
      }
      if (c == '$' && i + 1 < to) {
        int next = dollar(s, i, to, inDouble, lit, litQuoted, out);
        if (next > i) {
          i = next;
          litQuoted = inDouble;
          continue;
        }
      }
      if (c == '`') {
        int end = Math.min(to, ShellWordScanner.afterBackquote(s, i + 1));
        String inner = s.substring(i + 1, s.charAt(end - 1) == '`' && end - 1 > i ? end - 1 : end)
            .replace("\\$", "$").replace("\\`", "`").replace("\\\\", "\\");
        flush(lit, litQuoted, out);
        out.add(new ShellWordPart(ctx.commandSubstitution(inner), inDouble, !inDouble));
        litQuoted = inDouble;
        i = end;
        continue;
      }
      litQuoted = switchLiteral(lit, litQuoted, inDouble, out);
      lit.append(c);
      if (assignment && !inDouble && c == ':') {
        tildeOk = true;
      }
      i++;
    }
    flush(lit, litQuoted, out);
  }

  /** Handles a '$' at i; returns the index after it, or i when it is a plain '$'. */
  private int dollar(String s, int i, int to, boolean inDouble, StringBuilder lit, boolean litQuoted,
      List<ShellWordPart> out) {
    char n = s.charAt(i + 1);
    if (!inDouble && n == '\'') {
      int end = Math.min(to, ShellWordScanner.afterAnsiC(s, i + 2));
      String body = s.substring(i + 2, s.charAt(end - 1) == '\'' && end - 1 > i + 1 ? end - 1 : end);
      flush(lit, litQuoted, out);
      out.add(new ShellWordPart(literal(ansiC(body)), true, false));
      return end;
    }
    if (s.startsWith("$((", i)) {
      int end = Math.min(to, ShellWordScanner.afterParen(s, i + 3, 2));
      flush(lit, litQuoted, out);
      out.add(new ShellWordPart(dynamic(s.substring(i, end)), inDouble, !inDouble));
      return end;
    }
    if (n == '(') {
      int end = Math.min(to, ShellWordScanner.afterParen(s, i + 2, 1));
      String inner = s.substring(i + 2, s.charAt(end - 1) == ')' ? end - 1 : end);
      flush(lit, litQuoted, out);
      out.add(new ShellWordPart(ctx.commandSubstitution(inner), inDouble, !inDouble));
      return end;
    }
    if (n == '{') {
      int end = Math.min(to, ShellWordScanner.afterBrace(s, i + 2));
      String body = s.substring(i + 2, s.charAt(end - 1) == '}' ? end - 1 : end);
      flush(lit, litQuoted, out);
      parameter(body, s.substring(i, end), inDouble, out);
      return end;
    }
    if (Character.isLetter(n) || n == '_') {
      int end = i + 1;
      while (end < to && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')
          && s.charAt(end) < 128) {
        end++;
      }
      flush(lit, litQuoted, out);
      simpleVariable(s.substring(i + 1, end), inDouble, out);
      return end;
    }
    if (Character.isDigit(n) || "@*#?-$!".indexOf(n) >= 0) {
      flush(lit, litQuoted, out);
      simpleVariable(String.valueOf(n), inDouble, out);
      return i + 2;
    }
    return i;
  }

  private void simpleVariable(String name, boolean inDouble, List<ShellWordPart> out) {
    if (ctx.kind() == ShellKind.ZSH && !inDouble) {
      List<StaticShellValue> elements = ctx.array(name);
      if (elements != null) {
        emitElements(elements, false, out);
        return;
      }
    }
    StaticShellValue v = ctx.variable(name);
    out.add(new ShellWordPart(v == null ? StaticShellValue.EMPTY : v, inDouble, !inDouble));
  }

  private void emitElements(List<StaticShellValue> elements, boolean quoted, List<ShellWordPart> out) {
    for (int k = 0; k < elements.size(); k++) {
      if (k > 0) {
        out.add(BREAK);
      }
      out.add(new ShellWordPart(elements.get(k), quoted, false));
    }
  }

  private void parameter(String body, String source, boolean inDouble, List<ShellWordPart> out) {
    if (body.isEmpty() || body.startsWith("(")) {
      out.add(new ShellWordPart(dynamic(source), inDouble, !inDouble));
      return;
    }
    if (body.length() > 1 && body.charAt(0) == '#') {
      String target = body.substring(1);
      List<StaticShellValue> arr = target.endsWith("[@]") || target.endsWith("[*]")
          ? ctx.array(target.substring(0, target.length() - 3)) : null;
      if (arr != null) {
        out.add(new ShellWordPart(literal(String.valueOf(arr.size())), inDouble, !inDouble));
        return;
      }
      if (NAME.matcher(target).matches() || target.length() == 1) {
        StaticShellValue v = ctx.variable(target);
        String len = v == null ? "0" : String.valueOf(v.text().codePointCount(0, v.text().length()));
        out.add(new ShellWordPart(v != null && v.dynamic() ? dynamic(source) : literal(len), inDouble, !inDouble));
        return;
      }
    }
    if (body.charAt(0) == '!' && body.length() > 1 && NAME.matcher(body.substring(1)).matches()) {
      StaticShellValue ref = ctx.variable(body.substring(1));
      StaticShellValue v = ref != null && NAME.matcher(ref.text()).matches() ? ctx.variable(ref.text()) : null;
      out.add(new ShellWordPart(v == null ? StaticShellValue.EMPTY : v, inDouble, !inDouble));
      return;
    }
    int k = 0;
    if (Character.isLetter(body.charAt(0)) || body.charAt(0) == '_') {
      while (k < body.length() && (Character.isLetterOrDigit(body.charAt(k)) || body.charAt(k) == '_')) {
        k++;
      }
    } else if (Character.isDigit(body.charAt(0))) {
      while (k < body.length() && Character.isDigit(body.charAt(k))) {
        k++;
      }
    } else if ("@*#?-$!".indexOf(body.charAt(0)) >= 0) {
      k = 1;
    } else {
      out.add(new ShellWordPart(dynamic(source), inDouble, !inDouble));
      return;
    }
    String name = body.substring(0, k);
    String subscript = null;
    if (k < body.length() && body.charAt(k) == '[') {
      int close = body.indexOf(']', k);
      if (close < 0) {
        out.add(new ShellWordPart(dynamic(source), inDouble, !inDouble));
        return;
      }
      subscript = body.substring(k + 1, close);
      k = close + 1;
    }
    String op = body.substring(k);
    StaticShellValue v;
    if (subscript != null) {
      List<StaticShellValue> arr = ctx.array(name);
      if (subscript.equals("@") || subscript.equals("*")) {
        if (arr == null) {
          StaticShellValue scalar = ctx.variable(name);
          arr = scalar == null ? List.of() : List.of(scalar);
        }
        if (op.isEmpty()) {
          if (inDouble && subscript.equals("@")) {
            emitElements(arr, true, out);
          } else {
            emitElements(arr, inDouble, out);
          }
          return;
        }
        v = StaticShellValue.join(arr, " ", ctx.here(), null, ctx.conditional());
      } else if (subscript.matches("-?[0-9]+")) {
        int index = Integer.parseInt(subscript);
        if (arr == null) {
          StaticShellValue scalar = ctx.variable(name);
          arr = scalar == null ? List.of() : List.of(scalar);
        }
        int base = ctx.kind() == ShellKind.ZSH ? 1 : 0;
        int at = index < 0 ? arr.size() + index : index - base;
        v = at >= 0 && at < arr.size() ? arr.get(at) : null;
      } else {
        out.add(new ShellWordPart(dynamic(source), inDouble, !inDouble));
        return;
      }
    } else {
      v = ctx.variable(name);
    }
    boolean set = v != null;
    boolean empty = v == null || v.isEmpty();
    if (op.isEmpty()) {
      out.add(new ShellWordPart(set ? v : StaticShellValue.EMPTY, inDouble, !inDouble));
      return;
    }
    String[] simpleOps = {":-", ":=", ":+", ":?", "-", "=", "+", "?"};
    for (String o : simpleOps) {
      if (op.startsWith(o)) {
        String word = op.substring(o.length());
        boolean colon = o.startsWith(":");
        char kind = o.charAt(o.length() - 1);
        boolean missing = colon ? empty : !set;
        switch (kind) {
          case '-' -> {
            if (missing) {
              addWord(word, inDouble, out);
            } else {
              out.add(new ShellWordPart(v, inDouble, !inDouble));
            }
          }
          case '=' -> {
            if (missing) {
              StaticShellValue w = join(wordParts(word, inDouble));
              ctx.assignDefault(name, w);
              out.add(new ShellWordPart(w, inDouble, !inDouble));
            } else {
              out.add(new ShellWordPart(v, inDouble, !inDouble));
            }
          }
          case '+' -> {
            if (!missing) {
              addWord(word, inDouble, out);
            } else {
              out.add(new ShellWordPart(StaticShellValue.EMPTY, inDouble, !inDouble));
            }
          }
          default -> out.add(new ShellWordPart(missing ? dynamic(source) : v, inDouble, !inDouble));
        }
        return;
      }
    }
    StaticShellValue subject = set ? v : StaticShellValue.EMPTY;
    if (subject.dynamic() || subject.text().length() > MAX_PATTERN_SUBJECT) {
      out.add(new ShellWordPart(dynamic(source), inDouble, !inDouble));
      return;
    }
    StaticShellValue result = operate(op, subject);
    out.add(new ShellWordPart(result == null ? dynamic(source) : result, inDouble, !inDouble));
  }

  private StaticShellValue operate(String op, StaticShellValue v) {
    String t = v.text();
    if (op.startsWith("##") || op.startsWith("#")) {
      boolean longest = op.startsWith("##");
      Pattern p = ShellWordPattern.regex(wordParts(op.substring(longest ? 2 : 1), false), false);
      for (int k = longest ? t.length() : 0; longest ? k >= 0 : k <= t.length(); k += longest ? -1 : 1) {
        if (p.matcher(t.substring(0, k)).matches()) {
          return v.slice(k, t.length());
        }
      }
      return v;
    }
    if (op.startsWith("%%") || op.startsWith("%")) {
      boolean longest = op.startsWith("%%");
      Pattern p = ShellWordPattern.regex(wordParts(op.substring(longest ? 2 : 1), false), false);
      for (int k = longest ? 0 : t.length(); longest ? k <= t.length() : k >= 0; k += longest ? 1 : -1) {
        if (p.matcher(t.substring(k)).matches()) {
          return v.slice(0, k);
        }
      }
      return v;
    }
    if (op.startsWith("/")) {
      return replace(op, v);
    }
    switch (op) {
      case "^^":
        return literal(t.toUpperCase(Locale.ROOT));
      case ",,":
        return literal(t.toLowerCase(Locale.ROOT));
      default:
        break;
    }
    if (op.startsWith(":") && op.length() > 1 && (Character.isDigit(op.charAt(1)) || op.charAt(1) == ' ')) {
      String[] nums = op.substring(1).trim().split(":", -1);
      try {
        int off = Integer.parseInt(nums[0].trim());
        int start = off < 0 ? Math.max(0, t.length() + off) : Math.min(t.length(), off);
        int end = t.length();
        if (nums.length > 1) {
          int len = Integer.parseInt(nums[1].trim());
          end = len < 0 ? Math.max(start, t.length() + len) : Math.min(t.length(), start + len);
        }
        return v.slice(start, end);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (ctx.kind() == ShellKind.ZSH && op.startsWith(":")) {
      return zshModifiers(op, v);
    }
    return null;
  }

  private StaticShellValue replace(String op, StaticShellValue v) {
    boolean all = op.startsWith("//");
    String rest = op.substring(all ? 2 : 1);
    boolean anchorStart = !all && rest.startsWith("#");
    boolean anchorEnd = !all && rest.startsWith("%");
    if (anchorStart || anchorEnd) {
      rest = rest.substring(1);
    }
    int slash = patternEnd(rest);
    String pat = rest.substring(0, slash);
    String rep = slash < rest.length() ? rest.substring(slash + 1) : "";
    if (pat.isEmpty()) {
      return v;
    }
    Pattern p = ShellWordPattern.regex(wordParts(pat, false), false);
    String regex = (anchorStart ? "^" : "") + "(?:" + p.pattern() + ")" + (anchorEnd ? "$" : "");
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(v.text());
    String replacement = Matcher.quoteReplacement(join(wordParts(rep, false)).text());
    String out = all ? m.replaceAll(replacement) : m.replaceFirst(replacement);
    return out.equals(v.text()) ? v : literal(out);
  }

  private static int patternEnd(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) != '/') {
      i = ShellWordScanner.afterUnit(s, i);
    }
    return Math.min(i, s.length());
  }

  private StaticShellValue zshModifiers(String op, StaticShellValue v) {
    String t = v.text();
    for (String mod : op.substring(1).split(":")) {
      switch (mod) {
        case "h" -> t = t.contains("/") ? (t.lastIndexOf('/') == 0 ? "/" : t.substring(0, t.lastIndexOf('/'))) : ".";
        case "t" -> t = t.substring(t.lastIndexOf('/') + 1);
        case "a", "A" -> {
          if (!t.startsWith("/")) {
            return null;
          }
          t = dev.goenvdoctor.probe.Root.normalize(t);
        }
        case "r" -> {
          int dot = t.lastIndexOf('.');
          if (dot > t.lastIndexOf('/')) {
            t = t.substring(0, dot);
          }
        }
        case "e" -> {
          int dot = t.lastIndexOf('.');
          t = dot > t.lastIndexOf('/') ? t.substring(dot + 1) : "";
        }
        default -> {
          return null;
        }
      }
    }
    return literal(t);
  }

  private void addWord(String word, boolean inDouble, List<ShellWordPart> out) {
    for (ShellWordPart p : wordParts(word, inDouble)) {
      out.add(p == BREAK ? p : new ShellWordPart(p.value(), p.quoted() || inDouble, p.splittable() && !inDouble));
    }
  }

  private List<ShellWordPart> wordParts(String word, boolean inDouble) {
    List<ShellWordPart> out = new ArrayList<>();
    if (++depth > MAX_DEPTH) {
      depth--;
      out.add(new ShellWordPart(dynamic(word), true, false));
      return out;
    }
    try {
      expand(word, 0, word.length(), inDouble, false, out);
    } finally {
      depth--;
    }
    return out;
  }

  /** End of a tilde prefix starting at {@code from}, or -1 when quoting makes it no tilde prefix. */
  private static int tildeEnd(String s, int from, int to, boolean assignment) {
    int j = from;
    while (j < to) {
      char c = s.charAt(j);
      if (c == '/' || (assignment && c == ':')) {
        break;
      }
      if ("'\"\\$`".indexOf(c) >= 0) {
        return -1;
      }
      j++;
    }
    return j;
  }

  private StaticShellValue tilde(String user) {
    String dir;
    if (user.isEmpty()) {
      StaticShellValue home = ctx.variable("HOME");
      if (home == null) {
        dir = ctx.homeOf(null);
      } else {
        return new StaticShellValue(home.pieces()).assignedTo("HOME", ctx.here(), ctx.conditional());
      }
    } else if (user.equals("+")) {
      StaticShellValue pwd = ctx.variable("PWD");
      dir = pwd == null ? null : pwd.text();
    } else if (user.equals("-")) {
      StaticShellValue old = ctx.variable("OLDPWD");
      dir = old == null ? null : old.text();
    } else {
      dir = ctx.homeOf(user);
    }
    return dir == null ? null : literal(dir);
  }

  private boolean switchLiteral(StringBuilder lit, boolean litQuoted, boolean quoted, List<ShellWordPart> out) {
    if (litQuoted != quoted) {
      flush(lit, litQuoted, out);
    }
    return quoted;
  }

  private void flush(StringBuilder lit, boolean quoted, List<ShellWordPart> out) {
    if (lit.length() > 0) {
      out.add(new ShellWordPart(literal(lit.toString()), quoted, false));
      lit.setLength(0);
    }
  }

  private void flushMarker(StringBuilder lit, boolean quoted, List<ShellWordPart> out) {
    if (lit.length() == 0) {
      out.add(new ShellWordPart(StaticShellValue.EMPTY, true, false));
    } else {
      flush(lit, quoted, out);
    }
  }

  private StaticShellValue literal(String text) {
    return StaticShellValue.of(text, ctx.here(), null, ctx.conditional(), false);
  }

  private StaticShellValue dynamic(String text) {
    return StaticShellValue.of(text, ctx.here(), null, ctx.conditional(), true);
  }

  static String ansiC(String body) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        sb.append(c);
        continue;
      }
      char n = body.charAt(++i);
      switch (n) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'a' -> sb.append('\007');
        case 'b' -> sb.append('\b');
        case 'e', 'E' -> sb.append('\033');
        case 'f' -> sb.append('\f');
        case 'v' -> sb.append('\013');
        case '\\', '\'', '"', '?' -> sb.append(n);
        case 'x' -> {
          int end = i + 1;
          while (end < body.length() && end < i + 3 && Character.digit(body.charAt(end), 16) >= 0) {
            end++;
          }
          if (end > i + 1) {
            sb.append((char) Integer.parseInt(body.substring(i + 1, end), 16));
            i = end - 1;
          } else {
            sb.append("\\x");
          }
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int end = i;
          while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
            end++;
          }
          sb.append((char) Integer.parseInt(body.substring(i, end), 8));
          i = end - 1;
        }
        default -> sb.append('\\').append(n);
      }
    }
    return sb.toString();
  }
}
