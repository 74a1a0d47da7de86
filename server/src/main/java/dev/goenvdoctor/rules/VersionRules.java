package dev.goenvdoctor.rules;

import java.util.List;

/** The rules of the group "Versions and pins" (docs/rules/README.md), in catalogue order. */
final class VersionRules {
  private VersionRules() {}

  static List<Rule> all() {
    return List.of(new ModuleNeedsNewerGoRule(), new ToolchainUnavailableRule(), new VersionPinDisagreesRule(),
        new GoUnsupportedRule(), new NewerGoNotUsedRule(), new OlderGoShadowsNewerRule());
  }
}
