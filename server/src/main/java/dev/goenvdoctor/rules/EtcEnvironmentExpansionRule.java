package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.StartupFileFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.GoVariables;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.EtcEnvironment;
import dev.goenvdoctor.probe.shell.EtcEnvironmentEntry;
import dev.goenvdoctor.probe.shell.SessionEnvironment;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /etc/environment} gives PATH or a Go variable a value with {@code $VAR} in it; pam_env sets the
 * literal text (pam_env(8): no expansion in that file). Shown on the line. Fixes: write PATH out in full
 * (when only {@code $PATH} is referenced), or move the line to ~/.profile as an export.
 */
final class EtcEnvironmentExpansionRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("etc-environment-expansion", "GED506", Severity.ERROR,
      "`/etc/environment` uses `$VAR`, which pam_env does not expand.");
  private static final Pattern PATH_REFERENCE = Pattern.compile("\\$(\\{PATH}|PATH\\b)");
  private static final Pattern ANY_REFERENCE = Pattern.compile("\\$\\{?[A-Za-z_]");

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
    EtcEnvironment pam = EtcEnvironment.read(root, home.isEmpty() ? null : home);
    List<Finding> findings = new ArrayList<>();
    for (EtcEnvironmentEntry e : pam.entries()) {
      if (e.unset() || !e.issues().contains(EtcEnvironmentEntry.Issue.USES_VARIABLE) || !GoVariables.isReported(e.name())) {
        continue;
      }
      StringBuilder message = new StringBuilder(e.provenance().display()).append(" sets ").append(e.name())
          .append(" to the literal text ").append(e.value()).append("; pam_env does not expand variables in this file.");
      if (e.name().equals("PATH")) {
        List<String> entries = List.of(e.value().split(":", -1));
        if (!entries.contains("/usr/bin") && !entries.contains("/bin")) {
          message.append(" Sessions start without /usr/bin and /bin.");
        }
      } else {
        message.append(" That is not an absolute path, so the go command rejects it.");
      }
      message.append(" Editing /etc/environment needs root; log out and back in afterwards.");
      Findings finding = Findings.of(INFO, message.toString()).at(e.provenance().location()).evidence(e.provenance());
      fullPath(root, e).ifPresent(fixed -> finding.fix(StartupFileFixes.replaceLine(e.provenance(), fixed[0], fixed[1],
          "Write PATH out in full in /etc/environment", true)));
      Optional<String> target = StartupFileFacts.loginTarget(snapshot, root);
      if (target.isPresent() && e.value().indexOf('"') < 0) {
        String export = "export " + e.name() + "=\"" + e.value() + "\"";
        finding.fix(StartupFileFacts.moveLines(root, List.of(e.provenance()), List.of(export), target.get(),
            "pam_env does not expand variables there; the shell does here.",
            "Move it to " + StartupFileFacts.tilde(target.get(), home) + " as " + export, false));
      }
      findings.add(finding.build());
    }
    return findings;
  }

  /** {current line, PATH="<session default>:<rest>"} when $PATH is the only reference on a one-line entry. */
  private static Optional<String[]> fullPath(Root root, EtcEnvironmentEntry e) {
    if (!e.name().equals("PATH")) {
      return Optional.empty();
    }
    String expanded = PATH_REFERENCE.matcher(e.value()).replaceAll(SessionEnvironment.DEFAULT_PATH);
    if (ANY_REFERENCE.matcher(expanded).find() || e.provenance().location().range().startLine()
        != e.provenance().location().range().endLine()) {
      return Optional.empty();
    }
    List<String> unique = new ArrayList<>();
    for (String d : expanded.split(":", -1)) {
      if (!d.isEmpty() && !unique.contains(d)) {
        unique.add(d);
      }
    }
    return StartupFileFacts.lineText(root, e.provenance().location())
        .map(line -> new String[] {line, "PATH=\"" + String.join(":", unique) + "\""});
  }
}
