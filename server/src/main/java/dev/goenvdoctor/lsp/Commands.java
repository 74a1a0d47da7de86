package dev.goenvdoctor.lsp;

import java.util.List;

/** The names the server answers to beyond the LSP standard methods. */
final class Commands {
  /** {@code workspace/executeCommand}: re-run every probe, shells and {@code go env} included. */
  static final String REFRESH = "goEnvDoctor.refresh";
  /** {@code workspace/executeCommand}: the report JSON (docs/report-schema.md) of the current snapshot. */
  static final String REPORT = "goEnvDoctor.report";
  /** A request with the same result as {@link #REPORT}. */
  static final String REPORT_REQUEST = "goEnvDoctor/report";

  static final List<String> ALL = List.of(REFRESH, REPORT);

  private Commands() {}
}
