package dev.goenvdoctor.rules;

import java.util.List;

/** The rules of the group "Sandboxes" (docs/rules/README.md), in catalogue order. */
final class SandboxRules {
  private SandboxRules() {}

  static List<Rule> all() {
    return List.of(new FlatpakEditorRule(), new SnapGoRefreshRule(), new WslWindowsPathRule(), new SudoHomeMismatchRule(),
        new MacConfinementRule());
  }
}
