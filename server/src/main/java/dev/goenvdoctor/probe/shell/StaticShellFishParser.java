package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.probe.shell.ShellLineNode.Span;
import dev.goenvdoctor.probe.shell.ShellLineToken.Type;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.Block;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.Command;
import dev.goenvdoctor.probe.shell.StaticShellFishNode.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses fish files: statements separated by newlines and {@code ;}, {@code and}/{@code or}/{@code not},
 * {@code &&}/{@code ||}, pipes, and the blocks {@code if}, {@code for}, {@code while}, {@code function},
 * {@code begin}, {@code switch}, all closed by {@code end}. Never throws: a top-level statement it cannot
 * read becomes one {@link StaticShellFishNode.Unsupported} node up to its matching {@code end}.
 */
final class StaticShellFishParser {
  private static final Set<String> OPENERS = Set.of("if", "for", "while", "function", "begin", "switch");
  private static final Pattern REDIRECT = Pattern.compile("[0-9]*(>>|>\\?|>|<|&>>|&>|\\^).*");
  private static final int MAX_NESTING = 100;

  private final ShellTokenCursor cursor;
  private int nesting;

  private StaticShellFishParser(List<ShellLineToken> tokens) {
    this.cursor = new ShellTokenCursor(tokens);
  }

  static Block parse(String text) {
    return new StaticShellFishParser(tokenize(text)).program();
  }

  private static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  // ---- lexer ----

