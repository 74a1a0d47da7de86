package dev.goenvdoctor.cli;

import dev.goenvdoctor.fix.FixApplier;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.report.Diffs;
import dev.goenvdoctor.report.FindingsJson;
import dev.goenvdoctor.report.FindingsText;
import dev.goenvdoctor.report.SarifReport;
import dev.goenvdoctor.rules.RuleCatalogue;
import dev.goenvdoctor.snapshot.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check}: the findings, for people (text) and CI (JSON, SARIF), with exit codes; {@code --fix} applies preferred fixes. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Find what is wrong with the Go setup, explain why with the file and line that caused it, and show the fixes.",
    footer = {"", "Exit codes: 0 no finding at or above --severity, 1 findings, 2 usage or internal error."})
final class CheckCommand implements Callable<Integer> {
  enum Format { text, json, sarif }

  @Parameters(paramLabel = "DIR", arity = "0..*", description = "Workspace folders (same as --workspace).")
  List<Path> folders = new ArrayList<>();

  @Mixin MachineOptions machine;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(names = "--severity", paramLabel = "LEVEL", description = "Lowest severity that counts for the exit code and output: error, warning or info (default: ${DEFAULT-VALUE}).")
  String severity = "info";

  @Option(names = "--disable", paramLabel = "SLUG", split = ",", description = "Rules to skip, by slug or code (repeatable, or comma-separated).")
  List<String> disabled = new ArrayList<>();

  @Option(names = "--fix", description = "Apply the preferred fix of each finding to the files (atomically, keeping permissions). Without it, fixes are shown as diffs only.")
  boolean fix;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Severity threshold = Severity.parse(severity).orElse(null);
    if (threshold == null) {
      err.println("go-env-doctor: --severity takes error, warning or info, not '" + severity + "'");
      return Main.EXIT_ERROR;
    }
    machine.workspaces.addAll(folders);
    Snapshot snapshot = SnapshotFactory.take(machine, err);
    Root root = Root.of(machine.root);
    Set<String> off = new LinkedHashSet<>(disabled);
    off.addAll(SettingsDisabledRules.of(snapshot));
    RuleCatalogue.Result result = RuleCatalogue.check(snapshot, off);
    List<Finding> findings = result.findings().stream().filter(f -> f.severity().atLeast(threshold)).toList();

    if (fix) {
      applyFixes(root, snapshot, findings, out, err);
    }
    switch (format) {
      case json -> out.print(FindingsJson.render(findings, result.failures()));
      case sarif -> out.print(SarifReport.render(findings, RuleCatalogue.all(), snapshot.toolVersion(),
          p -> root.hostPath(p).toString()));
      case text -> out.print(FindingsText.render(findings, result.failures(), snapshot.machine().home(), useColor(),
          f -> fix || !f.preferred() ? "" : diff(root, f)));
    }
    out.flush();
    if (!result.failures().isEmpty()) {
      return Main.EXIT_ERROR;
    }
    return findings.isEmpty() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
  }

  private static String diff(Root root, Fix fix) {
    try {
      StringBuilder out = new StringBuilder();
      for (Map.Entry<String, String> e : FixApplier.preview(root, fix).entrySet()) {
        String before = root.readText(e.getKey(), 16 << 20).orElse("");
        out.append(Diffs.unified(e.getKey(), before, e.getValue()));
      }
      return out.toString();
    } catch (IOException e) {
      return "(cannot preview: " + e.getMessage() + ")";
    }
  }

  /**
   * Applies each preferred fix once, saying which files changed and which lie outside the workspace. Fixes
   * were computed from the files as first read, so a fix touching a file that an earlier fix already
   * changed is skipped (run check again for it): edits are never applied to text they were not made for.
   */
  private void applyFixes(Root root, Snapshot snapshot, List<Finding> findings, PrintWriter out, PrintWriter err) {
    Set<Fix> applied = new LinkedHashSet<>();
    Set<String> changed = new LinkedHashSet<>();
    for (Finding f : findings) {
      f.fixes().stream().filter(Fix::preferred).findFirst().filter(applied::add).ifPresent(fix -> {
        List<String> clash = fix.files().stream().filter(changed::contains).toList();
        if (!clash.isEmpty()) {
          err.println("skipped the fix for " + f.slug() + ": " + String.join(", ", clash)
              + " was changed by an earlier fix; run check again");
          return;
        }
        try {
          for (String file : FixApplier.apply(root, fix)) {
            changed.add(file);
            boolean inWorkspace = snapshot.machine().workspaceFolders().stream().anyMatch(w -> file.startsWith(w + "/"));
            err.println("fixed " + f.slug() + ": wrote " + file + (inWorkspace ? "" : " (outside the workspace: one of your own files)"));
          }
        } catch (IOException e) {
          err.println("could not fix " + f.slug() + ": " + e.getMessage());
        }
      });
    }
  }

  private static boolean useColor() {
    return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
  }
}
