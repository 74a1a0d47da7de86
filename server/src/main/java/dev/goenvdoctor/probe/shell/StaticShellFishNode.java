package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.probe.shell.ShellLineNode.Span;
import java.util.List;

/** The syntax tree of a fish file. */
sealed interface StaticShellFishNode {
  Span span();

  /** One command: its words as written (quotes kept), redirections dropped. */
  record Command(Span span, List<ShellWord> words) implements StaticShellFishNode {
    public Command {
      words = List.copyOf(words);
    }

    String name() {
      return words.isEmpty() ? "" : words.get(0).raw();
    }
  }

  /** Commands joined by pipes. */
  record Job(Span span, List<Command> commands) implements StaticShellFishNode {
    public Job {
      commands = List.copyOf(commands);
    }
  }

  /**
   * A statement: {@code conjunction} is "" (always runs), "and" ({@code and}/{@code &&}) or "or"
   * ({@code or}/{@code ||}); {@code negate} for {@code not}/{@code !}.
   */
  record Statement(Span span, String conjunction, boolean negate, StaticShellFishNode body)
      implements StaticShellFishNode {}

  record Block(Span span, List<Statement> statements) implements StaticShellFishNode {
    public Block {
      statements = List.copyOf(statements);
    }
  }

  /** {@code if}/{@code else if}/{@code else}: conditions and bodies pair up. */
  record If(Span span, List<Block> conditions, List<Block> bodies, Block elseBody) implements StaticShellFishNode {
    public If {
      conditions = List.copyOf(conditions);
      bodies = List.copyOf(bodies);
    }
  }

  record For(Span span, String variable, List<ShellWord> words, Block body) implements StaticShellFishNode {
    public For {
      words = List.copyOf(words);
    }
  }

  /** {@code while} loops: parsed for reporting, never run. */
  record While(Span span, Block condition, Block body) implements StaticShellFishNode {}

  record Function(Span span, String name, Block body) implements StaticShellFishNode {}

  record Begin(Span span, Block body) implements StaticShellFishNode {}

  record SwitchCase(Span span, List<ShellWord> patterns, Block body) {
    public SwitchCase {
      patterns = List.copyOf(patterns);
    }
  }

  record Switch(Span span, ShellWord word, List<SwitchCase> cases) implements StaticShellFishNode {
    public Switch {
      cases = List.copyOf(cases);
    }
  }

  record Unsupported(Span span, String reason) implements StaticShellFishNode {}
}
