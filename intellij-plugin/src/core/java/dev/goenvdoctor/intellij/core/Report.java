package dev.goenvdoctor.intellij.core;

import java.util.List;

/**
 * The parts of the server's report JSON (docs/report-schema.md, schema version 1) the tool window shows: the
 * machine, the layers in order, the findings with their fixes (from the {@code goEnvDoctor/report} response;
 * empty in a plain {@code report --json}), what could not be learned, and rules that failed.
 */
public record Report(int schemaVersion, String toolVersion, String takenAt, Machine machine, List<Layer> layers,
    List<Finding> findings, List<String> problems, List<String> failures) {
  public Report {
    layers = List.copyOf(layers);
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
    failures = List.copyOf(failures);
  }

  /** Returns this report with other findings (those of {@code check --format json} on the same machine). */
  Report withFindings(List<Finding> other) {
    return new Report(schemaVersion, toolVersion, takenAt, machine, layers, other, problems, failures);
  }
}
