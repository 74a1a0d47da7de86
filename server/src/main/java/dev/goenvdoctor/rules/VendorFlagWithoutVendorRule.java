package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.go.GoSetting;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.GoDirective;
import dev.goenvdoctor.probe.workspace.GoModFile;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * GOFLAGS has {@code -mod=vendor} while a module with requirements has no {@code vendor/modules.txt}:
 * every build of it fails with "inconsistent vendoring".
 */
final class VendorFlagWithoutVendorRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("vendor-flag-without-vendor", "GED603", Severity.ERROR,
      "GOFLAGS has `-mod=vendor` and the module has no `vendor` directory.");
  private static final int MAX_MODULES = 50;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  static boolean isVendorFlag(String word) {
    return word.equals("-mod=vendor") || word.equals("--mod=vendor");
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    GoEnvironmentLookup lookup = new GoEnvironmentLookup(snapshot);
    List<GoEnvironmentSetting> flagged = new ArrayList<>();
    for (Layer layer : lookup.layers()) {
      GoEnvironmentSetting goflags = lookup.setting(layer, "GOFLAGS");
      if (goflags.certain()
          && Stream.of(goflags.value().strip().split("\\s+")).anyMatch(VendorFlagWithoutVendorRule::isVendorFlag)) {
        flagged.add(goflags);
      }
    }
    if (flagged.isEmpty()) {
      return List.of();
    }
    List<GoModFile> unvendored = unvendoredModules(lookup.root(), snapshot);
    List<Finding> findings = new ArrayList<>();
    GoEnvironmentSetting.byCause(flagged).forEach((cause, group) -> {
      for (GoModFile mod : unvendored) {
        findings.add(finding(lookup, group.get(0), GoEnvironmentText.layers(GoEnvironmentSetting.layersOf(group),
            lookup.layers().size()), mod));
      }
    });
    return findings;
  }

  /**
   * Modules of the workspace folders that require something and have no vendor/modules.txt. A folder in
   * a go.work workspace is left out: workspace vendoring has its own rules (Go 1.22+).
   */
  private static List<GoModFile> unvendoredModules(Root root, Snapshot snapshot) {
    Set<GoModFile> out = new LinkedHashSet<>();
    for (FolderFacts folder : snapshot.workspace().folders()) {
      if (Anchors.governingModule(folder).filter(m -> m.kind() == GoModFile.Kind.GO_WORK).isPresent()) {
        continue;
      }
      List<GoModFile> mods = folder.goMods().isEmpty() ? folder.goModsAbove().stream().limit(1).toList() : folder.goMods();
      for (GoModFile mod : mods.stream().limit(MAX_MODULES).toList()) {
        if (!root.isRegularFile(Root.join(mod.directory(), "vendor/modules.txt"))
            && !GoEnvironmentModules.requirements(root, mod).isEmpty()) {
          out.add(mod);
        }
      }
    }
    return List.copyOf(out);
  }

  /** The go command's complaint: a consistency check since go.mod's go 1.14, a failed import before. */
  private static String failure(GoModFile mod) {
    boolean pre114 = mod.go().map(GoDirective::value).flatMap(GoVersion::parse)
        .map(v -> v.compareTo(GoVersion.parse("1.14").orElseThrow()) < 0).orElse(false);
    return pre114
        ? "builds that import a dependency fail with: cannot find package ... in: " + mod.directory() + "/vendor/..."
        : "go build, go test and gopls fail with: go: inconsistent vendoring in " + mod.directory();
  }

  private static Finding finding(GoEnvironmentLookup lookup, GoEnvironmentSetting goflags, String layers, GoModFile mod) {
    Snapshot snapshot = lookup.snapshot();
    String home = snapshot.machine().home();
    String dir = mod.directory();
    boolean hasVendorDir = lookup.root().isDirectory(Root.join(dir, "vendor"));
    int requirements = GoEnvironmentModules.requirements(lookup.root(), mod).size();
    String missing = hasVendorDir ? GoEnvironmentText.path(dir, home) + "/vendor has no modules.txt"
        : GoEnvironmentText.path(dir, home) + " has no vendor directory";
    String message = "GOFLAGS=" + goflags.value() + " " + GoEnvironmentText.origin(goflags, home) + " in " + layers
        + ", but " + missing + " and its go.mod requires " + requirements + (requirements == 1 ? " module" : " modules")
        + "; " + failure(mod) + ". Remove -mod=vendor from"
        + " GOFLAGS (since Go 1.14 a module with a vendor directory uses it without the flag), or create the directory"
        + " with go mod vendor.";
    Location at = mod.module().map(GoDirective::lineLocation).orElse(new Location(mod.path(), new TextRange(0, 0, 0, 0)));
    Findings finding = Findings.of(INFO, message).at(at).evidence(goflags.origin());
    String rest = GoEnvironmentFixes.withoutFlags(goflags.value(), VendorFlagWithoutVendorRule::isVendorFlag);
    if (goflags.source() == GoSetting.Source.USER_ENV_FILE) {
      finding.command(rest.isEmpty() ? "go env -u GOFLAGS" : "go env -w " + GoEnvironmentText.quote("GOFLAGS=" + rest));
    }
    finding.command("go mod vendor");
    goflags.origin().ifPresent(origin -> finding.fix(GoEnvironmentFixes.replace(snapshot, lookup.root(), "GOFLAGS", origin,
        rest, "Remove -mod=vendor from GOFLAGS in " + GoEnvironmentText.where(origin, home), true)));
    return finding.build();
  }
}
