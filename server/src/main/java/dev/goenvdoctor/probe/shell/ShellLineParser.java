package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.probe.shell.ShellLineNode.CaseArm;
import dev.goenvdoctor.probe.shell.ShellLineNode.Sequence;
import dev.goenvdoctor.probe.shell.ShellLineNode.Span;
import dev.goenvdoctor.probe.shell.ShellLineToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses a POSIX-family shell file into {@link ShellLineNode}s. Never throws: a top-level command it cannot
 * read (unknown syntax, unbalanced blocks) becomes one {@link ShellLineNode.Unsupported} node spanning the
 * whole construct, and parsing resumes after it, so a bad block can never leak its inner lines as if they
 * ran unconditionally.
 */
final class ShellLineParser {
  private static final int MAX_NESTING = 100;
  private static final Set<String> OPENERS = Set.of("if", "case", "for", "select", "while", "until", "{");
  private static final Set<String> CLOSERS = Set.of("fi", "esac", "done", "}");
  private static final Set<String> CASE_ENDS = Set.of(";;", ";&", ";;&", ";|");

  private final ShellTokenCursor cursor;
  private int nesting;

  private ShellLineParser(List<ShellLineToken> tokens) {
    this.cursor = new ShellTokenCursor(tokens);
  }

  /** The whole file as one sequence of top-level commands. */
  static Sequence parse(String text) {
    return new ShellLineParser(ShellLineLexer.tokenize(text)).program();
  }

  private static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  private Sequence program() {
    List<ShellLineNode> items = new ArrayList<>();
    skipNewlines();
    while (cursor.peek().type() != Type.EOF) {
      int start = cursor.mark();
      try {
        nesting = 0;
        items.add(andOr());
        ShellLineToken t = cursor.peek();
        if (t.isOp(";") || t.isOp("&")) {
          cursor.advance();
        } else if (t.type() != Type.NEWLINE && t.type() != Type.EOF) {
          throw new SyntaxError("unexpected '" + t.text() + "'");
        }
      } catch (SyntaxError e) {
        cursor.reset(start);
        items.add(skipConstruct(e.getMessage()));
      }
      skipNewlines();
    }
    return new Sequence(spanOf(items), items);
  }

  /** Skips the construct starting at the cursor up to the newline that ends it at block depth 0. */
  private ShellLineNode.Unsupported skipConstruct(String reason) {
    ShellLineToken first = cursor.peek();
    ShellLineToken last = first;
    int depth = 0;
    do {
      ShellLineToken t = cursor.peek();
      if (t.type() == Type.WORD && OPENERS.contains(t.text())) {
        depth++;
      } else if (t.type() == Type.WORD && CLOSERS.contains(t.text())) {
        depth = Math.max(0, depth - 1);
      }
      last = t;
      cursor.advance();
    } while (cursor.peek().type() != Type.EOF && !(depth == 0 && cursor.peek().type() == Type.NEWLINE));
    return new ShellLineNode.Unsupported(ShellTokenCursor.span(first, last), reason);
  }

  private ShellLineNode andOr() {
    List<ShellLineNode> items = new ArrayList<>();
    List<String> ops = new ArrayList<>();
    items.add(pipeline());
    while (cursor.peek().isOp("&&") || cursor.peek().isOp("||")) {
      ops.add(cursor.next().text());
      skipNewlines();
      items.add(pipeline());
    }
    return items.size() == 1 ? items.get(0) : new ShellLineNode.AndOr(spanOf(items), items, ops);
  }

  private ShellLineNode pipeline() {
    ShellLineToken first = cursor.peek();
    boolean negated = false;
    if (first.isWord("time")) {
      cursor.next();
    }
    while (cursor.peek().isWord("!")) {
      cursor.next();
      negated = !negated;
    }
    List<ShellLineNode> commands = new ArrayList<>();
    commands.add(command());
    while (cursor.peek().isOp("|") || cursor.peek().isOp("|&")) {
      cursor.next();
      skipNewlines();
      commands.add(command());
    }
    if (commands.size() == 1 && !negated) {
      return commands.get(0);
    }
    return new ShellLineNode.Pipeline(ShellTokenCursor.span(first, cursor.previous()), commands, negated);
  }

