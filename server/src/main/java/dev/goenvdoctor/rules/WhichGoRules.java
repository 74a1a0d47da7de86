package dev.goenvdoctor.rules;

import java.util.List;

/** The rules of the group "Which go runs where" (docs/rules/README.md), in catalogue order. */
final class WhichGoRules {
  private WhichGoRules() {}

  static List<Rule> all() {
    return List.of(
        new GoMissingInEditorRule(),
        new GoDiffersBetweenLayersRule(),
        new GoplsGoDiffersRule(),
        new GorootMismatchRule(),
        new GorootInvalidRule(),
        new GorootEqualsGopathRule(),
        new GorootPinnedSnapRevisionRule(),
        new GorootInGoEnvFileRule(),
        new GoEnvFileShadowedRule(),
        new MixedGorootRule(),
        new GoWrongArchRule(),
        new GoBrokenLinkRule());
  }
}
