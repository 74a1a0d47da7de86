package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.layers.Setting;
import dev.goenvdoctor.layers.VsCodeGoSettings;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.List;
import java.util.Optional;

/**
 * gopls would run another {@code go} than the VS Code Go extension: the two computed layers resolve
 * different binaries or versions, and a setting explains it: {@code go.toolsEnvVars.PATH} (it replaces
 * the PATH gopls searches) or {@code go.terminal.activateEnvironment: false} (the extension then does not
 * put its Go first on the tools' PATH). Without such a setting nothing is reported.
 */
final class GoplsGoDiffersRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("gopls-go-differs", "GED103", Severity.WARNING,
      "gopls would run a different `go` than vscode-go.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    VsCodeGoSettings settings = WhichGoFacts.settings(snapshot);
    if (!settings.useLanguageServer()) {
      return List.of();
    }
    Optional<ResolvedGo> extension = WhichGoFacts.known(snapshot, LayerId.VSCODE_GO).flatMap(Layer::go);
    Optional<ResolvedGo> gopls = WhichGoFacts.known(snapshot, LayerId.GOPLS).flatMap(Layer::go);
    if (extension.isEmpty() || gopls.isEmpty() || WhichGoFacts.sameGo(extension.get(), gopls.get())) {
      return List.of();
    }
    ResolvedGo a = extension.get();
    ResolvedGo b = gopls.get();
    StringBuilder message = new StringBuilder("The VS Code Go extension runs ").append(WhichGoFacts.label(a))
        .append(", found through ").append(a.why());
    if (a.why().startsWith("go.")) {
      // The setting that chose it: go.goroot or go.alternateTools.go.
      (a.why().startsWith("go.goroot") ? settings.goroot() : settings.alternateGo()).flatMap(Setting::where)
          .ifPresent(p -> message.append(", set at ").append(WhichGoFacts.where(snapshot, p)));
    }
    message.append("; gopls runs ").append(WhichGoFacts.label(b)).append(", the first go on its own PATH");

    Optional<Setting> toolsPath = Optional.ofNullable(settings.toolsEnvVars().get("PATH"));
    Optional<WhichGoFacts.SettingHit> activate = WhichGoFacts.setting(snapshot, List.of("go.terminal.activateEnvironment"));
    Location at;
    Optional<Fix> fix = Optional.empty();
    Findings finding;
    if (toolsPath.isPresent()) {
      Optional<WhichGoFacts.SettingHit> hit = toolsPath.get().where().flatMap(p -> WhichGoFacts.settingAt(snapshot, p.location()));
      at = hit.map(h -> h.entry().keyLocation()).orElseGet(() -> Anchors.primary(snapshot, true));
      message.append(", which go.toolsEnvVars.PATH").append(hit.map(h -> " (" + WhichGoFacts.where(snapshot, h.entry().keyLocation()) + ")").orElse(""))
          .append(" replaces wholesale. gopls type-checks with one Go while builds and tests use the other.")
          .append(" Fix: remove PATH from go.toolsEnvVars and choose the Go with go.goroot, then restart gopls (Go: Restart Language Server).");
      fix = hit.flatMap(h -> WhichGoEdits.removeSetting(h, "Remove PATH from go.toolsEnvVars", true));
      finding = Findings.of(INFO, message.toString()).at(at);
      toolsPath.get().where().ifPresent(finding::evidence);
    } else if (!settings.terminalActivateEnvironment() && activate.isPresent()) {
      at = activate.get().entry().keyLocation();
      message.append(": go.terminal.activateEnvironment is false (").append(WhichGoFacts.where(snapshot, at))
          .append("), so the extension does not put ").append(WhichGoFacts.commandDir(a))
          .append(" first on the PATH of its tools. Fix: set it back to true (its default; this also changes the integrated terminal's PATH), then restart gopls.");
      fix = SettingsFixes.set(snapshot, "Set go.terminal.activateEnvironment to true", true,
          List.of("go.terminal.activateEnvironment"), Boolean.TRUE);
      finding = Findings.of(INFO, message.toString()).at(at);
    } else {
      // No setting explains it: the difference comes from what a static replay cannot know (the
      // extension's go env output, say). Saying nothing beats a wrong cause.
      return List.of();
    }
    settings.goroot().flatMap(Setting::where).ifPresent(finding::evidence);
    a.selectedBy().ifPresent(finding::evidence);
    b.selectedBy().ifPresent(finding::evidence);
    return List.of(finding.fix(fix).build());
  }
}
