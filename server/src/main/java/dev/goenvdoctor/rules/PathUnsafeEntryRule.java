package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.probe.shell.StaticShellEvaluator;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.rules.StartupFileFacts.SeenEntry;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A layer's PATH has an empty entry (the current directory, POSIX) or a relative one. Shown on the line that
 * added it when known, else on the workspace's go.mod. Fix, for a plain one-line assignment in a startup
 * file: drop the empty part, the relative part, or the reference to a Go variable that is never set.
 */
final class PathUnsafeEntryRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("path-unsafe-entry", "GED507", Severity.WARNING,
      "PATH has an empty or relative entry (the current directory).");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<Root> machine = StartupFileFacts.root(snapshot);
    String home = StartupFileFacts.home(snapshot);
    List<Finding> findings = new ArrayList<>();
    for (SeenEntry e : StartupFileFacts.entries(snapshot, Set.of(PathEntry.State.EMPTY, PathEntry.State.RELATIVE))) {
      boolean fromPam = e.origin().map(p -> p.location().file().equals("/etc/environment")).orElse(false);
      if (StartupFileFacts.dynamic(snapshot, e.dir()) || (fromPam && e.dir().contains("$"))) {
        continue; // a command we did not run, or etc-environment-expansion's literal $VAR
      }
      boolean empty = e.state() == PathEntry.State.EMPTY;
      List<String> unsetVariables = e.origin().filter(p -> empty).map(p -> unsetVariables(snapshot, p)).orElse(List.of());
      StringBuilder message = new StringBuilder("PATH of ").append(StartupFileFacts.layerNames(e.layers()))
          .append(empty ? " has an empty entry, which means the current directory"
              : " has the relative entry " + e.dir() + ", which is looked up from whatever the current directory is");
      e.origin().ifPresent(p -> message.append(" (").append(StartupFileFacts.display(p, home))
          .append(unsetVariables.isEmpty() ? "" : ", because " + dollar(unsetVariables) + " is empty there").append(')'));
      message.append(". Programs started in a workspace may run a go, git or gcc found there.");
      Findings finding = Findings.of(INFO, message.toString())
          .at(e.origin().map(Provenance::location).orElseGet(() -> Anchors.primary(snapshot, false)))
          .evidence(e.origin());
      if (machine.isPresent() && e.origin().isPresent()) {
        finding.fix(StartupFileFacts.withoutSegments(machine.get(), e.origin().get(),
            s -> empty ? s.isEmpty() || StartupFilePathValue.loneVariable(s).filter(unsetVariables::contains).isPresent()
                : s.equals(e.dir()),
            empty ? "Remove the empty part of PATH" : "Remove " + e.dir() + " from PATH", true));
      }
      findings.add(finding.build());
    }
    return findings;
  }

  /** The Go variables a PATH line uses as whole parts while no reading ever sets them. */
  private static List<String> unsetVariables(Snapshot snapshot, Provenance line) {
    Optional<StaticShellResult> reading = StartupFileFacts.executedBy(snapshot, line);
    if (reading.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    StartupFilePathValue.parse(line.text()).ifPresent(v -> v.segments().forEach(s -> StartupFilePathValue.loneVariable(s)
        .filter(n -> StaticShellEvaluator.TRACKED_VARIABLES.contains(n) && !n.equals("PATH"))
        .filter(n -> reading.get().variable(n).isEmpty())
        .filter(n -> reading.get().statementsAbout(n).stream().noneMatch(st -> st.executed()
            && st.kind() == StartupStatement.Kind.ASSIGNMENT))
        .ifPresent(names::add)));
    return names;
  }

  private static String dollar(List<String> names) {
    return String.join(" and ", names.stream().map(n -> "$" + n).toList());
  }
}
