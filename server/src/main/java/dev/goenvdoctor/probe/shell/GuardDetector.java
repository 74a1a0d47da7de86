package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellLineNode.AndOr;
import dev.goenvdoctor.probe.shell.ShellLineNode.Case;
import dev.goenvdoctor.probe.shell.ShellLineNode.Group;
import dev.goenvdoctor.probe.shell.ShellLineNode.If;
import dev.goenvdoctor.probe.shell.ShellLineNode.Pipeline;
import dev.goenvdoctor.probe.shell.ShellLineNode.Sequence;
import dev.goenvdoctor.probe.shell.ShellLineNode.Simple;
import java.util.List;

/**
 * Recognises interactive-only guards by evaluating them twice, once as an interactive shell and once as a
 * non-interactive one, with only {@code $-}, {@code PS1} and zsh's {@code -o interactive} known: a command
 * that returns only in the non-interactive run is a guard, whatever its layout
 * ({@code case $- in *i*) ;; *) return;; esac}, {@code [ -z "$PS1" ] && return}, {@code [[ -o interactive ]] ||
 * return}, {@code if [[ $- != *i* ]]; then return; fi}). A condition true only in the interactive run marks
 * its branch interactive-only.
 */
final class GuardDetector {
  private final Mode interactive;
  private final Mode batch;

  GuardDetector(ShellKind kind, Root root) {
    this.interactive = new Mode(kind, root, true);
    this.batch = new Mode(kind, root, false);
  }

  /** True when the command returns (or exits) for non-interactive shells only. */
  boolean isGuard(ShellLineNode node) {
    return batch.returns(node) == StaticShellStatus.TRUE && interactive.returns(node) == StaticShellStatus.FALSE;
  }

  /** True when the condition holds for interactive shells only. */
  boolean interactiveOnly(Sequence condition) {
    return interactive.status(condition) == StaticShellStatus.TRUE
        && batch.status(condition) == StaticShellStatus.FALSE;
  }

  /** The arm a case takes only in interactive shells, or -1. */
  int interactiveArm(Case node) {
    int a = interactive.arm(node);
    int b = batch.arm(node);
    return a >= 0 && a != b && b != -2 ? a : -1;
  }

  /** One evaluation mode: a fake context where only interactivity is known. */
  private static final class Mode implements ShellWordContext, StaticShellConditions.Env {
    private final ShellKind kind;
    private final Root root;
    private final boolean interactive;
    private final ShellWordExpander expander = new ShellWordExpander(this);

    Mode(ShellKind kind, Root root, boolean interactive) {
      this.kind = kind;
      this.root = root;
      this.interactive = interactive;
    }

    StaticShellStatus returns(ShellLineNode node) {
      if (node instanceof Simple s) {
        String name = s.commandName();
        return StaticShellStatus.of("return".equals(name) || "exit".equals(name));
      }
      if (node instanceof Sequence seq) {
        return returnsAll(seq.items());
      }
      if (node instanceof Group g && !g.subshell()) {
        return returns(g.body());
      }
      if (node instanceof AndOr a) {
        StaticShellStatus last = StaticShellStatus.TRUE;
        for (int k = 0; k < a.items().size(); k++) {
          StaticShellStatus runs = StaticShellStatus.TRUE;
          if (k > 0) {
            runs = a.operators().get(k - 1).equals("&&") ? last : last.not();
            if (runs == StaticShellStatus.FALSE) {
              continue;
            }
          }
          ShellLineNode item = a.items().get(k);
          StaticShellStatus r = returns(item);
          if (r == StaticShellStatus.TRUE) {
            return runs == StaticShellStatus.TRUE ? StaticShellStatus.TRUE : StaticShellStatus.UNKNOWN;
          }
          if (r == StaticShellStatus.UNKNOWN) {
            return StaticShellStatus.UNKNOWN;
          }
          StaticShellStatus s = status(item);
          last = runs == StaticShellStatus.TRUE || s == last ? s : StaticShellStatus.UNKNOWN;
        }
        return StaticShellStatus.FALSE;
      }
      if (node instanceof If i) {
        for (int k = 0; k < i.conditions().size(); k++) {
          StaticShellStatus c = status(i.conditions().get(k));
          if (c == StaticShellStatus.UNKNOWN) {
            return StaticShellStatus.UNKNOWN;
          }
          if (c == StaticShellStatus.TRUE) {
            return returns(i.bodies().get(k));
          }
        }
        return i.elseBody() == null ? StaticShellStatus.FALSE : returns(i.elseBody());
      }
      if (node instanceof Case c) {
        int arm = arm(c);
        if (arm == -2) {
          return StaticShellStatus.UNKNOWN;
        }
        return arm < 0 ? StaticShellStatus.FALSE : returns(c.arms().get(arm).body());
      }
      return StaticShellStatus.FALSE;
    }

