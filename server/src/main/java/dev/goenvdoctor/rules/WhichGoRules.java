package dev.goenvdoctor.rules;

import java.util.List;

/** The rules of the group "Which go runs where" (docs/rules/README.md), in catalogue order. */
final class WhichGoRules {
  private WhichGoRules() {}

  static List<Rule> all() {
    return List.of();
  }
}
