package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.rules.VersionFacts.Installed;
import dev.goenvdoctor.rules.VersionFacts.LayerGo;
import dev.goenvdoctor.rules.VersionFacts.ModuleLine;
import dev.goenvdoctor.rules.VersionToolchain.Mode;
import dev.goenvdoctor.rules.VersionToolchain.Selection;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GED202: the toolchain line of the governing go.mod or go.work names a newer Go than a layer runs, and
 * that layer's go command will not switch to it (GOTOOLCHAIN=local, unset or a fixed version: the line is
 * ignored) or cannot get it (GOPROXY=off, GOTOOLCHAIN=path, an undownloaded golang.org/dl wrapper).
 * Layers whose go line is not met are left to module-needs-newer-go; Go 1.20 and older have no
 * toolchain lines at all.
 */
final class ToolchainUnavailableRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("toolchain-unavailable", "GED202", Severity.WARNING,
      "The `toolchain` line is newer than the active Go and cannot be switched to.");

  private static final GoVersion FIRST_SWITCHING = new GoVersion(1, 21, 0, "");

  private record Verdict(LayerGo layer, Severity severity, String outcome) {}

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    List<Finding> findings = new ArrayList<>();
    for (ModuleLine line : VersionFacts.toolchainLines(snapshot)) {
      check(snapshot, line).ifPresent(findings::add);
    }
    return findings;
  }

  private Optional<Finding> check(Snapshot snapshot, ModuleLine line) {
    Optional<GoVersion> goLine = line.file().go().flatMap(d -> GoVersion.parse(d.value()));
    if (goLine.isEmpty() || line.directive().value().equals("default")) {
      return Optional.empty();
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (LayerGo l : VersionFacts.editorRelevant(snapshot)) {
      if (l.version().compareTo(FIRST_SWITCHING) < 0) {
        continue;
      }
      Optional<Selection> s = VersionToolchain.select(snapshot, l.layer(), l.version(), goLine.get(), Optional.of(line.version()));
      if (s.isEmpty()) {
        continue;
      }
      GoVersion runs = s.get().mode() == Mode.LOCAL || s.get().mode() == Mode.UNSET ? l.version() : s.get().targetVersion();
      if (!runs.atLeast(goLine.get())) {
        continue; // the go line is not met: module-needs-newer-go explains that failure
      }
      verdict(snapshot, line, l, s.get()).ifPresent(verdicts::add);
    }
    if (verdicts.isEmpty()) {
      return Optional.empty();
    }
    Severity severity = verdicts.stream().map(Verdict::severity).min(Enum::compareTo).orElse(Severity.WARNING);
    StringBuilder message = new StringBuilder(line.display() + " prefers toolchain " + line.directive().value() + ".");
    Map<String, List<LayerGo>> grouped = new LinkedHashMap<>();
    verdicts.forEach(v -> grouped.computeIfAbsent(" " + VersionFacts.label(v.layer().go()) + v.outcome(), k -> new ArrayList<>())
        .add(v.layer()));
    grouped.forEach((outcome, layers) -> message.append(' ').append(VersionFacts.subject(layers)).append(outcome));
    Optional<Installed> meeting = VersionFacts.bestMeeting(snapshot, line.version());
    meeting.ifPresent(m -> message.append(" A Go that new is installed at ").append(m.label()).append('.'));
    Findings finding = Findings.of(INFO, message.toString()).severity(severity).at(line.directive().valueLocation())
        .evidence(new Provenance(line.directive().lineLocation(), "toolchain " + line.directive().value()));
    for (Verdict v : verdicts) {
      finding.evidence(VersionFacts.provenance(v.layer().layer(), VersionFacts.setting(snapshot, v.layer().layer(), "GOTOOLCHAIN")));
      if (v.severity() == Severity.ERROR) {
        finding.evidence(VersionFacts.provenance(v.layer().layer(), VersionFacts.setting(snapshot, v.layer().layer(), "GOPROXY"))
            .filter(p -> p.text().contains("off")));
      }
    }
    boolean vscode = verdicts.stream().anyMatch(v -> v.layer().ofVsCode());
    if (meeting.isPresent() && vscode) {
      finding.fix(VersionFixes.goroot(snapshot, meeting.get(), true));
    }
    if (meeting.isEmpty()) {
      String name = line.version().toolchainName();
      finding.command("go install golang.org/dl/" + name + "@latest");
      finding.command(name + " download");
    }
    return Optional.of(finding.build());
  }

  private static Optional<Verdict> verdict(Snapshot snapshot, ModuleLine line, LayerGo l, Selection s) {
    String setting = VersionFacts.describe(snapshot, l.layer(), s.gotoolchain());
    String wanted = line.directive().value();
    switch (s.mode()) {
      case UNSET, LOCAL -> {
        if (l.version().atLeast(line.version())) {
          return Optional.empty();
        }
        String why = s.mode() == Mode.UNSET ? " with GOTOOLCHAIN unset everywhere (not even in $GOROOT/go.env)" : " with " + setting;
        return Optional.of(new Verdict(l, Severity.WARNING, why + ": the go command never reads go.mod to pick a"
            + " toolchain, so " + wanted + " is ignored there and " + l.version().toolchainName() + " builds the module."));
      }
      case FIXED -> {
        if (s.targetVersion().atLeast(line.version()) || s.cannotRun()) {
          return Optional.empty(); // a fixed toolchain that cannot be had is about GOTOOLCHAIN, not this line
        }
        return Optional.of(new Verdict(l, Severity.WARNING, " with " + setting + ", which runs " + s.target()
            + " for every module: " + wanted + " is ignored there."));
      }
      default -> {
        if (!s.cannotRun()) {
          return Optional.empty(); // switching works (from PATH, the module cache, or by download)
        }
        String why = switch (s.availability()) {
          case NOT_ON_PATH -> "the go command looks for " + s.target() + " only on PATH and stops with \"go: cannot find \""
              + s.target() + "\" in PATH\"";
          case LANGUAGE_VERSION -> "the go command is asked to run " + s.target() + ", a language version, not a"
              + " toolchain, and stops";
          case WRAPPER_NOT_DOWNLOADED -> "the go command runs the golang.org/dl wrapper " + s.target()
              + " from PATH, whose SDK was never downloaded, and it refuses to run";
          default -> "the go command would download " + VersionToolchain.module(snapshot, l.go(), s.target()) + ", but "
              + VersionFacts.describe(snapshot, l.layer(), VersionFacts.setting(snapshot, l.layer(), "GOPROXY"))
              + " blocks downloads and it is not in the module cache";
        };
        return Optional.of(new Verdict(l, Severity.ERROR, " with " + setting + ": " + why
            + ", so every go command in the module fails."));
      }
    }
  }
}
