package dev.goenvdoctor.rules;

import java.util.List;

/** The rules of the group "Startup files" (docs/rules/README.md), in catalogue order. */
final class StartupFileRules {
  private StartupFileRules() {}

  static List<Rule> all() {
    return List.of(new ExportAfterInteractiveGuardRule(), new ProfileShadowedRule(), new ZshIgnoresBashFilesRule(),
        new TildeInPathRule(), new PathClobberedRule(), new EtcEnvironmentExpansionRule(), new PathUnsafeEntryRule(),
        new PathMissingDirRule());
  }
}
