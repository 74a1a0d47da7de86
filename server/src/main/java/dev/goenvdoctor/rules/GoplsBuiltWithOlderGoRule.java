package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.binary.BuildInfo;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.rules.VersionFacts.Installed;
import dev.goenvdoctor.rules.VersionFacts.LayerGo;
import dev.goenvdoctor.rules.VersionFacts.ModuleLine;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.snapshot.ToolBinary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GED301: a gopls an editor starts was compiled with a Go whose language version is older than the
 * module's go line (gopls then drops the module's version: golang/tools gopls/internal/cache/check.go,
 * validGoVersion, "'go list' is too new for go/types") or than the go gopls runs. Read from the
 * binary's build info, never by running it.
 */
final class GoplsBuiltWithOlderGoRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("gopls-built-with-older-go", "GED301", Severity.WARNING,
      "gopls was compiled with a Go older than the module's `go` line or the active Go.");

  static final String INSTALL = "go install golang.org/x/tools/gopls@latest";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ToolBinary tool : snapshot.tools()) {
      if (!tool.name().equals("gopls") || !tool.inspection().isGoBinary() || !seen.add(tool.inspection().realPath())) {
        continue;
      }
      Optional<GoVersion> built = tool.inspection().goVersion();
      if (built.isPresent()) {
        check(snapshot, tool, built.get()).ifPresent(findings::add);
      }
    }
    return findings;
  }

  private Optional<Finding> check(Snapshot snapshot, ToolBinary tool, GoVersion built) {
    Optional<ModuleLine> tooNew = VersionFacts.goLines(snapshot).stream()
        .filter(line -> olderLanguage(built, line.version())).findFirst();
    Optional<LayerGo> runs = goplsGo(snapshot).filter(l -> olderLanguage(built, l.version()));
    if (tooNew.isEmpty() && runs.isEmpty()) {
      return Optional.empty();
    }
    String release = tool.inspection().buildInfo().flatMap(BuildInfo::mainModule).map(BuildInfo.Module::version)
        .filter(v -> !v.isBlank()).map(v -> " (" + v + ")").orElse("");
    StringBuilder message = new StringBuilder("gopls at ").append(tool.path()).append(release).append(" was built with ")
        .append(tool.inspection().buildInfo().map(BuildInfo::goVersion).orElse(built.toolchainName())).append(';');
    String lang = "go" + built.languageVersion();
    tooNew.ifPresent(line -> message.append(' ').append(line.display()).append(" says go ").append(line.directive().value())
        .append(", so gopls drops the module's Go version and type-checks it as ").append(lang)
        .append(", with no message about it").append(runs.isPresent() ? ";" : "."));
    runs.ifPresent(l -> message.append(" it runs with ").append(VersionFacts.label(l.go())).append(", whose standard library")
        .append(" may use language features the type checker of ").append(lang).append(" does not know."));
    GoVersion target = tooNew.map(ModuleLine::version).orElse(built);
    Optional<String> rebuildWith = rebuildGo(snapshot, target, runs);
    String command = rebuildWith.map(go -> go + " install golang.org/x/tools/gopls@latest").orElse(INSTALL);
    message.append(" Rebuild it with a current Go (a command you run): ").append(command)
        .append(", or Go: Install/Update Tools in VS Code; then restart gopls.");
    Location at = tooNew.map(line -> line.directive().valueLocation()).orElseGet(() -> Anchors.primary(snapshot, true));
    Findings finding = Findings.of(INFO, message.toString()).at(at).command(command);
    tooNew.ifPresent(line -> finding.evidence(new Provenance(line.directive().lineLocation(), "go " + line.directive().value())));
    if (tool.foundThrough().contains("go.alternateTools.gopls")) {
      finding.evidence(ToolFacts.alternateToolSetting(snapshot, "gopls"));
    }
    return Optional.of(finding.build());
  }

  /** True when {@code built}'s language version (1.21) is older than {@code other}'s (1.22). */
  static boolean olderLanguage(GoVersion built, GoVersion other) {
    return built.major() < other.major() || built.major() == other.major() && built.minor() < other.minor();
  }

  /** The go gopls runs: the gopls layer's, else the extension's. */
  private static Optional<LayerGo> goplsGo(Snapshot snapshot) {
    List<LayerGo> layers = VersionFacts.allLayers(snapshot);
    return layers.stream().filter(l -> l.id() == LayerId.GOPLS).findFirst()
        .or(() -> layers.stream().filter(l -> l.id() == LayerId.VSCODE_GO).findFirst());
  }

  /**
   * The go to rebuild with, by path: the one gopls runs when it is new enough for the module, else an
   * installed Go that is; empty when neither is known (then plain {@code go} on PATH).
   */
  private static Optional<String> rebuildGo(Snapshot snapshot, GoVersion needed, Optional<LayerGo> runs) {
    Optional<LayerGo> active = runs.or(() -> goplsGo(snapshot));
    if (active.isPresent() && !olderLanguage(active.get().version(), needed)) {
      return Optional.of(active.get().go().command());
    }
    return VersionFacts.bestMeeting(snapshot, new GoVersion(needed.major(), needed.minor(), GoVersion.NO_PATCH, ""))
        .map((Installed i) -> i.installation().goroot() + "/bin/go");
  }
}