  static List<ShellLineToken> tokenize(String s) {
    List<ShellLineToken> out = new ArrayList<>();
    int pos = 0;
    int line = 0;
    int lineStart = 0;
    while (true) {
      while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t'
          || (s.charAt(pos) == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n'))) {
        if (s.charAt(pos) == '\\') {
          pos += 2;
          line++;
          lineStart = pos;
        } else {
          pos++;
        }
      }
      if (pos >= s.length()) {
        out.add(new ShellLineToken(Type.EOF, "", line, pos - lineStart, line, pos - lineStart, pos, pos));
        return out;
      }
      char c = s.charAt(pos);
      int start = pos;
      int startLine = line;
      int startCol = pos - lineStart;
      if (c == '#') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          pos++;
        }
        continue;
      }
      if (c == '\n' || c == ';') {
        pos++;
        out.add(new ShellLineToken(Type.NEWLINE, String.valueOf(c), startLine, startCol, line, pos - lineStart,
            start, pos));
        if (c == '\n') {
          line++;
          lineStart = pos;
        }
        continue;
      }
      if (s.startsWith("&&", pos) || s.startsWith("||", pos) || c == '|' || c == '&') {
        String op = s.startsWith("&&", pos) || s.startsWith("||", pos) ? s.substring(pos, pos + 2)
            : String.valueOf(c);
        pos += op.length();
        out.add(new ShellLineToken(Type.OP, op, startLine, startCol, line, pos - lineStart, start, pos));
        continue;
      }
      while (pos < s.length()) {
        char d = s.charAt(pos);
        if (d == ' ' || d == '\t' || d == '\n' || d == ';' || d == '|') {
          break;
        }
        if (d == '&' && (pos + 1 < s.length() && s.charAt(pos + 1) == '&' || pos == start
            || s.charAt(pos - 1) != '>')) {
          break;
        }
        if (d == '\\') {
          if (pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
            pos += 2;
            line++;
            lineStart = pos;
          } else {
            pos = Math.min(s.length(), pos + 2);
          }
          continue;
        }
        if (d == '\'' || d == '"') {
          pos++;
          while (pos < s.length() && s.charAt(pos) != d) {
            if (s.charAt(pos) == '\\') {
              pos++;
            }
            if (pos < s.length() && s.charAt(pos) == '\n') {
              line++;
              lineStart = pos + 1;
            }
            pos++;
          }
          pos = Math.min(s.length(), pos + 1);
          continue;
        }
        if (d == '(') {
          int depth = 0;
          while (pos < s.length()) {
            char e = s.charAt(pos);
            if (e == '(') {
              depth++;
            } else if (e == ')') {
              depth--;
              if (depth == 0) {
                pos++;
                break;
              }
            } else if (e == '\\') {
              pos++;
            } else if (e == '\'' || e == '"') {
              int close = s.indexOf(e, pos + 1);
              pos = close < 0 ? s.length() - 1 : close;
            } else if (e == '\n') {
              line++;
              lineStart = pos + 1;
            }
            pos++;
          }
          continue;
        }
        pos++;
      }
      if (pos == start) {
        pos++;
      }
      out.add(new ShellLineToken(Type.WORD, s.substring(start, pos), startLine, startCol, line, pos - lineStart,
          start, pos));
    }
  }

  // ---- parser ----

  private Block program() {
    List<Statement> items = new ArrayList<>();
    skipSeparators();
    while (cursor.peek().type() != Type.EOF) {
      int start = cursor.mark();
      try {
        nesting = 0;
        if (cursor.peek().type() == Type.WORD && Set.of("end", "else", "case").contains(cursor.peek().text())) {
          throw new SyntaxError("unexpected '" + cursor.peek().text() + "'");
        }
        items.addAll(statementChain());
      } catch (SyntaxError e) {
        cursor.reset(start);
        items.add(skip(e.getMessage()));
      }
      skipSeparators();
    }
    return new Block(spanOf(items), items);
  }

  private Statement skip(String reason) {
    ShellLineToken first = cursor.peek();
    ShellLineToken last = first;
    int depth = 0;
    boolean atStart = true;
    do {
      ShellLineToken t = cursor.peek();
      if (atStart && t.type() == Type.WORD && OPENERS.contains(t.text())) {
        depth++;
      } else if (atStart && t.isWord("end")) {
        depth = Math.max(0, depth - 1);
      }
      atStart = t.type() != Type.WORD || Set.of("and", "or", "not", "else").contains(t.text());
      last = t;
      cursor.advance();
    } while (cursor.peek().type() != Type.EOF && !(depth == 0 && cursor.peek().type() == Type.NEWLINE));
    Span span = ShellTokenCursor.span(first, last);
    return new Statement(span, "", false, new StaticShellFishNode.Unsupported(span, reason));
  }

  /** Statements up to a stop keyword at statement start. */
  private Block block(Set<String> stops) {
    List<Statement> items = new ArrayList<>();
    skipSeparators();
    while (true) {
      ShellLineToken t = cursor.peek();
      if (t.type() == Type.EOF) {
        throw new SyntaxError("missing 'end'");
      }
      if (t.type() == Type.WORD && stops.contains(t.text())) {
        break;
      }
      items.addAll(statementChain());
      skipSeparators();
    }
    return new Block(items.isEmpty() ? ShellTokenCursor.span(cursor.peek(), cursor.peek()) : spanOf(items), items);
  }

  /** One statement and any {@code && b || c} that follow on the same line. */
  private List<Statement> statementChain() {
    List<Statement> out = new ArrayList<>();
    out.add(statement(""));
    while (cursor.peek().isOp("&&") || cursor.peek().isOp("||")) {
      String conj = cursor.next().text().equals("&&") ? "and" : "or";
      skipNewlinesOnly();
      out.add(statement(conj));
    }
    return out;
  }

  private Statement statement(String conjunction) {
    if (++nesting > MAX_NESTING) {
      throw new SyntaxError("nested too deeply");
    }
    try {
      ShellLineToken first = cursor.peek();
      String conj = conjunction;
      boolean negate = false;
      while (cursor.peek().type() == Type.WORD) {
        String w = cursor.peek().text();
        if ((w.equals("and") || w.equals("or")) && !cursor.peekAt(1).isOp("|")) {
          conj = w;
          cursor.next();
        } else if (w.equals("not") || w.equals("!")) {
          negate = !negate;
          cursor.next();
        } else {
          break;
        }
      }
      ShellLineToken t = cursor.peek();
      if (t.type() != Type.WORD) {
        throw new SyntaxError("expected a command");
      }
      StaticShellFishNode body = switch (t.text()) {
        case "if" -> ifBlock();
        case "for" -> forBlock();
        case "while" -> whileBlock();
        case "function" -> functionBlock();
        case "begin" -> beginBlock();
        case "switch" -> switchBlock();
        case "end", "else", "case" -> throw new SyntaxError("unexpected '" + t.text() + "'");
        default -> job();
      };
      return new Statement(ShellTokenCursor.span(first, cursor.previous()), conj, negate, body);
    } finally {
      nesting--;
    }
  }

  private StaticShellFishNode job() {
    ShellLineToken first = cursor.peek();
    List<Command> commands = new ArrayList<>();
    commands.add(command());
    while (cursor.peek().isOp("|")) {
      cursor.next();
      skipNewlinesOnly();
      commands.add(command());
    }
    if (cursor.peek().isOp("&")) {
      cursor.next();
    }
    return new StaticShellFishNode.Job(ShellTokenCursor.span(first, cursor.previous()), commands);
  }

  private Command command() {
    ShellLineToken first = cursor.peek();
    List<ShellWord> words = new ArrayList<>();
    boolean skipTarget = false;
    while (cursor.peek().type() == Type.WORD) {
      ShellLineToken t = cursor.next();
      if (skipTarget) {
        skipTarget = false;
        continue;
      }
      if (!words.isEmpty() && REDIRECT.matcher(t.text()).matches()) {
        skipTarget = t.text().matches("[0-9]*(>>|>\\?|>|<|&>>|&>|\\^)");
        continue;
      }
      words.add(ShellWord.of(t));
    }
    if (words.isEmpty()) {
      throw new SyntaxError("expected a command");
    }
    return new Command(ShellTokenCursor.span(first, cursor.previous()), words);
  }

  private StaticShellFishNode ifBlock() {
    ShellLineToken first = cursor.next();
    List<Block> conditions = new ArrayList<>();
    List<Block> bodies = new ArrayList<>();
    Block elseBody = null;
    conditions.add(condition());
    bodies.add(block(Set.of("else", "end")));
    while (cursor.peek().isWord("else")) {
      cursor.next();
      if (cursor.peek().isWord("if")) {
        cursor.next();
        conditions.add(condition());
        bodies.add(block(Set.of("else", "end")));
      } else {
        elseBody = block(Set.of("end"));
        break;
      }
    }
    ShellLineToken last = expect("end");
    return new StaticShellFishNode.If(ShellTokenCursor.span(first, last), conditions, bodies, elseBody);
  }

  /** The condition of an if/while: the first statement plus any following and/or statements. */
  private Block condition() {
    List<Statement> items = new ArrayList<>(statementChain());
    skipSeparators();
    while (cursor.peek().isWord("and") || cursor.peek().isWord("or")) {
      items.addAll(statementChain());
      skipSeparators();
    }
    return new Block(spanOf(items), items);
  }

  private StaticShellFishNode forBlock() {
    ShellLineToken first = cursor.next();
    ShellLineToken var = expectWordToken();
    expect("in");
    List<ShellWord> words = new ArrayList<>();
    while (cursor.peek().type() == Type.WORD) {
      words.add(ShellWord.of(cursor.next()));
    }
    Block body = block(Set.of("end"));
    ShellLineToken last = expect("end");
    return new StaticShellFishNode.For(ShellTokenCursor.span(first, last), var.text(), words, body);
  }

  private StaticShellFishNode whileBlock() {
    ShellLineToken first = cursor.next();
    Block cond = condition();
    Block body = block(Set.of("end"));
    ShellLineToken last = expect("end");
    return new StaticShellFishNode.While(ShellTokenCursor.span(first, last), cond, body);
  }

  private StaticShellFishNode functionBlock() {
    ShellLineToken first = cursor.next();
    ShellLineToken name = expectWordToken();
    while (cursor.peek().type() == Type.WORD) {
      cursor.next();
    }
    Block body = block(Set.of("end"));
    ShellLineToken last = expect("end");
    return new StaticShellFishNode.Function(ShellTokenCursor.span(first, last), name.text(), body);
  }

  private StaticShellFishNode beginBlock() {
    ShellLineToken first = cursor.next();
    Block body = block(Set.of("end"));
    ShellLineToken last = expect("end");
    return new StaticShellFishNode.Begin(ShellTokenCursor.span(first, last), body);
  }

  private StaticShellFishNode switchBlock() {
    ShellLineToken first = cursor.next();
    ShellLineToken word = expectWordToken();
    skipSeparators();
    List<StaticShellFishNode.SwitchCase> cases = new ArrayList<>();
    while (cursor.peek().isWord("case")) {
      ShellLineToken caseStart = cursor.next();
      List<ShellWord> patterns = new ArrayList<>();
      while (cursor.peek().type() == Type.WORD) {
        patterns.add(ShellWord.of(cursor.next()));
      }
      Block body = block(Set.of("case", "end"));
      cases.add(new StaticShellFishNode.SwitchCase(ShellTokenCursor.span(caseStart, cursor.previous()), patterns, body));
    }
    ShellLineToken last = expect("end");
    return new StaticShellFishNode.Switch(ShellTokenCursor.span(first, last), ShellWord.of(word), cases);
  }

  private ShellLineToken expect(String word) {
    skipSeparators();
    if (!cursor.peek().isWord(word)) {
      throw new SyntaxError("expected '" + word + "'");
    }
    return cursor.next();
  }

  private ShellLineToken expectWordToken() {
    if (cursor.peek().type() != Type.WORD) {
      throw new SyntaxError("expected a word");
    }
    return cursor.next();
  }

  private void skipSeparators() {
    while (cursor.peek().type() == Type.NEWLINE) {
      cursor.advance();
    }
  }

  private void skipNewlinesOnly() {
    while (cursor.peek().type() == Type.NEWLINE && cursor.peek().text().equals("\n")) {
      cursor.advance();
    }
  }





  private Span spanOf(List<Statement> items) {
    if (items.isEmpty()) {
      return ShellTokenCursor.span(cursor.peek(), cursor.peek());
    }
    return items.get(0).span().to(items.get(items.size() - 1).span());
  }
}
