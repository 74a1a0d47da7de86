package dev.goenvdoctor.rules;

import java.util.List;

/** The rules of the group "Tools" (docs/rules/README.md), in catalogue order. */
final class ToolRules {
  private ToolRules() {}

  static List<Rule> all() {
    return List.of(new GoplsBuiltWithOlderGoRule(), new GoplsNotFoundRule(), new ToolsBinNotOnPathRule(),
        new AlternateToolInvalidRule());
  }
}
