package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.StartupFileFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.rules.StartupFileFacts.SeenEntry;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A PATH entry starts with a literal {@code ~} (quoted when assigned): bash expands it at lookup time,
 * execvp (editors, gopls) does not. Shown on the assignment when a startup file made it (fix: {@code $HOME}
 * inside the double quotes), else on the line that set it or the workspace's go.mod.
 */
final class TildeInPathRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("tilde-in-path", "GED504", Severity.WARNING,
      "PATH has a literal `~`, which only bash expands.");
  private static final List<String> GO_TOOLS = List.of("go", "gopls", "dlv", "staticcheck", "golangci-lint", "goimports");

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
    List<Finding> findings = new ArrayList<>();
    Set<Location> covered = new HashSet<>();
    for (StartupStatement s : StartupFileFacts.statements(snapshot)) {
      if (!s.flags().contains(StartupStatement.Flag.LITERAL_TILDE) || !s.executed()) {
        continue;
      }
      covered.add(s.provenance().location());
      List<String> dirs = StartupFileFacts.executedBy(snapshot, s.provenance())
          .map(r -> StartupFileFacts.addedBy(r, s.provenance())).orElse(List.of()).stream()
          .filter(d -> d.startsWith("~")).toList();
      String shown = dirs.isEmpty() ? "an entry starting with ~" : "the literal entry " + String.join(", ", dirs);
      StringBuilder message = new StringBuilder("PATH contains ").append(shown).append(" (")
          .append(StartupFileFacts.display(s.provenance(), home)).append(") because the ~ is quoted. ")
          .append(consequence(root, dirs, home));
      Findings finding = Findings.of(INFO, message.toString()).at(s.provenance().location()).evidence(s.provenance());
      fixedLine(root, s.provenance()).ifPresent(fixed -> finding.fix(StartupFileFixes.replaceLine(s.provenance(),
          fixed[0], fixed[1], "Use $HOME instead of ~", true)));
      findings.add(finding.build());
    }
    for (SeenEntry e : StartupFileFacts.entries(snapshot, Set.of(PathEntry.State.TILDE))) {
      if (e.origin().map(p -> covered.contains(p.location())).orElse(false)) {
        continue;
      }
      String message = "PATH of " + StartupFileFacts.layerNames(e.layers()) + " contains the literal entry " + e.dir()
          + e.origin().map(p -> " (" + StartupFileFacts.display(p, home) + ")").orElse("") + ". "
          + consequence(root, List.of(e.dir()), home) + " Write the directory out in full.";
      findings.add(Findings.of(INFO, message).at(e.origin().map(Provenance::location)
          .orElseGet(() -> Anchors.primary(snapshot, false))).evidence(e.origin()).build());
    }
    return findings;
  }

  private static String consequence(Root root, List<String> dirs, String home) {
    List<String> tools = new ArrayList<>();
    String where = "that directory";
    for (String d : dirs) {
      if (d.equals("~") || d.startsWith("~/")) {
        String expanded = home + d.substring(1);
        where = expanded;
        GO_TOOLS.stream().filter(t -> root.isExecutableFile(expanded + "/" + t) && !tools.contains(t)).forEach(tools::add);
      }
    }
    String found = tools.isEmpty() ? "commands in " + where + " are"
        : String.join(" and ", tools) + " in " + where + (tools.size() == 1 ? " is" : " are");
    return "bash expands it when it looks a command up, but VS Code, gopls and other programs that use execvp do"
        + " not, so " + found + " not found there.";
  }

  /** {current line, line with $HOME} when every literal ~ of the line sits inside double quotes at an entry start. */
  private static Optional<String[]> fixedLine(Root root, Provenance p) {
    if (!StartupFileFacts.wholeLine(root, p)) {
      return Optional.empty();
    }
    Optional<String> line = StartupFileFacts.lineText(root, p.location());
    if (line.isEmpty()) {
      return Optional.empty();
    }
    String text = line.get();
    StringBuilder out = new StringBuilder();
    char quote = 0;
    boolean changed = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == 0 && c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        out.append(text, i, text.length());
        break;
      }
      if (c == '\\' && quote != '\'' && i + 1 < text.length()) {
        out.append(c).append(text.charAt(++i));
        continue;
      }
      if ((c == '"' || c == '\'') && (quote == 0 || quote == c)) {
        quote = quote == 0 ? c : 0;
        out.append(c);
        continue;
      }
      boolean entryStart = i > 0 && (text.charAt(i - 1) == ':' || text.charAt(i - 1) == '"' || text.charAt(i - 1) == '\'');
      boolean endsName = i + 1 >= text.length() || "/:\"'".indexOf(text.charAt(i + 1)) >= 0;
      if (c == '~' && quote != 0 && entryStart) {
        if (quote == '\'' || !endsName) {
          return Optional.empty(); // $HOME does not expand in single quotes; ~user is not ours to rewrite.
        }
        out.append("$HOME");
        changed = true;
        continue;
      }
      out.append(c);
    }
    return changed ? Optional.of(new String[] {text, out.toString()}) : Optional.empty();
  }
}