  private ShellLineNode command() {
    if (++nesting > MAX_NESTING) {
      throw new SyntaxError("nested too deeply");
    }
    try {
      ShellLineToken t = cursor.peek();
      ShellLineNode node;
      if (t.type() == Type.WORD) {
        node = switch (t.text()) {
          case "if" -> ifClause();
          case "for", "select" -> forClause();
          case "while", "until" -> loop();
          case "case" -> caseClause();
          case "{" -> braceGroup();
          case "function" -> functionKeyword();
          case "then", "fi", "do", "done", "else", "elif", "esac", "}", "in" ->
              throw new SyntaxError("unexpected '" + t.text() + "'");
          default -> cursor.peekAt(1).isOp("(") && cursor.peekAt(2).isOp(")") && isFunctionName(t.text())
              ? functionDef() : simple();
        };
      } else if (t.isOp("(")) {
        ShellLineToken open = cursor.next();
        Sequence body = compoundList(Set.of(), true, false);
        ShellLineToken close = expectOp(")");
        node = new ShellLineNode.Group(ShellTokenCursor.span(open, close), body, true);
      } else if (t.type() == Type.OP && t.isRedirect()) {
        node = simple();
      } else {
        throw new SyntaxError("unexpected '" + (t.type() == Type.NEWLINE ? "newline" : t.text()) + "'");
      }
      if (!(node instanceof ShellLineNode.Simple)) {
        skipRedirects();
      }
      return node;
    } finally {
      nesting--;
    }
  }

  private static boolean isFunctionName(String text) {
    return !text.isEmpty() && text.chars().noneMatch(c -> "\"'$`=\\".indexOf(c) >= 0);
  }

