package dev.goenvdoctor.lsp;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellEnvResult;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.rules.Anchors;
import dev.goenvdoctor.rules.Findings;
import dev.goenvdoctor.rules.Rule;
import dev.goenvdoctor.rules.RuleInfo;
import dev.goenvdoctor.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Small rules of the tests' own, so the server's tests do not depend on the catalogue being filled in: each
 * one exercises a path of the server (a settings value with a JSONC fix, a file creation, a startup file
 * outside the workspace, a finding that needs a real shell run, a rule that throws).
 */
final class TestRules {
  /** Same slug, code and page as the catalogue's rule, so the diagnostic links to a real page. */
  static final RuleInfo GOROOT = new RuleInfo("setting-goroot-invalid", "GED401", Severity.ERROR, "go.goroot names no directory");
  static final RuleInfo NO_SETTINGS = new RuleInfo("test-no-workspace-settings", "GED991", Severity.INFO, "no settings");
  static final RuleInfo BASHRC_GOROOT = new RuleInfo("test-goroot-exported", "GED992", Severity.WARNING, "GOROOT exported");
  static final RuleInfo SHELL_RAN = new RuleInfo("test-shell-ran", "GED993", Severity.INFO, "the login shell ran");
  static final RuleInfo THROWS = new RuleInfo("test-throws", "GED994", Severity.ERROR, "always fails");
  static final RuleInfo WANTS_TOOLCHAIN = new RuleInfo("test-wants-toolchain", "GED996", Severity.INFO, "GOTOOLCHAIN not set");
  static final RuleInfo GOROOT_AGAIN = new RuleInfo("test-goroot-again", "GED995", Severity.WARNING, "go.goroot, seen twice");

  private TestRules() {}

  static List<Rule> all() {
    return List.of(gorootSetting(), noWorkspaceSettings(), bashrcGoroot(), shellRan());
  }

  static Checker checker() {
    return Checker.of(all());
  }

  /** go.goroot naming a directory that does not exist; the preferred fix removes the setting. */
  static Rule gorootSetting() {
    return gorootSetting(GOROOT);
  }

  /** The same check under another rule's name: two findings on one value offering the very same fix. */
  static Rule gorootSetting(RuleInfo info) {
    return rule(info, s -> {
      Root root = Root.of(Path.of(s.machine().root()));
      List<Finding> out = new ArrayList<>();
      for (SettingsFile file : folderAndUserSettings(s)) {
        file.entry("go.goroot").ifPresent(e -> e.stringValue().filter(v -> !root.isDirectory(v)).ifPresent(v ->
            out.add(Findings.of(info, "go.goroot is " + v + ", which does not exist: the Go extension ignores it")
                .at(e.valueLocation())
                .evidence(new Provenance(e.keyLocation(), "\"go.goroot\": " + e.sourceText()))
                .fix(SettingsFixes.remove(file, "Remove go.goroot", true, List.of("go.goroot")))
                .build())));
      }
      return out;
    });
  }

  /** No .vscode/settings.json in the first folder: shown on go.mod's go line; the fix creates the file. */
  static Rule noWorkspaceSettings() {
    return rule(NO_SETTINGS, s -> {
      Optional<FolderFacts> folder = s.workspace().folders().stream().findFirst();
      if (folder.isEmpty() || folder.get().folderSettings().isPresent() || folder.get().goMods().isEmpty()) {
        return List.of();
      }
      return List.of(Findings.of(NO_SETTINGS, "this workspace has no .vscode/settings.json")
          .at(Anchors.primary(s, true))
          .fix(SettingsFixes.set(s, "Create .vscode/settings.json with GOTOOLCHAIN=local", true,
              List.of("go.toolsEnvVars", "GOTOOLCHAIN"), "local"))
          .build());
    });
  }

  /** An exported GOROOT in a startup file: a diagnostic on the user's own file, outside the workspace. */
  static Rule bashrcGoroot() {
    return rule(BASHRC_GOROOT, s -> {
      Set<Provenance> lines = new LinkedHashSet<>();
      s.startup().forEach(r -> r.statementsAbout("GOROOT").stream()
          .filter(st -> st.kind() == StartupStatement.Kind.ASSIGNMENT).forEach(st -> lines.add(st.provenance())));
      return lines.stream().map(p -> Findings.of(BASHRC_GOROOT, "GOROOT is exported here: " + p.text())
          .at(p.location()).evidence(p).build()).toList();
    });
  }

  /** Fires only when the user's shell really ran: absent from the static findings, present in the refined ones. */
  static Rule shellRan() {
    return rule(SHELL_RAN, s -> s.shellRuns().stream().filter(ShellEnvResult::ok).findFirst()
        .map(r -> List.of(Findings.of(SHELL_RAN, "the " + r.mode().name().toLowerCase() + " shell ran in "
            + r.elapsed().toMillis() + " ms").at(Anchors.primary(s, false)).build()))
        .orElse(List.of()));
  }

  /** Always on go.mod, with a fix that sets go.toolsEnvVars.GOTOOLCHAIN in the folder's settings. */
  static Rule wantsToolchain() {
    return rule(WANTS_TOOLCHAIN, s -> List.of(Findings.of(WANTS_TOOLCHAIN, "GOTOOLCHAIN is not set for the tools")
        .at(Anchors.primary(s, false))
        .fix(SettingsFixes.set(s, "Set GOTOOLCHAIN=local", true, List.of("go.toolsEnvVars", "GOTOOLCHAIN"), "local"))
        .build()));
  }

  /** A rule with a bug: the others must still be published. */
  static Rule throwing() {
    return rule(THROWS, s -> {
      throw new IllegalStateException("a bug in a rule");
    });
  }

  private static List<SettingsFile> folderAndUserSettings(Snapshot s) {
    return Stream.concat(s.workspace().folders().stream().flatMap(f -> f.folderSettings().stream()),
        s.workspace().userSettings().stream()).toList();
  }

  private static Rule rule(RuleInfo info, java.util.function.Function<Snapshot, List<Finding>> check) {
    return new Rule() {
      @Override
      public RuleInfo info() {
        return info;
      }

      @Override
      public List<Finding> check(Snapshot snapshot) {
        return check.apply(snapshot);
      }
    };
  }
}
