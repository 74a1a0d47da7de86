package dev.goenvdoctor.rules;

import java.util.List;

/** The rules of the group "Go environment" (docs/rules/README.md), in catalogue order. */
final class GoEnvironmentRules {
  private GoEnvironmentRules() {}

  static List<Rule> all() {
    return List.of(new GoproxyBlocksDownloadsRule(), new ChecksumDbDisabledRule(), new VendorFlagWithoutVendorRule(),
        new GoDirsNotWritableRule(), new TmpNoexecRule(), new CgoWithoutCompilerRule());
  }
}