  private ShellLineNode simple() {
    ShellLineToken first = cursor.peek();
    ShellLineToken last = first;
    List<ShellWord> assignments = new ArrayList<>();
    List<ShellWord> words = new ArrayList<>();
    List<String> redirects = new ArrayList<>();
    while (true) {
      ShellLineToken t = cursor.peek();
      if (t.type() == Type.WORD) {
        ShellWord w = ShellWord.of(t);
        if (words.isEmpty() && w.assignment() != null) {
          assignments.add(w);
        } else {
          words.add(w);
        }
        last = cursor.next();
      } else if (t.isRedirect()) {
        cursor.next();
        String target = cursor.peek().type() == Type.WORD ? cursor.next().text() : "";
        redirects.add(t.text() + target);
        last = cursor.previous();
      } else {
        break;
      }
    }
    if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
      throw new SyntaxError("expected a command");
    }
    return new ShellLineNode.Simple(ShellTokenCursor.span(first, last), assignments, words, redirects);
  }

  private void skipRedirects() {
    while (cursor.peek().isRedirect()) {
      cursor.next();
      if (cursor.peek().type() == Type.WORD) {
        cursor.next();
      }
    }
  }

  private ShellLineNode ifClause() {
    ShellLineToken first = cursor.next();
    List<Sequence> conditions = new ArrayList<>();
    List<Sequence> bodies = new ArrayList<>();
    Sequence elseBody = null;
    conditions.add(compoundList(Set.of("then"), false, false));
    expectWord("then");
    bodies.add(compoundList(Set.of("elif", "else", "fi"), false, false));
    while (cursor.peek().isWord("elif")) {
      cursor.next();
      conditions.add(compoundList(Set.of("then"), false, false));
      expectWord("then");
      bodies.add(compoundList(Set.of("elif", "else", "fi"), false, false));
    }
    if (cursor.peek().isWord("else")) {
      cursor.next();
      elseBody = compoundList(Set.of("fi"), false, false);
    }
    ShellLineToken last = expectWord("fi");
    return new ShellLineNode.If(ShellTokenCursor.span(first, last), conditions, bodies, elseBody);
  }

  private ShellLineNode forClause() {
    ShellLineToken first = cursor.next();
    ShellLineToken name = cursor.next();
    if (name.type() != Type.WORD || !ShellWord.isName(name.text())) {
      throw new SyntaxError("unsupported for loop");
    }
    List<ShellWord> words = null;
    skipNewlines();
    if (cursor.peek().isWord("in")) {
      cursor.next();
      words = new ArrayList<>();
      while (cursor.peek().type() == Type.WORD) {
        words.add(ShellWord.of(cursor.next()));
      }
    }
    if (cursor.peek().isOp(";")) {
      cursor.next();
    }
    skipNewlines();
    expectWord("do");
    Sequence body = compoundList(Set.of("done"), false, false);
    ShellLineToken last = expectWord("done");
    return new ShellLineNode.For(ShellTokenCursor.span(first, last), name.text(), words, body);
  }

  private ShellLineNode loop() {
    ShellLineToken first = cursor.next();
    Sequence condition = compoundList(Set.of("do"), false, false);
    expectWord("do");
    Sequence body = compoundList(Set.of("done"), false, false);
    ShellLineToken last = expectWord("done");
    return new ShellLineNode.Loop(ShellTokenCursor.span(first, last), first.text().equals("until"), condition, body);
  }

  private ShellLineNode caseClause() {
    ShellLineToken first = cursor.next();
    ShellLineToken word = cursor.next();
    if (word.type() != Type.WORD) {
      throw new SyntaxError("case without a word");
    }
    skipNewlines();
    expectWord("in");
    skipNewlines();
    List<CaseArm> arms = new ArrayList<>();
    while (!cursor.peek().isWord("esac")) {
      if (cursor.peek().type() == Type.EOF) {
        throw new SyntaxError("case without esac");
      }
      ShellLineToken armStart = cursor.peek();
      if (cursor.peek().isOp("(")) {
        cursor.next();
      }
      List<ShellWord> patterns = new ArrayList<>();
      patterns.add(ShellWord.of(expectWordToken()));
      while (cursor.peek().isOp("|")) {
        cursor.next();
        patterns.add(ShellWord.of(expectWordToken()));
      }
      expectOp(")");
      Sequence body = compoundList(Set.of("esac"), false, true);
      ShellLineToken armEnd = cursor.previous();
      if (cursor.peek().type() == Type.OP && CASE_ENDS.contains(cursor.peek().text())) {
        armEnd = cursor.next();
      }
      arms.add(new CaseArm(ShellTokenCursor.span(armStart, armEnd), patterns, body));
      skipNewlines();
    }
    ShellLineToken last = cursor.next();
    return new ShellLineNode.Case(ShellTokenCursor.span(first, last), ShellWord.of(word), arms);
  }

  private ShellLineNode braceGroup() {
    ShellLineToken first = cursor.next();
    Sequence body = compoundList(Set.of("}"), false, false);
    ShellLineToken last = expectWord("}");
    return new ShellLineNode.Group(ShellTokenCursor.span(first, last), body, false);
  }

  private ShellLineNode functionDef() {
    ShellLineToken name = cursor.next();
    cursor.next();
    cursor.next();
    skipNewlines();
    ShellLineNode body = command();
    return new ShellLineNode.FunctionDef(ShellTokenCursor.span(name, cursor.previous()), name.text(), body);
  }

  private ShellLineNode functionKeyword() {
    ShellLineToken first = cursor.next();
    ShellLineToken name = expectWordToken();
    if (cursor.peek().isOp("(")) {
      cursor.next();
      expectOp(")");
    }
    skipNewlines();
    ShellLineNode body = command();
    String fname = name.text().endsWith("()") ? name.text().substring(0, name.text().length() - 2) : name.text();
    return new ShellLineNode.FunctionDef(ShellTokenCursor.span(first, cursor.previous()), fname, body);
  }

  /** Commands up to (not including) one of the stop words at command position, or ')' / ';;'. */
  private Sequence compoundList(Set<String> stopWords, boolean stopAtParen, boolean stopAtCaseEnd) {
    List<ShellLineNode> items = new ArrayList<>();
    skipNewlines();
    while (true) {
      ShellLineToken t = cursor.peek();
      if (t.type() == Type.EOF) {
        if (stopWords.isEmpty() && !stopAtParen) {
          break;
        }
        throw new SyntaxError("missing '" + (stopAtParen ? ")" : String.join("/", stopWords)) + "'");
      }
      if (t.type() == Type.WORD && stopWords.contains(t.text())) {
        break;
      }
      if (stopAtParen && t.isOp(")")) {
        break;
      }
      if (stopAtCaseEnd && t.type() == Type.OP && CASE_ENDS.contains(t.text())) {
        break;
      }
      items.add(andOr());
      if (cursor.peek().isOp(";") || cursor.peek().isOp("&")) {
        cursor.next();
      }
      skipNewlines();
    }
    return new Sequence(items.isEmpty() ? ShellTokenCursor.span(cursor.peek(), cursor.peek()) : spanOf(items), items);
  }

  private ShellLineToken expectWord(String word) {
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

  private ShellLineToken expectOp(String op) {
    if (!cursor.peek().isOp(op)) {
      throw new SyntaxError("expected '" + op + "'");
    }
    return cursor.next();
  }

  private void skipNewlines() {
    while (cursor.peek().type() == Type.NEWLINE) {
      cursor.advance();
    }
  }





  private Span spanOf(List<ShellLineNode> items) {
    if (items.isEmpty()) {
      ShellLineToken t = cursor.peek();
      return ShellTokenCursor.span(t, t);
    }
    return items.get(0).span().to(items.get(items.size() - 1).span());
  }
}
