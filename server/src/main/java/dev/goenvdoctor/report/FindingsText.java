package dev.goenvdoctor.report;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Findings as text for people: grouped by severity, each with its location, evidence, fixes and commands. */
public final class FindingsText {
  private static final String RESET = "\033[0m";
  private static final Map<Severity, String> COLORS = Map.of(Severity.ERROR, "\033[31;1m", Severity.WARNING, "\033[33;1m", Severity.INFO, "\033[36m");

  private FindingsText() {}

  /** {@code diffs} maps a fix to its unified diff (empty when none is shown). */
  public static String render(List<Finding> findings, List<String> failures, String home, boolean color,
      java.util.function.Function<Fix, String> diffs) {
    UnaryOperator<String> path = TextReport.shortener(home);
    StringBuilder out = new StringBuilder();
    long errors = count(findings, Severity.ERROR);
    long warnings = count(findings, Severity.WARNING);
    long infos = count(findings, Severity.INFO);
    out.append("go-env-doctor check: ").append(errors).append(errors == 1 ? " error, " : " errors, ").append(warnings)
        .append(warnings == 1 ? " warning, " : " warnings, ").append(infos).append(" info\n");
    for (Severity severity : Severity.values()) {
      for (Finding f : findings) {
        if (f.severity() != severity) {
          continue;
        }
        String label = color ? COLORS.get(severity) + severity.label() + RESET : severity.label();
        out.append('\n').append(label).append("  ").append(f.slug()).append(" (").append(f.code()).append(")  ")
            .append(path.apply(f.location().file())).append(':').append(f.location().range().startLine() + 1).append('\n');
        out.append("  ").append(f.message()).append('\n');
        for (Provenance p : f.evidence()) {
          out.append("  because ").append(path.apply(p.location().file())).append(':').append(p.location().range().startLine() + 1)
              .append("  ").append(p.text()).append('\n');
        }
        for (Fix fix : f.fixes()) {
          out.append("  fix").append(fix.preferred() ? " (preferred)" : "").append(": ").append(fix.title()).append('\n');
          String diff = diffs.apply(fix);
          if (!diff.isEmpty()) {
            diff.lines().forEach(l -> out.append("    ").append(l).append('\n'));
          }
        }
        for (String command : f.commands()) {
          out.append("  run yourself: ").append(command).append('\n');
        }
        out.append("  explain: go-env-doctor explain ").append(f.slug()).append('\n');
      }
    }
    for (String failure : failures) {
      out.append("\ninternal: ").append(failure).append('\n');
    }
    return out.toString();
  }

  static long count(List<Finding> findings, Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }
}
