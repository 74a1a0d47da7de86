package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.rules.VersionFacts.Installed;
import dev.goenvdoctor.rules.VersionFacts.LayerGo;
import dev.goenvdoctor.rules.VersionFacts.ModuleLine;
import dev.goenvdoctor.rules.VersionToolchain.Availability;
import dev.goenvdoctor.rules.VersionToolchain.Mode;
import dev.goenvdoctor.rules.VersionToolchain.Selection;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GED201: the go line of the governing go.mod or go.work asks for a newer Go than a layer runs, and what
 * the go command does about it there: refuse (GOTOOLCHAIN=local or unset), build anyway (Go 1.20 and
 * older), fail to get a toolchain (GOPROXY=off, GOTOOLCHAIN=path), or download one.
 */
final class ModuleNeedsNewerGoRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("module-needs-newer-go", "GED201", Severity.ERROR,
      "The go.mod or go.work `go` line is newer than the active Go.");

  /** What happens in one layer, in words, and how bad it is. */
  private record Verdict(LayerGo layer, Severity severity, String outcome, boolean download) {
    Verdict(LayerGo layer, Severity severity, String outcome) {
      this(layer, severity, outcome, false);
    }
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    List<Finding> findings = new ArrayList<>();
    for (ModuleLine line : VersionFacts.goLines(snapshot)) {
      check(snapshot, line).ifPresent(findings::add);
    }
    return findings;
  }

  private Optional<Finding> check(Snapshot snapshot, ModuleLine line) {
    Optional<GoVersion> toolchainLine = line.file().toolchain().flatMap(t -> GoVersion.parse(t.value()));
    List<Verdict> failing = new ArrayList<>();
    Map<String, List<LayerGo>> fine = new LinkedHashMap<>();
    for (LayerGo l : VersionFacts.editorRelevant(snapshot)) {
      Optional<Selection> selection = VersionToolchain.select(snapshot, l.layer(), l.version(), line.version(), toolchainLine);
      if (selection.isEmpty()) {
        continue; // a GOTOOLCHAIN the go command rejects outright: not this rule's story
      }
      Optional<Verdict> verdict = verdict(snapshot, line, l, selection.get());
      if (verdict.isPresent()) {
        failing.add(verdict.get());
      } else {
        fine.computeIfAbsent(" " + VersionFacts.label(l.go()) + meets(selection.get()), k -> new ArrayList<>()).add(l);
      }
    }
    if (failing.isEmpty()) {
      return Optional.empty();
    }
    Severity severity = failing.stream().map(Verdict::severity).min(Enum::compareTo).orElse(Severity.WARNING);
    Optional<Installed> meeting = VersionFacts.bestMeeting(snapshot, line.version());
    StringBuilder message = new StringBuilder(line.display() + " requires go >= " + line.directive().value() + ".");
    groupByOutcome(failing).forEach((outcome, layers) -> message.append(' ').append(VersionFacts.subject(layers)).append(outcome));
    fine.forEach((outcome, layers) -> message.append(' ').append(VersionFacts.subject(layers)).append(outcome));
    boolean vscodeFails = failing.stream().anyMatch(v -> v.layer().ofVsCode());
    boolean shellFails = failing.stream().anyMatch(v -> !v.layer().ofVsCode());
    GoVersion needed = VersionToolchain.needed(line.version(), toolchainLine);
    if (meeting.isPresent()) {
      message.append(" A Go that meets it is installed at ").append(meeting.get().label()).append('.');
    } else {
      message.append(" No installed Go meets it: install one, for example with golang.org/dl (go install golang.org/dl/")
          .append(needed.toolchainName()).append("@latest, then ").append(needed.toolchainName()).append(" download).");
    }
    Findings finding = Findings.of(INFO, message.toString()).severity(severity).at(line.directive().valueLocation())
        .evidence(new Provenance(line.directive().lineLocation(), line.directive().verb() + " " + line.directive().value()));
    for (Verdict v : failing) {
      finding.evidence(VersionFacts.whyThisGo(v.layer()));
      finding.evidence(VersionFacts.provenance(v.layer().layer(), VersionFacts.setting(snapshot, v.layer().layer(), "GOTOOLCHAIN")));
      if (v.download()) {
        finding.evidence(VersionFacts.provenance(v.layer().layer(), VersionFacts.setting(snapshot, v.layer().layer(), "GOPROXY")));
      }
    }
    if (meeting.isPresent()) {
      if (vscodeFails) {
        finding.fix(VersionFixes.goroot(snapshot, meeting.get(), true));
      }
      if (shellFails) {
        String bin = meeting.get().installation().goroot() + "/bin";
        finding.fix(VersionFixes.addToLoginPath(snapshot, bin, true,
            "Put " + bin + " first on PATH in the login shell's startup file (then log out and back in)", !vscodeFails));
      }
    } else {
      finding.command("go install golang.org/dl/" + needed.toolchainName() + "@latest");
      finding.command(needed.toolchainName() + " download");
      if (vscodeFails) {
        toolchainFix(snapshot, needed, failing).ifPresent(finding::fix);
      }
    }
    return Optional.of(finding.build());
  }

  /**
   * {@code go.toolsEnvVars.GOTOOLCHAIN} set to the toolchain the module needs, when every VS Code layer
   * that fails runs Go 1.21 or newer (older ones never switch) and that toolchain is already on its PATH
   * or in the module cache. (A toolchain still to be downloaded would only trade an error for the
   * download warning of this same rule.)
   */
  private static Optional<Fix> toolchainFix(Snapshot snapshot, GoVersion needed, List<Verdict> failing) {
    List<LayerGo> vscode = failing.stream().map(Verdict::layer).filter(LayerGo::ofVsCode).toList();
    if (vscode.stream().anyMatch(l -> l.version().compareTo(new GoVersion(1, 21, 0, "")) < 0)) {
      return Optional.empty();
    }
    String name = needed.toolchainName();
    for (LayerGo l : vscode) {
      Availability a = VersionToolchain.availability(snapshot, l.layer(), name, needed, Mode.AUTO);
      if (a != Availability.ON_PATH && a != Availability.IN_MODULE_CACHE) {
        return Optional.empty();
      }
    }
    return SettingsFixes.set(snapshot, "Set go.toolsEnvVars.GOTOOLCHAIN to " + name + " (already on this machine)", true,
        List.of("go.toolsEnvVars", "GOTOOLCHAIN"), name);
  }

  private static Optional<Verdict> verdict(Snapshot snapshot, ModuleLine line, LayerGo l, Selection s) {
    String required = line.directive().value();
    String gotoolchain = s.gotoolchain().value().strip();
    String setting = VersionFacts.describe(snapshot, l.layer(), s.gotoolchain());
    switch (s.mode()) {
      case PRE_SWITCHING -> {
        if (l.version().atLeast(line.version())) {
          return Optional.empty();
        }
        if (!required.matches("\\d+\\.\\d+")) {
          // Go 1.20 and older accept only "go 1.N" in go.mod: a release version such as 1.22.0 stops them at once.
          return Optional.of(new Verdict(l, Severity.ERROR, ": Go 1.20 and older cannot switch toolchains and cannot even"
              + " read this go line: every go command in the module fails with \"" + line.file().path() + ":"
              + (line.directive().lineLocation().range().startLine() + 1) + ": invalid go version '" + required
              + "': must match format 1.23\"."));
        }
        return Optional.of(new Verdict(l, Severity.ERROR, ": Go 1.20 and older cannot switch toolchains, so "
            + l.version().toolchainName() + " builds the module anyway and fails wherever the code or its dependencies"
            + " use anything newer (its compile errors end with \"note: module requires Go " + required + "\")."));
      }
      case UNSET, LOCAL -> {
        if (l.version().atLeast(line.version())) {
          return Optional.empty();
        }
        String why = s.mode() == Mode.UNSET
            ? " with GOTOOLCHAIN unset everywhere (not even in $GOROOT/go.env), so it never switches"
            : " with " + setting + ", so it never switches";
        return Optional.of(new Verdict(l, Severity.ERROR, why + ": every go command in the module fails with \""
            + VersionToolchain.tooNewError(line.shortName(), required, l.version(), gotoolchain) + "\"."));
      }
      default -> {
        // FIXED, AUTO, PATH: some toolchain is selected; first it must be obtainable.
        if (s.cannotRun()) {
          return Optional.of(new Verdict(l, Severity.ERROR, " with " + setting + ": " + cannotRun(snapshot, l, s),
              s.availability() == Availability.DOWNLOAD_BLOCKED));
        }
        if (!s.targetVersion().atLeast(line.version())) {
          return Optional.of(new Verdict(l, Severity.ERROR, " with " + setting + ", which runs " + s.target()
              + " for every module: every go command in the module fails with \""
              + VersionToolchain.tooNewError(line.shortName(), required, s.targetVersion(), gotoolchain) + "\"."));
        }
        if (s.availability() == Availability.DOWNLOAD) {
          return Optional.of(new Verdict(l, Severity.WARNING, " with " + setting + ": the go command switches to "
              + s.target() + ", downloading " + VersionToolchain.module(snapshot, l.go(), s.target())
              + " into the module cache on first use; this needs the network and the module proxy"
              + " (GODEBUG=toolchaintrace=1 shows the choice).", true));
        }
        return Optional.empty(); // switches to a toolchain already here: works without a word
      }
    }
  }

  /** How a layer without trouble meets the go line: by itself, or by switching to a toolchain already here. */
  private static String meets(Selection s) {
    return switch (s.availability()) {
      case ON_PATH -> ", which switches to " + s.target() + " found on PATH.";
      case IN_MODULE_CACHE -> ", which switches to " + s.target() + " from the module cache.";
      default -> ", which meets it.";
    };
  }

  private static String cannotRun(Snapshot snapshot, LayerGo l, Selection s) {
    return switch (s.availability()) {
      case NOT_ON_PATH -> "the go command needs " + s.target() + " and looks for it only on PATH, so every go command"
          + " in the module fails with \"go: cannot find \"" + s.target() + "\" in PATH\".";
      case LANGUAGE_VERSION -> "the go command is asked to run " + s.target() + ", a language version, and stops with"
          + " \"go: invalid toolchain: " + s.target() + " is a language version but not a toolchain version ("
          + s.target() + ".x)\".";
      case WRAPPER_NOT_DOWNLOADED -> "the go command runs " + s.target() + " from PATH, a golang.org/dl wrapper whose"
          + " SDK was never downloaded, so every go command in the module stops with \""
          + snapshot.installations().dlWrappers().stream().filter(w -> w.name().equals(s.target()) && !w.downloaded())
              .findFirst().flatMap(w -> w.message()).orElse(s.target() + ": not downloaded") + "\".";
      default -> "the go command would download " + VersionToolchain.module(snapshot, l.go(), s.target()) + ", but "
          + VersionFacts.describe(snapshot, l.layer(), VersionFacts.setting(snapshot, l.layer(), "GOPROXY"))
          + " blocks downloads and it is not in the module cache, so every go command in the module fails.";
    };
  }

  /** Failing layers with the same go and the same outcome, in order, so one sentence names them together. */
  private static Map<String, List<LayerGo>> groupByOutcome(List<Verdict> verdicts) {
    Map<String, List<LayerGo>> grouped = new LinkedHashMap<>();
    for (Verdict v : verdicts) {
      grouped.computeIfAbsent(" " + VersionFacts.label(v.layer().go()) + v.outcome(), k -> new ArrayList<>()).add(v.layer());
    }
    return grouped;
  }
}
