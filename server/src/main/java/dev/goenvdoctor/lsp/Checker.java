package dev.goenvdoctor.lsp;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.rules.Rule;
import dev.goenvdoctor.rules.RuleCatalogue;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns a snapshot into findings, skipping disabled rules (by slug or code). The server's one seam for rules. */
@FunctionalInterface
public interface Checker {
  /** Returns the findings of every enabled rule, and one line for each rule that failed. */
  RuleCatalogue.Result check(Snapshot snapshot, Set<String> disabled);

  /** Returns the checker of the whole rule catalogue: what the shipped server runs. */
  static Checker catalogue() {
    return RuleCatalogue::check;
  }

  /** Returns a checker of exactly {@code rules}; a rule that throws is reported and skipped, as in the catalogue. */
  static Checker of(List<Rule> rules) {
    List<Rule> copy = List.copyOf(rules);
    return (snapshot, disabled) -> {
      List<Finding> findings = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      for (Rule rule : copy) {
        if (disabled.contains(rule.info().slug()) || disabled.contains(rule.info().code())) {
          continue;
        }
        try {
          findings.addAll(rule.check(snapshot));
        } catch (RuntimeException e) {
          failures.add(rule.info().slug() + ": internal error, rule skipped: " + e);
        }
      }
      return new RuleCatalogue.Result(findings, failures);
    };
  }
}