    private StaticShellStatus returnsAll(List<ShellLineNode> items) {
      for (ShellLineNode item : items) {
        StaticShellStatus r = returns(item);
        if (r != StaticShellStatus.FALSE) {
          return r;
        }
      }
      return StaticShellStatus.FALSE;
    }

    StaticShellStatus status(ShellLineNode node) {
      if (node instanceof Sequence seq) {
        return seq.items().isEmpty() ? StaticShellStatus.TRUE : status(seq.items().get(seq.items().size() - 1));
      }
      if (node instanceof Pipeline p && p.commands().size() == 1) {
        StaticShellStatus s = status(p.commands().get(0));
        return p.negated() ? s.not() : s;
      }
      if (node instanceof AndOr a) {
        StaticShellStatus s = status(a.items().get(0));
        for (int k = 1; k < a.items().size(); k++) {
          StaticShellStatus next = status(a.items().get(k));
          s = a.operators().get(k - 1).equals("&&") ? s.and(next) : s.or(next);
        }
        return s;
      }
      if (node instanceof Simple s && !s.words().isEmpty()) {
        String name = s.commandName();
        List<ShellWord> words = s.words();
        switch (name) {
          case "true", ":":
            return StaticShellStatus.TRUE;
          case "false":
            return StaticShellStatus.FALSE;
          case "[[": {
            int end = words.get(words.size() - 1).raw().equals("]]") ? words.size() - 1 : words.size();
            return StaticShellConditions.doubleBracket(words.subList(1, end), expander, this);
          }
          case "[", "test": {
            List<StaticShellValue> args = new java.util.ArrayList<>();
            for (ShellWord w : words.subList(1, words.size())) {
              args.addAll(expander.fields(w.raw()));
            }
            if (name.equals("[") && !args.isEmpty() && args.get(args.size() - 1).text().equals("]")) {
              args.remove(args.size() - 1);
            }
            return StaticShellConditions.test(args, this);
          }
          default:
            return StaticShellStatus.UNKNOWN;
        }
      }
      return StaticShellStatus.UNKNOWN;
    }

    /** Index of the arm taken, -1 when none, -2 when undecidable. */
    int arm(Case c) {
      StaticShellValue word = expander.value(c.word().raw(), false);
      if (word.dynamic()) {
        return -2;
      }
      for (int k = 0; k < c.arms().size(); k++) {
        for (ShellWord p : c.arms().get(k).patterns()) {
          if (expander.pattern(p.raw()).matcher(word.text()).matches()) {
            return k;
          }
        }
      }
      return -1;
    }

    @Override
    public StaticShellValue variable(String name) {
      if (name.equals("-")) {
        return StaticShellValue.plain(flags());
      }
      if (name.equals("PS1")) {
        if (kind == ShellKind.SH) {
          return StaticShellValue.plain("$ ");
        }
        return interactive ? StaticShellValue.plain("\\s-\\v\\$ ") : null;
      }
      return StaticShellValue.of("$" + name, null, null, false, true);
    }

    private String flags() {
      return switch (kind) {
        case ZSH -> interactive ? "569XZilm" : "569XZlm";
        case SH -> interactive ? "i" : "";
        default -> interactive ? "himBH" : "hB";
      };
    }

    @Override
    public List<StaticShellValue> array(String name) {
      return null;
    }

    @Override
    public void assignDefault(String name, StaticShellValue value) {}

    @Override
    public StaticShellValue commandSubstitution(String command) {
      return StaticShellValue.of("$(" + command + ")", null, null, false, true);
    }

    @Override
    public String homeOf(String user) {
      return null;
    }

    @Override
    public List<String> glob(List<ShellWordPattern.Component> components) {
      return List.of();
    }

    @Override
    public ShellKind kind() {
      return kind;
    }

    @Override
    public Provenance here() {
      return null;
    }

    @Override
    public boolean conditional() {
      return false;
    }

    @Override
    public Root root() {
      return root;
    }

    @Override
    public String cwd() {
      return "/";
    }

    @Override
    public boolean interactive() {
      return interactive;
    }

    @Override
    public boolean isSet(String name) {
      return false;
    }
  }
}
