package dev.goenvdoctor.rules;

import java.util.List;

/** The rules of the group "VS Code settings" (docs/rules/README.md), in catalogue order. */
final class VsCodeSettingsRules {
  private VsCodeSettingsRules() {}

  static List<Rule> all() {
    return List.of(new SettingGorootInvalidRule(), new ToolsEnvGorootConflictRule(), new ToolsEnvPathClobbersRule(),
        new TerminalEnvDiffersRule());
  }
}
