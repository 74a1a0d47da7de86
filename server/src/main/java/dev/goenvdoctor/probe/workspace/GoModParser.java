package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.text.LineIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses go.mod and go.work with the go command's grammar (golang.org/x/mod/modfile: read.go for the
 * syntax, rule.go for the directives) and its error wording. Unlike the go command it does not stop at
 * the first syntax error: the broken line is reported and skipped. Never throws.
 */
final class GoModParser {
  /** modfile.GoVersionRE: the accepted forms of a {@code go} line. */
  static final Pattern GO_VERSION = Pattern.compile("^([1-9][0-9]*)\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$");
  /** modfile.ToolchainRE: a toolchain name starts with go1 (or is "default"). */
  static final Pattern TOOLCHAIN = Pattern.compile("^default$|^go1($|\\.)");

  private static final int MAX_PROBLEMS = 100;
  private static final Set<String> MOD_VERBS =
      Set.of("module", "go", "toolchain", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore");
  private static final Set<String> MOD_BLOCKS =
      Set.of("module", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore");
  private static final Set<String> WORK_VERBS = Set.of("go", "toolchain", "godebug", "use", "replace");
  private static final Set<String> WORK_BLOCKS = Set.of("godebug", "use", "replace");

  private enum Kind { NEWLINE, LPAREN, RPAREN, PUNCT, STRING, IDENT, ERROR, EOF }

  private record Tok(Kind kind, String text, int start, int end) {
    boolean isEol() {
      return kind == Kind.NEWLINE || kind == Kind.EOF;
    }
  }

  /** A statement: the verb (or block header) plus argument tokens, as one line of the file. */
  private record Stmt(String verb, List<Tok> args, Tok first) {}

  private final String path;
  private final String text;
  private final GoModFile.Kind fileKind;
  private final LineIndex lines;
  private final List<Tok> tokens = new ArrayList<>();
  private final List<WorkspaceProblem> problems = new ArrayList<>();
  private int next;

  private GoDirective module;
  private GoDirective go;
  private GoDirective toolchain;
  private final List<GoDirective> godebugs = new ArrayList<>();
  private final List<GoDirective> uses = new ArrayList<>();
  private final List<GoDirective> replaces = new ArrayList<>();

  private GoModParser(String path, String text, GoModFile.Kind fileKind) {
    this.path = path;
    this.text = text;
    this.fileKind = fileKind;
    this.lines = LineIndex.of(text);
  }

  /** Returns the parse of {@code text}, read from machine path {@code path}. */
  static GoModFile parse(String path, String text, GoModFile.Kind kind) {
    GoModParser parser = new GoModParser(path, text, kind);
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      parser.problem(nul, nul + 1, "file contains a NUL byte (at " + parser.lines.describe(nul)
          + "): not a text file, so it was not parsed");
    } else {
      parser.lex();
      parser.parseFile();
    }
    // lexing runs ahead of the directives, so put the problems back in file order
    parser.problems.sort(Comparator.comparingInt((WorkspaceProblem p) -> p.location().range().startLine())
        .thenComparingInt(p -> p.location().range().startColumn()));
    return new GoModFile(path, kind, Optional.ofNullable(parser.module), Optional.ofNullable(parser.go),
        Optional.ofNullable(parser.toolchain), parser.godebugs, parser.uses, parser.replaces, parser.problems);
  }

  // ---- lexer (modfile/read.go readToken) ----

  private void lex() {
    int pos = 0;
    int length = text.length();
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (text.startsWith("//", pos)) {
        pos = endOfLine(pos);
      } else if (text.startsWith("/*", pos)) {
        pos = lexError(pos, "mod files must use // comments (not /* */ comments)");
      } else if (c == '\n') {
        tokens.add(new Tok(Kind.NEWLINE, "\n", pos, pos + 1));
        pos++;
      } else if (c == '(' || c == ')') {
        tokens.add(new Tok(c == '(' ? Kind.LPAREN : Kind.RPAREN, String.valueOf(c), pos, pos + 1));
        pos++;
      } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == ',') {
        tokens.add(new Tok(Kind.PUNCT, String.valueOf(c), pos, pos + 1));
        pos++;
      } else if (c == '"' || c == '`') {
        pos = lexString(pos, c);
      } else {
        int cp = text.codePointAt(pos);
        if (!isIdent(cp)) {
          pos = lexError(pos, "unexpected input character " + quoteRune(cp));
          continue;
        }
        int start = pos;
        while (pos < length && isIdent(text.codePointAt(pos)) && !text.startsWith("//", pos)) {
          if (text.startsWith("/*", pos)) {
            break;
          }
          pos += Character.charCount(text.codePointAt(pos));
        }
        tokens.add(new Tok(Kind.IDENT, text.substring(start, pos), start, pos));
      }
    }
    tokens.add(new Tok(Kind.EOF, "", length, length));
  }

  private int lexString(int start, char quote) {
    int pos = start + 1;
    while (true) {
      if (pos >= text.length()) {
        return lexError(start, "unexpected EOF in string");
      }
      char c = text.charAt(pos);
      if (c == '\n') {
        return lexError(pos, "unexpected newline in string");
      }
      pos++;
      if (c == quote) {
        tokens.add(new Tok(Kind.STRING, text.substring(start, pos), start, pos));
        return pos;
      }
      if (c == '\\' && quote != '`') {
        if (pos >= text.length()) {
          return lexError(start, "unexpected EOF in string");
        }
        pos++;
      }
    }
  }

  /** Reports a syntax error (with its column, as the go command does) and drops the rest of the line. */
  private int lexError(int at, String message) {
    boolean onCharacter = at < text.length() && text.charAt(at) != '\n';
    problem(at, onCharacter ? at + 1 : at, message);
    tokens.add(new Tok(Kind.ERROR, "", at, at));
    return endOfLine(at);
  }

  private int endOfLine(int pos) {
    int newline = text.indexOf('\n', pos);
    return newline < 0 ? text.length() : newline;
  }

  /** modfile's isIdent: printable, not space, not one of the punctuation tokens. */
  private static boolean isIdent(int cp) {
    switch (cp) {
      case ' ', '(', ')', '[', ']', '{', '}', ',':
        return false;
      default:
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
          return false;
        }
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
            && type != Character.PRIVATE_USE && type != Character.SURROGATE
            && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
  }

  private static String quoteRune(int cp) {
    if (cp < 0x80 && cp >= 0x20 && cp != 0x7f) {
      return "'" + (char) cp + "'";
    }
    // as Go's %#q: a hex byte escape for ASCII control characters, a unicode escape for the rest
    if (cp < 0x20 || cp == 0x7f) {
      return String.format("'\\x%02x'", cp);
    }
    return cp < 0x10000 ? String.format("'\\u%04x'", cp) : String.format("'\\U%08x'", cp);
  }

  // ---- parser (modfile/read.go parseFile, parseStmt, parseLineBlock) ----

  private Tok peek() {
    return tokens.get(next);
  }

  private Tok take() {
    Tok t = tokens.get(next);
    if (t.kind() != Kind.EOF) {
      next++;
    }
    return t;
  }

  private void parseFile() {
    while (peek().kind() != Kind.EOF && problems.size() < MAX_PROBLEMS) {
      if (peek().kind() == Kind.NEWLINE) {
        take();
        continue;
      }
      parseStatement();
    }
  }

  private void parseStatement() {
    Tok first = take();
    List<Tok> args = new ArrayList<>();
    boolean broken = first.kind() == Kind.ERROR;
    while (true) {
      Tok t = take();
      if (t.isEol()) {
        break;
      }
      if (t.kind() == Kind.ERROR) {
        broken = true;
        continue;
      }
      if (t.kind() == Kind.LPAREN) {
        if (peek().isEol()) {
          parseBlock(first, args, broken);
          return;
        }
        if (peek().kind() == Kind.RPAREN && tokens.get(next + 1).isEol()) {
          take();
          take();
          checkBlockHeader(first, args); // an empty block: nothing inside to apply
          return;
        }
      }
      args.add(t);
    }
    if (!broken) {
      apply(new Stmt(first.text(), args, first));
    }
  }

  private void parseBlock(Tok header, List<Tok> headerArgs, boolean broken) {
    take(); // the newline after '('
    boolean known = checkBlockHeader(header, headerArgs) && !broken;
    while (true) {
      Tok t = peek();
      if (t.kind() == Kind.NEWLINE) {
        take();
      } else if (t.kind() == Kind.EOF) {
        problem(t.start(), t.end(), "syntax error (unterminated block started at " + path + ":"
            + (lines.lineOf(header.start()) + 1) + ":" + (lines.columnOf(header.start()) + 1) + ")");
        return;
      } else if (t.kind() == Kind.RPAREN) {
        take();
        if (!peek().isEol()) {
          problem(peek().start(), peek().end(), "syntax error (expected newline after closing paren)");
          while (!take().isEol()) {
            // drop the rest of the line
          }
        } else {
          take();
        }
        return;
      } else {
        List<Tok> lineTokens = new ArrayList<>();
        boolean lineBroken = false;
        while (!peek().isEol()) {
          Tok x = take();
          lineBroken |= x.kind() == Kind.ERROR;
          if (x.kind() != Kind.ERROR) {
            lineTokens.add(x);
          }
        }
        if (known && !lineBroken && !lineTokens.isEmpty()) {
          apply(new Stmt(header.text(), lineTokens, lineTokens.get(0)));
        }
      }
    }
  }

  private boolean checkBlockHeader(Tok header, List<Tok> headerArgs) {
    Set<String> blocks = fileKind == GoModFile.Kind.GO_MOD ? MOD_BLOCKS : WORK_BLOCKS;
    if (!headerArgs.isEmpty() || !blocks.contains(header.text())) {
      StringBuilder all = new StringBuilder(header.text());
      headerArgs.forEach(a -> all.append(' ').append(a.text()));
      problem(header.start(), header.end(), "unknown block type: " + all);
      return false;
    }
    return true;
  }

  // ---- directives (modfile/rule.go File.add and WorkFile.add) ----

  private void apply(Stmt s) {
    Set<String> verbs = fileKind == GoModFile.Kind.GO_MOD ? MOD_VERBS : WORK_VERBS;
    String verb = s.verb();
    List<Tok> args = s.args();
    int errorStart = s.first().start();
    int errorEnd = args.isEmpty() ? s.first().end() : args.get(args.size() - 1).end();
    if (!verbs.contains(verb)) {
      problem(errorStart, errorEnd, "unknown directive: " + verb);
      return;
    }
    switch (verb) {
      case "go", "toolchain" -> {
        boolean isGo = verb.equals("go");
        if ((isGo ? go : toolchain) != null) {
          problem(errorStart, errorEnd, "repeated " + verb + " statement");
        } else if (args.size() != 1) {
          problem(errorStart, errorEnd, verb + " directive expects exactly one argument");
        } else if (isGo && !GO_VERSION.matcher(args.get(0).text()).matches()) {
          Tok v = args.get(0);
          problem(v.start(), v.end(), "invalid go version '" + v.text() + "': must match format 1.23.0");
        } else if (!isGo && !TOOLCHAIN.matcher(args.get(0).text()).find()) {
          Tok v = args.get(0);
          problem(v.start(), v.end(), "invalid toolchain version '" + v.text() + "': must match format go1.23.0 or default");
        } else if (isGo) {
          go = directive(s, args.get(0).text());
        } else {
          toolchain = directive(s, args.get(0).text());
        }
      }
      case "module" -> {
        if (module != null) {
          problem(errorStart, errorEnd, "repeated module statement");
        } else if (args.size() != 1) {
          problem(errorStart, errorEnd, "usage: module module/path");
        } else {
          unquote(args.get(0)).ifPresent(p -> module = directive(s, p));
        }
      }
      case "godebug" -> {
        if (args.size() != 1 || containsAny(args.get(0).text(), "\"`',") || args.get(0).text().indexOf('=') < 0) {
          problem(errorStart, errorEnd, "usage: godebug key=value");
        } else {
          godebugs.add(directive(s, args.get(0).text()));
        }
      }
      case "use" -> {
        if (args.size() != 1) {
          problem(errorStart, errorEnd, "usage: use local/dir");
        } else {
          unquote(args.get(0)).ifPresent(dir -> uses.add(directive(s, dir)));
        }
      }
      case "replace" -> {
        int arrow = -1;
        for (int i = 0; i < args.size(); i++) {
          if (args.get(i).text().equals("=>")) {
            arrow = i;
            break;
          }
        }
        int after = args.size() - arrow - 1;
        if (arrow < 1 || arrow > 2 || after < 1 || after > 2) {
          problem(errorStart, errorEnd, "usage: replace module/path [v1.2.3] => other/module v1.4"
              + " or replace module/path [v1.2.3] => ../local/directory");
        } else {
          unquote(args.get(0)).ifPresent(old -> replaces.add(directive(s, old)));
        }
      }
      case "require", "exclude" -> {
        if (args.size() != 2) {
          problem(errorStart, errorEnd, "usage: " + verb + " module/path v1.2.3");
        }
      }
      case "tool", "ignore" -> {
        if (args.size() != 1) {
          problem(errorStart, errorEnd, verb + " directive expects exactly one argument");
        }
      }
      default -> {
        // retract: version intervals do not bear on the toolchain
      }
    }
  }

  private GoDirective directive(Stmt s, String value) {
    Tok v = s.args().get(0);
    int line = lines.lineOf(v.start());
    List<String> raw = s.args().stream().map(Tok::text).toList();
    return new GoDirective(s.verb(), raw, value, new Location(path, lines.range(v.start(), v.end())),
        Location.ofLine(path, line, lines.lineText(line)));
  }

  /** modfile.parseString: a double-quoted Go string is unquoted; other quotes are an error. */
  private Optional<String> unquote(Tok t) {
    String raw = t.text();
    if (raw.startsWith("\"")) {
      Optional<String> value = GoStrings.unquote(raw);
      if (value.isEmpty()) {
        problem(t.start(), t.end(), "invalid quoted string: invalid syntax");
      }
      return value;
    }
    if (containsAny(raw, "\"'`")) {
      problem(t.start(), t.end(), "invalid quoted string: unquoted string cannot contain quote");
      return Optional.empty();
    }
    return Optional.of(raw);
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private void problem(int start, int end, String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new WorkspaceProblem(new Location(path, lines.range(start, end)), message));
    }
  }
}
