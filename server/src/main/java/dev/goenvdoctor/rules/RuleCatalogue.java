package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every rule, in the order of docs/rules/README.md. {@link #check} runs the enabled ones; a rule that
 * throws is reported as an internal problem of that rule and never stops the others.
 */
public final class RuleCatalogue {
  private static final List<Rule> ALL = Stream.of(WhichGoRules.all(), VersionRules.all(), ToolRules.all(),
      VsCodeSettingsRules.all(), StartupFileRules.all(), GoEnvironmentRules.all(), SandboxRules.all())
      .flatMap(List::stream).toList();

  private RuleCatalogue() {}

  public static List<Rule> all() {
    return ALL;
  }

  public static Optional<Rule> bySlug(String slug) {
    return ALL.stream().filter(r -> r.info().slug().equals(slug) || r.info().code().equalsIgnoreCase(slug)).findFirst();
  }

  /** The findings of every rule not in {@code disabled} (slugs or codes), plus one line per rule that failed. */
  public static Result check(Snapshot snapshot, Collection<String> disabled) {
    return check(ALL, snapshot, disabled);
  }

  /**
   * The findings of those of {@code rules} not in {@code disabled}, plus one line per rule that failed: a rule that
   * throws is reported and skipped, never stopping the others.
   */
  public static Result check(List<Rule> rules, Snapshot snapshot, Collection<String> disabled) {
    // Every rule looks at the same machine: a path one rule resolved is not resolved again by the next.
    return Root.memoizing(() -> {
      List<Finding> findings = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      for (Rule rule : rules) {
        if (disabled.contains(rule.info().slug()) || disabled.contains(rule.info().code())) {
          continue;
        }
        try {
          findings.addAll(rule.check(snapshot));
        } catch (RuntimeException e) {
          failures.add(rule.info().slug() + ": internal error, rule skipped: " + e);
        }
      }
      return new Result(findings, failures);
    });
  }

  /** What a check found, and the rules that could not run. */
  public record Result(List<Finding> findings, List<String> failures) {
    public Result {
      findings = List.copyOf(findings);
      failures = List.copyOf(failures);
    }
  }
}
