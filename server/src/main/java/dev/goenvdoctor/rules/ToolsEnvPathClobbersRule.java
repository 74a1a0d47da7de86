package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.rules.VsCodeSettingsFacts.Located;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.List;
import java.util.Optional;

/**
 * {@code go.toolsEnvVars.PATH} replaces the PATH of gopls and the other tools wholesale (vscode-go
 * extension/src/goEnv.ts newEnvironment: {@code ${env:...}} is expanded, nothing is merged), and the result
 * lacks the system directories, or makes gopls run another go than vscode-go (or none). Shown on the value.
 */
final class ToolsEnvPathClobbersRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("toolsenv-path-clobbers", "GED403", Severity.ERROR,
      "`go.toolsEnvVars.PATH` replaces PATH and lacks system directories or the chosen Go.");
  private static final List<String> KEY = List.of("go.toolsEnvVars", "PATH");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<Located> setting = VsCodeSettingsFacts.effective(snapshot, KEY);
    Optional<Layer> gopls = snapshot.layer(LayerId.GOPLS).filter(l -> l.source() != LayerSource.UNAVAILABLE);
    if (setting.isEmpty() || gopls.isEmpty() || setting.get().string().isEmpty()) {
      return List.of();
    }
    List<String> dirs = gopls.get().path().stream().map(PathEntry::dir).toList();
    // Only where the machine has them: a system without /usr/bin and /bin (NixOS, say) keeps git elsewhere.
    boolean systemDirsExist = VsCodeSettingsFacts.root(snapshot)
        .map(r -> r.isDirectory("/usr/bin") || r.isDirectory("/bin")).orElse(false);
    boolean systemMissing = systemDirsExist && !dirs.contains("/usr/bin") && !dirs.contains("/bin");
    Optional<ResolvedGo> chosen = snapshot.layer(LayerId.VSCODE_GO).flatMap(Layer::go);
    Optional<ResolvedGo> goplsGo = gopls.get().go();
    boolean otherGo = chosen.isPresent() && (goplsGo.isEmpty() || !goplsGo.get().realPath().equals(chosen.get().realPath()));
    if (!systemMissing && !otherGo) {
      return List.of();
    }

    String value = String.join(":", dirs);
    StringBuilder message = new StringBuilder("go.toolsEnvVars.PATH (")
        .append(VsCodeSettingsFacts.display(snapshot, setting.get().entry().keyLocation()))
        .append(") replaces the PATH of gopls and the other Go tools with ").append(value.isEmpty() ? "an empty PATH" : value);
    if (systemMissing) {
      message.append(": /usr/bin and /bin are missing, so gopls cannot run git or gcc");
    }
    if (otherGo) {
      message.append(systemMissing ? ", and " : ": ").append(goplsGo.map(g -> "gopls runs " + g.label())
          .orElse("gopls finds no go")).append(" while vscode-go runs ").append(chosen.get().label());
    }
    message.append(". Remove it (choose a Go with go.goroot instead), then run \"Go: Restart Language Server\".");

    return List.of(Findings.of(INFO, message.toString()).at(setting.get().entry().valueLocation())
        .evidence(setting.get().provenance())
        .evidence(VsCodeSettingsFacts.effective(snapshot, List.of("go.goroot")).map(Located::provenance))
        .fix(VsCodeSettingsFacts.remove(setting.get(), "Remove PATH from go.toolsEnvVars", true))
        .build());
  }
}
