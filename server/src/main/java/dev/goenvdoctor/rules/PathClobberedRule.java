package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.StartupFileFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.EtcEnvironment;
import dev.goenvdoctor.probe.shell.EtcEnvironmentEntry;
import dev.goenvdoctor.probe.shell.SessionEnvironment;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.probe.shell.StaticShellPathEntry;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A startup file assigns PATH without {@code $PATH}, so the entries set before it are lost. Fires only when
 * the shell start that ran the line ends without entries of the session's starting PATH (from
 * /etc/environment, else the default); /etc/profile and zsh's zshenv, which set the initial PATH by design,
 * are exempt. Shown on the line; fix: keep {@code $PATH} at the end of the value.
 */
final class PathClobberedRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("path-clobbered", "GED505", Severity.WARNING,
      "PATH is assigned without `$PATH`.");
  private static final Set<String> EXEMPT = Set.of("/etc/profile", "/etc/zsh/zshenv", "/etc/zshenv", "/etc/environment");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<Root> machine = StartupFileFacts.root(snapshot);
    if (machine.isEmpty()) {
      return List.of();
    }
    Root root = machine.get();
    String home = StartupFileFacts.home(snapshot);
    List<String> base = basePath(root, home);
    List<Finding> findings = new ArrayList<>();
    for (StartupStatement s : StartupFileFacts.statements(snapshot)) {
      if (s.kind() != StartupStatement.Kind.ASSIGNMENT || !s.subject().equals("PATH")
          || !s.flags().contains(StartupStatement.Flag.CLOBBERS_PATH) || !s.executed()
          || EXEMPT.contains(s.provenance().location().file())) {
        continue;
      }
      Optional<StaticShellResult> reading = StartupFileFacts.executedBy(snapshot, s.provenance());
      if (reading.isEmpty()) {
        continue;
      }
      List<String> kept = reading.get().path().stream().map(StaticShellPathEntry::directory).toList();
      List<String> lost = base.stream().filter(d -> !kept.contains(d)).toList();
      if (lost.isEmpty()) {
        continue;
      }
      String layer = reading.get().mode() == ShellMode.LOGIN ? "login" : "terminal";
      String message = "PATH is replaced at " + StartupFileFacts.display(s.provenance(), home) + " without $PATH; the "
          + layer + " layer loses " + String.join(", ", lost) + "."
          + (lost.contains("/usr/bin") || lost.contains("/bin") ? " Without /usr/bin and /bin the go command cannot run"
              + " git or gcc." : "")
          + " Keep $PATH in the value, then open a new terminal (and log out and back in if the file is read at login).";
      Findings finding = Findings.of(INFO, message).at(s.provenance().location()).evidence(s.provenance());
      keepPath(root, s).ifPresent(fixed -> finding.fix(StartupFileFixes.replaceLine(s.provenance(), fixed[0], fixed[1],
          "Keep the old PATH after these entries", true)));
      findings.add(finding.build());
    }
    return findings;
  }

  /** The PATH a session starts with before any startup file: /etc/environment's, else the default. */
  private static List<String> basePath(Root root, String home) {
    String path = EtcEnvironment.read(root, home.isEmpty() ? null : home).entry("PATH").filter(e -> !e.unset())
        .map(EtcEnvironmentEntry::value).orElse(SessionEnvironment.DEFAULT_PATH);
    return List.of(path.split(":", -1)).stream().filter(d -> d.startsWith("/")).distinct().toList();
  }

  /** {current line, line with ":$PATH" added to the value}, for a plain one-line assignment. */
  private static Optional<String[]> keepPath(Root root, StartupStatement s) {
    if (!StartupFileFacts.wholeLine(root, s.provenance())) {
      return Optional.empty();
    }
    return StartupFileFacts.lineText(root, s.provenance().location()).flatMap(line -> StartupFilePathValue.parse(line)
        .filter(v -> v.quote() != '\'')
        .map(v -> {
          List<String> segments = new ArrayList<>(v.segments());
          segments.add("$PATH");
          return new String[] {line, v.withSegments(segments)};
        }));
  }
}
