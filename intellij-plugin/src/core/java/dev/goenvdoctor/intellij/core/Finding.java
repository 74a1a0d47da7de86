package dev.goenvdoctor.intellij.core;

import java.util.List;

/**
 * One problem the server found: rule slug and code, severity ({@code error}, {@code warning}, {@code info}),
 * message, where it shows, the lines that caused it, its fixes, and commands the user may run themself.
 */
public record Finding(String slug, String code, String severity, String message, Location location, List<Provenance> evidence,
    List<FixChoice> fixes, List<String> commands) {
  public Finding {
    evidence = List.copyOf(evidence);
    fixes = List.copyOf(fixes);
    commands = List.copyOf(commands);
  }

  /** Returns the rank of the severity: 0 for errors, 1 for warnings, 2 for the rest. */
  int rank() {
    return switch (severity) {
      case "error" -> 0;
      case "warning" -> 1;
      default -> 2;
    };
  }
}
