package dev.goenvdoctor.probe.shell;

import java.util.List;

/** The syntax tree of a POSIX-family shell file. Every node knows the span of source it came from. */
sealed interface ShellLineNode {
  Span span();

  /** Source span: 0-based lines, UTF-16 columns, and character offsets into the file text. */
  record Span(int line, int column, int endLine, int endColumn, int start, int end) {
    Span to(Span other) {
      return new Span(line, column, other.endLine, other.endColumn, start, other.end);
    }
  }

  /** Assignments, command words and redirections (kept as text). */
  record Simple(Span span, List<ShellWord> assignments, List<ShellWord> words, List<String> redirects)
      implements ShellLineNode {
    public Simple {
      assignments = List.copyOf(assignments);
      words = List.copyOf(words);
      redirects = List.copyOf(redirects);
    }

    String commandName() {
      return words.isEmpty() ? null : words.get(0).raw();
    }
  }

  record Pipeline(Span span, List<ShellLineNode> commands, boolean negated) implements ShellLineNode {
    public Pipeline {
      commands = List.copyOf(commands);
    }
  }

  /** {@code a && b || c}: {@code operators.get(i)} joins item i and i+1. */
  record AndOr(Span span, List<ShellLineNode> items, List<String> operators) implements ShellLineNode {
    public AndOr {
      items = List.copyOf(items);
      operators = List.copyOf(operators);
    }
  }

  record Sequence(Span span, List<ShellLineNode> items) implements ShellLineNode {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** {@code if c1; then b1; elif c2; then b2; else e; fi}: conditions and bodies pair up. */
  record If(Span span, List<Sequence> conditions, List<Sequence> bodies, Sequence elseBody) implements ShellLineNode {
    public If {
      conditions = List.copyOf(conditions);
      bodies = List.copyOf(bodies);
    }
  }

  record CaseArm(Span span, List<ShellWord> patterns, Sequence body) {
    public CaseArm {
      patterns = List.copyOf(patterns);
    }
  }

  record Case(Span span, ShellWord word, List<CaseArm> arms) implements ShellLineNode {
    public Case {
      arms = List.copyOf(arms);
    }
  }

  /** {@code for name in words; do body; done}; {@code words} null means {@code "$@"}. */
  record For(Span span, String variable, List<ShellWord> words, Sequence body) implements ShellLineNode {
    public For {
      words = words == null ? null : List.copyOf(words);
    }
  }

  /** {@code while}/{@code until} loops: parsed so their lines can be reported, never run. */
  record Loop(Span span, boolean until, Sequence condition, Sequence body) implements ShellLineNode {}

  /** {@code { ...; }} or, when {@code subshell}, {@code ( ... )}. */
  record Group(Span span, Sequence body, boolean subshell) implements ShellLineNode {}

  record FunctionDef(Span span, String name, ShellLineNode body) implements ShellLineNode {}

  /** Source the parser could not read; skipped as a whole. */
  record Unsupported(Span span, String reason) implements ShellLineNode {}
}
