package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.rules.VersionFacts.Installed;
import dev.goenvdoctor.rules.VersionFacts.LayerGo;
import dev.goenvdoctor.rules.VersionReleases.Release;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GED204: a layer runs a Go whose major release is older than the two newest in go-env-doctor's dated
 * release table ({@link VersionReleases}). One finding per go binary, naming every layer that runs it.
 */
final class GoUnsupportedRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("go-unsupported", "GED204", Severity.WARNING,
      "The active Go is older than the two newest releases.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Map<String, List<LayerGo>> byBinary = new LinkedHashMap<>();
    for (LayerGo l : VersionFacts.editorRelevant(snapshot)) {
      if (VersionReleases.unsupported(l.version())) {
        byBinary.computeIfAbsent(l.go().realPath(), k -> new ArrayList<>()).add(l);
      }
    }
    List<Finding> findings = new ArrayList<>();
    List<Release> supported = VersionReleases.supported();
    Optional<Installed> newest = VersionFacts.usableInstallations(snapshot).stream()
        .filter(i -> !VersionReleases.unsupported(i.version())).max(Comparator.comparing(Installed::version));
    for (List<LayerGo> layers : byBinary.values()) {
      LayerGo first = layers.get(0);
      StringBuilder message = new StringBuilder(VersionFacts.subject(layers)).append(' ')
          .append(VersionFacts.label(first.go())).append(". The two newest Go releases known to go-env-doctor (release table of ")
          .append(VersionReleases.TABLE_DATE).append(") are ").append(supported.get(0).name()).append(" and ")
          .append(supported.get(1).name()).append("; go").append(first.version().languageVersion())
          .append(" gets no more security or bug fixes.");
      newest.ifPresentOrElse(
          i -> message.append(" A supported Go is installed at ").append(i.settingPath()).append(" (")
              .append(i.version().toolchainName()).append(").").append(layers.stream().anyMatch(LayerGo::ofVsCode)
                  ? "" : " Put its bin directory first on PATH."),
          () -> message.append(" No supported Go is installed: get one from go.dev/dl, or your distribution's"
              + " golang-1.x-go packages where they exist."));
      Findings finding = Findings.of(INFO, message.toString()).at(Anchors.primary(snapshot, true));
      layers.forEach(l -> finding.evidence(VersionFacts.whyThisGo(l)));
      boolean vscode = layers.stream().anyMatch(LayerGo::ofVsCode);
      if (newest.isPresent() && vscode) {
        finding.fix(VersionFixes.goroot(snapshot, newest.get(), true));
      }
      if (newest.isPresent() && layers.stream().anyMatch(l -> !l.ofVsCode())) {
        String bin = newest.get().installation().goroot() + "/bin";
        finding.fix(VersionFixes.addToLoginPath(snapshot, bin, true,
            "Put " + bin + " first on PATH in the login shell's startup file (then log out and back in)", !vscode));
      }
      findings.add(finding.build());
    }
    return findings;
  }
}
