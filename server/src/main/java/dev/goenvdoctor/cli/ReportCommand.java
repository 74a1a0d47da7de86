package dev.goenvdoctor.cli;

import dev.goenvdoctor.report.JsonReport;
import dev.goenvdoctor.report.MarkdownReport;
import dev.goenvdoctor.rules.RuleCatalogue;
import dev.goenvdoctor.report.TextReport;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report}: every layer side by side, with provenance, installations, workspace and host facts. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Show every layer of the Go setup side by side: which go each runs, the Go variables, PATH, and the file and line behind each value.")
final class ReportCommand implements Callable<Integer> {
  @Mixin MachineOptions machine;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--json", description = "JSON in the schema of docs/report-schema.md.")
    boolean json;

    @Option(names = "--markdown", description = "Markdown with the findings, for bug reports.")
    boolean markdown;
  }

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Snapshot snapshot = SnapshotFactory.take(machine, spec.commandLine().getErr());
    String text = format.json ? JsonReport.render(snapshot)
        : format.markdown ? MarkdownReport.render(snapshot, RuleCatalogue.check(snapshot, SettingsDisabledRules.of(snapshot)).findings())
        : TextReport.render(snapshot);
    spec.commandLine().getOut().print(text);
    return Main.EXIT_OK;
  }
}
