package dev.goenvdoctor.model;

import java.util.List;

/**
 * One problem, explained: the rule's stable slug and short code, its severity, a message naming the
 * layers, values and versions involved, where it shows ({@code location}), the file lines that caused
 * it ({@code evidence}), fixes that edit files, and commands the user may run themself
 * ({@code commands}: go-env-doctor never runs them).
 */
public record Finding(
    String slug,
    String code,
    Severity severity,
    String message,
    Location location,
    List<Provenance> evidence,
    List<Fix> fixes,
    List<String> commands) {

  public Finding {
    evidence = List.copyOf(evidence);
    fixes = List.copyOf(fixes);
    commands = List.copyOf(commands);
  }
}
