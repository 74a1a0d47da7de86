package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.go.InstallKind;
import dev.goenvdoctor.rules.VersionFacts.Installed;
import dev.goenvdoctor.rules.VersionFacts.LayerGo;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GED205: the newest Go installed on the machine is newer than the go of every layer, so nothing uses
 * it (Ubuntu's golang-1.2x-go beside the default golang-go, an unused tarball or SDK); the versions a
 * version manager keeps are its own business. Fires only when
 * every layer's go is known: a layer with no go or an unknown version could be the one using it.
 */
final class NewerGoNotUsedRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("newer-go-not-used", "GED205", Severity.INFO,
      "A newer Go is installed but no layer uses it.");

  private static final Set<InstallKind> MANAGED = EnumSet.of(InstallKind.GOENV, InstallKind.GVM, InstallKind.ASDF, InstallKind.MISE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    List<LayerGo> layers = VersionFacts.allLayers(snapshot);
    long learned = snapshot.layers().stream().filter(l -> l.source() != LayerSource.UNAVAILABLE).count();
    if (layers.isEmpty() || layers.size() != learned) {
      return List.of();
    }
    // A version manager keeps several Go versions on purpose and its pins choose among them: not "unused".
    Optional<Installed> newest = VersionFacts.usableInstallations(snapshot).stream()
        .filter(i -> !MANAGED.contains(i.installation().kind())).max(Comparator.comparing(Installed::version));
    if (newest.isEmpty() || layers.stream().anyMatch(l -> l.version().atLeast(newest.get().version()))) {
      return List.of();
    }
    Installed n = newest.get();
    Map<String, List<LayerGo>> byGo = new LinkedHashMap<>();
    layers.forEach(l -> byGo.computeIfAbsent(VersionFacts.label(l.go()), k -> new ArrayList<>()).add(l));
    StringBuilder message = new StringBuilder(n.version().toolchainName()).append(" is installed at ")
        .append(n.installation().goroot()).append(" but no layer uses it: ");
    if (byGo.size() == 1) {
      message.append("every layer runs ").append(byGo.keySet().iterator().next()).append('.');
    } else {
      List<String> parts = new ArrayList<>();
      byGo.forEach((label, ls) -> parts.add(VersionFacts.join(ls.stream().map(LayerGo::who).toList())
          + (ls.size() == 1 ? " runs " : " run ") + label));
      message.append(VersionFacts.join(parts)).append('.');
    }
    switch (n.installation().kind()) {
      case APT -> message.append(" Its package installs it beside the default Go, not on PATH; /usr/bin/go belongs to"
          + " golang-go and keeps pointing at the default.");
      case GOLANG_DL -> message.append(" golang.org/dl installs are run by their own command (")
          .append(n.installation().goroot().substring(n.installation().goroot().lastIndexOf('/') + 1)).append("), not as go.");
      default -> { }
    }
    Findings finding = Findings.of(INFO, message.toString()).at(Anchors.primary(snapshot, true));
    n.installation().versionFrom().ifPresent(finding::evidence);
    layers.forEach(l -> finding.evidence(VersionFacts.whyThisGo(l)));
    finding.fix(VersionFixes.goroot(snapshot, n, true));
    String bin = n.installation().goroot() + "/bin";
    finding.fix(VersionFixes.addToLoginPath(snapshot, bin, true,
        "Put " + bin + " first on PATH in the login shell's startup file (then log out and back in)", false));
    return List.of(finding.build());
  }
}
