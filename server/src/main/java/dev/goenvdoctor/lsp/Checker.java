package dev.goenvdoctor.lsp;

import dev.goenvdoctor.rules.Rule;
import dev.goenvdoctor.rules.RuleCatalogue;
import dev.goenvdoctor.snapshot.Snapshot;
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
    return (snapshot, disabled) -> RuleCatalogue.check(copy, snapshot, disabled);
  }
}
