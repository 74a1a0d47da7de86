package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.StartupFileFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.probe.shell.StaticShellVariable;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Go variable, a PATH entry that matters for Go, or a version manager's activation that adds one, is set
 * below an interactive-only guard: the terminal (an interactive shell) runs the line, the non-interactive
 * login shell that builds the desktop session stops at the guard. Shown on the line; the guard is evidence.
 * Fix: move the line to the file the login shell reads (not for activations, which need the lines before
 * them; not into ~/.profile for bash-only syntax, since GDM reads that file with /bin/sh).
 */
final class ExportAfterInteractiveGuardRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("export-after-interactive-guard", "GED501", Severity.WARNING,
      "An export sits below `~/.bashrc`'s interactive-only guard.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<StaticShellResult> terminal = StartupFileFacts.reading(snapshot, ShellMode.TERMINAL);
    Optional<StaticShellResult> login = StartupFileFacts.reading(snapshot, ShellMode.LOGIN);
    Optional<Root> root = StartupFileFacts.root(snapshot);
    if (terminal.isEmpty() || login.isEmpty() || root.isEmpty()) {
      return List.of();
    }
    String home = StartupFileFacts.home(snapshot);
    Map<Location, Finding> findings = new LinkedHashMap<>();
    for (StartupStatement s : terminal.get().statements()) {
      boolean assignment = s.kind() == StartupStatement.Kind.ASSIGNMENT;
      boolean activation = s.kind() == StartupStatement.Kind.TOOL_ACTIVATION;
      if ((!assignment && !activation) || !s.afterGuard() || !s.executed()
          || findings.containsKey(s.provenance().location())
          || StartupFileFacts.in(login.get(), s.provenance()).map(StartupStatement::executed).orElse(false)) {
        continue;
      }
      Optional<String> what = lostValue(snapshot, root.get(), terminal.get(), login.get(), s, home);
      what.ifPresent(w -> findings.put(s.provenance().location(), finding(snapshot, root.get(), s, w, home)));
    }
    return List.copyOf(findings.values());
  }

  /** What the desktop session misses because of this line ("PATH gets /usr/local/go/bin"), if it matters for Go. */
  private static Optional<String> lostValue(Snapshot snapshot, Root root, StaticShellResult terminal,
      StaticShellResult login, StartupStatement s, String home) {
    String name = s.subject();
    if (s.kind() == StartupStatement.Kind.TOOL_ACTIVATION) {
      List<String> dirs = goDirs(snapshot, root, terminal, login, s, home);
      return dirs.isEmpty() ? Optional.empty()
          : Optional.of(name + "'s activation adds " + String.join(", ", dirs) + " to PATH");
    }
    if (!name.equals("PATH")) {
      if (!StartupFileFacts.isGoVariable(name)) {
        return Optional.empty();
      }
      Optional<String> interactive = terminal.variable(name).map(StaticShellVariable::value);
      Optional<String> desktop = login.variable(name).map(StaticShellVariable::value);
      boolean loginShellHasIt = ranLogin(snapshot).map(l -> l.get(name).equals(interactive)).orElse(false);
      return interactive.isPresent() && !interactive.equals(desktop) && !loginShellHasIt
          ? Optional.of(name + "=" + interactive.get() + " is set") : Optional.empty();
    }
    List<String> dirs = goDirs(snapshot, root, terminal, login, s, home);
    return dirs.isEmpty() ? Optional.empty() : Optional.of("PATH gets " + String.join(", ", dirs));
  }

  /** The Go directories (holding a go, or GOROOT/GOPATH/GOBIN bins) the line adds that the login shell lacks. */
  private static List<String> goDirs(Snapshot snapshot, Root root, StaticShellResult terminal, StaticShellResult login,
      StartupStatement s, String home) {
    Map<String, String> env = snapshot.layer(LayerId.TERMINAL).map(Layer::environment).orElse(Map.of());
    return StartupFileFacts.addedBy(terminal, s.provenance()).stream()
        .filter(d -> StartupFileFacts.isGoDir(root, d, env, home))
        .filter(d -> login.pathEntry(d).isEmpty())
        .filter(d -> ranLogin(snapshot).map(l -> l.path().stream().noneMatch(e -> e.dir().equals(d))).orElse(true))
        .toList();
  }

  /** The login layer when a real login shell ran: what it printed overrides the static reading. */
  private static Optional<Layer> ranLogin(Snapshot snapshot) {
    return snapshot.layer(LayerId.LOGIN).filter(l -> l.source() == LayerSource.SHELL);
  }

  private static Finding finding(Snapshot snapshot, Root root, StartupStatement s, String what, String home) {
    String line = StartupFileFacts.display(s.provenance(), home);
    StringBuilder message = new StringBuilder(what).append(" at ").append(line)
        .append(", after the interactive-only guard at ").append(StartupFileFacts.display(s.guard(), home))
        .append(". Your terminal sees it; the desktop session and the editors started from it (VS Code) do not");
    editorConsequence(snapshot, s).ifPresent(c -> message.append("; ").append(c));
    message.append('.');

    Optional<String> target = StartupFileFacts.loginTarget(snapshot, root);
    Optional<Fix> fix = Optional.empty();
    if (target.isEmpty()) {
      message.append(" Move it to a file your login shell reads");
    } else {
      String name = StartupFileFacts.tilde(target.get(), home);
      Optional<String> text = StartupFileFacts.lineText(root, s.provenance().location());
      boolean movable = text.isPresent() && StartupFileFacts.wholeLine(root, s.provenance())
          && StartupFileFacts.fileText(root, s.provenance().location().file())
              .map(t -> StartupFileFacts.topLevel(t, s.provenance().location().range().startLine())).orElse(false)
          && !target.get().equals(s.provenance().location().file());
      if (s.kind() == StartupStatement.Kind.TOOL_ACTIVATION) {
        message.append(" Move the ").append(s.subject()).append(" setup (this line and the lines it needs before it) to ")
            .append(name).append(" by hand");
      } else if (!movable) {
        message.append(" Move it by hand to ").append(name).append(" (it is part of a larger command here)");
      } else if (target.get().equals(home + "/.profile") && StartupFileFacts.bashOnly(text.get())) {
        message.append(" Move it by hand to ~/.profile in POSIX syntax (GDM reads that file with /bin/sh, which does"
            + " not understand this line's bash syntax)");
      } else {
        message.append(" Move it to ").append(name);
        fix = StartupFileFixes.moveLine(root, s.provenance(), target.get(), "Move this line to " + name, true);
      }
    }
    message.append(", then log out and back in: a new terminal does not change the desktop session, and an editor"
        + " started before keeps its old environment.");
    if (snapshot.layer(LayerId.LOGIN).map(Layer::source).orElse(LayerSource.UNAVAILABLE) != LayerSource.SHELL) {
      message.append(" (Found by reading the startup files; no shell was run.)");
    }
    return Findings.of(INFO, message.toString()).at(s.provenance().location())
        .evidence(s.provenance()).evidence(s.guard()).fix(fix).build();
  }

  /** What this means for the editor: it finds no go, or another one than the terminal. */
  private static Optional<String> editorConsequence(Snapshot snapshot, StartupStatement s) {
    if (!s.subject().equals("PATH") && s.kind() != StartupStatement.Kind.TOOL_ACTIVATION) {
      return Optional.empty();
    }
    Optional<Layer> editor = snapshot.layer(LayerId.EDITOR).filter(l -> l.source() != LayerSource.UNAVAILABLE);
    Optional<ResolvedGo> terminalGo = snapshot.layer(LayerId.TERMINAL).flatMap(Layer::go);
    if (editor.isEmpty() || terminalGo.isEmpty()) {
      return Optional.empty();
    }
    Optional<ResolvedGo> editorGo = editor.get().go();
    if (editorGo.isEmpty()) {
      return Optional.of("VS Code finds no go, your terminal runs " + terminalGo.get().label());
    }
    return Objects.equals(editorGo.get().realPath(), terminalGo.get().realPath()) ? Optional.empty()
        : Optional.of("VS Code runs " + editorGo.get().label() + ", your terminal runs " + terminalGo.get().label());
  }
}
