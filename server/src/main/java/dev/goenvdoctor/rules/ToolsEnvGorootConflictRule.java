package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.rules.VsCodeSettingsFacts.Located;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code go.goroot} and {@code go.toolsEnvVars.GOROOT} name different Go roots: vscode-go picks its go from
 * the first, gopls and the other tools get the second. Shown on {@code go.toolsEnvVars.GOROOT}'s value.
 */
final class ToolsEnvGorootConflictRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("toolsenv-goroot-conflict", "GED402", Severity.WARNING,
      "`go.goroot` and `go.toolsEnvVars.GOROOT` disagree.");
  private static final List<String> GOROOT = List.of("go.goroot");
  private static final List<String> TOOLS_GOROOT = List.of("go.toolsEnvVars", "GOROOT");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<Located> setting = VsCodeSettingsFacts.effective(snapshot, GOROOT);
    Optional<Located> tools = VsCodeSettingsFacts.effective(snapshot, TOOLS_GOROOT);
    Optional<Root> machine = VsCodeSettingsFacts.root(snapshot);
    if (setting.isEmpty() || tools.isEmpty() || machine.isEmpty()) {
      return List.of();
    }
    Optional<String> rawGoroot = setting.get().string().filter(v -> !v.isBlank());
    Optional<String> rawTools = tools.get().string().filter(v -> !v.isBlank());
    if (rawGoroot.isEmpty() || rawTools.isEmpty()) {
      return List.of();
    }
    Root root = machine.get();
    Map<String, String> env = VsCodeSettingsFacts.editorEnvironment(snapshot);
    String folder = VsCodeSettingsFacts.workspaceFolder(snapshot);
    String home = snapshot.machine().home();
    String goroot = VsCodeSettingsFacts.expand(rawGoroot.get(), env, folder, home);
    String toolsGoroot = VsCodeSettingsFacts.expand(rawTools.get(), env, folder, home);
    // A go.goroot that is not a directory is ignored by vscode-go (setting-goroot-invalid says so): no conflict.
    if (!goroot.startsWith("/") || !root.isDirectory(goroot)
        || VsCodeSettingsFacts.real(root, goroot).equals(VsCodeSettingsFacts.real(root, toolsGoroot))) {
      return List.of();
    }

    Optional<String> settingVersion = GoRoot.inspect(root, goroot).version();
    Optional<String> toolsVersion = toolsGoroot.startsWith("/") ? GoRoot.inspect(root, toolsGoroot).version() : Optional.empty();
    StringBuilder message = new StringBuilder("go.goroot is ").append(goroot)
        .append(" (").append(settingVersion.map(v -> v + ", ").orElse(""))
        .append(VsCodeSettingsFacts.display(snapshot, setting.get().entry().keyLocation())).append(") but go.toolsEnvVars.GOROOT is ")
        .append(toolsGoroot).append(" (").append(toolsVersion.map(v -> v + ", ").orElse(""))
        .append(VsCodeSettingsFacts.display(snapshot, tools.get().entry().keyLocation())).append("); gopls gets GOROOT=")
        .append(toolsGoroot);
    Optional<ResolvedGo> extensionGo = snapshot.layer(LayerId.VSCODE_GO).flatMap(Layer::go);
    message.append(extensionGo.map(g -> " while vscode-go runs " + g.command()).orElse("")).append('.');
    Optional<ResolvedGo> goplsGo = snapshot.layer(LayerId.GOPLS).flatMap(Layer::go);
    if (goplsGo.isPresent() && goplsGo.get().version().isPresent() && toolsVersion.isPresent()
        && !goplsGo.get().version().get().equals(toolsVersion.get())) {
      message.append(" gopls's go (").append(goplsGo.get().label()).append(") with that GOROOT fails with compile: version \"")
          .append(toolsVersion.get()).append("\" does not match go tool version \"").append(goplsGo.get().version().get())
          .append("\".");
    }

    Findings finding = Findings.of(INFO, message.toString()).at(tools.get().entry().valueLocation())
        .evidence(setting.get().provenance()).evidence(tools.get().provenance());
    finding.fix(VsCodeSettingsFacts.remove(tools.get(), "Remove GOROOT from go.toolsEnvVars (keep go.goroot)", true));
    finding.fix(VsCodeSettingsFacts.setWhereItIs(snapshot, tools.get(), "Set go.toolsEnvVars.GOROOT to " + rawGoroot.get(),
        false, TOOLS_GOROOT, rawGoroot.get()));
    return List.of(finding.build());
  }
}
