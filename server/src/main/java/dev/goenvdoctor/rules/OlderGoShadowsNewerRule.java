package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.StartupFileFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.go.GoInstallation;
import dev.goenvdoctor.rules.VersionFacts.Installed;
import dev.goenvdoctor.rules.VersionFacts.LayerGo;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GED206: a layer's PATH holds several go commands and the first, which runs, is older than a later one.
 * The layers are the desktop session, the terminal, VS Code and gopls (the editor's own environment
 * only when the extension's layer is missing, since those inherit it). Only plain go binaries found by
 * the PATH search count: a version manager's shim decides by its pin, not
 * by PATH order, and a later entry counts only when its go is a Go installation whose version is known.
 */
final class OlderGoShadowsNewerRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("older-go-shadows-newer", "GED206", Severity.WARNING,
      "An older `go` comes first on PATH, before a newer one.");

  /**
   * {@code export PATH="$PATH:/usr/local/go/bin"} and its plain variants: an append we can turn into a
   * prepend by moving {@code $PATH} to the end. Anything more involved is left to the user.
   */
  private static final Pattern APPEND = Pattern.compile(
      "^(\\s*(?:export\\s+)?PATH=)(\"?)(\\$PATH|\\$\\{PATH\\}):((?:[^\"'`;&|\\s$]|\\$HOME|\\$\\{HOME\\})+)\\2(\\s*(?:#.*)?)$");

  private record Shadow(LayerGo layer, PathEntry first, PathEntry newer, GoInstallation newerInstall, GoVersion newerVersion) {}

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<Root> root = VersionFacts.root(snapshot);
    if (root.isEmpty()) {
      return List.of();
    }
    Map<String, List<Shadow>> byPair = new LinkedHashMap<>();
    List<LayerGo> all = VersionFacts.allLayers(snapshot);
    boolean vscodeKnown = all.stream().anyMatch(l -> l.id() == LayerId.VSCODE_GO);
    for (LayerGo l : all) {
      if (l.id() == LayerId.EDITOR && vscodeKnown) {
        continue; // VS Code's layers inherit the editor's PATH and say the same, with a fix that works
      }
      shadow(snapshot, root.get(), l).ifPresent(s ->
          byPair.computeIfAbsent(l.go().realPath() + "\n" + s.newerInstall().realPath(), k -> new ArrayList<>()).add(s));
    }
    List<Finding> findings = new ArrayList<>();
    for (List<Shadow> shadows : byPair.values()) {
      findings.add(finding(snapshot, root.get(), shadows));
    }
    return findings;
  }

  private static Optional<Shadow> shadow(Snapshot snapshot, Root root, LayerGo l) {
    String why = l.go().why();
    boolean byPathSearch = why.startsWith("first go on PATH") || why.startsWith("PATH (");
    if (!byPathSearch || l.go().selectedBy().isPresent() || why.contains("shim") || why.contains("wrapper")
        || why.contains("script")) {
      return Optional.empty();
    }
    List<PathEntry> path = l.layer().path();
    String firstDir = Root.parent(l.go().command());
    int firstIndex = -1;
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i).dir().startsWith("/") && Root.normalize(path.get(i).dir()).equals(firstDir)) {
        firstIndex = i;
        break;
      }
    }
    if (firstIndex < 0) {
      return Optional.empty();
    }
    Shadow best = null;
    for (int i = firstIndex + 1; i < path.size(); i++) {
      PathEntry entry = path.get(i);
      if (entry.state() != PathEntry.State.OK) {
        continue;
      }
      String candidate = Root.join(Root.normalize(entry.dir()), "go");
      SymlinkChain chain = root.resolve(candidate);
      if (!chain.ok() || !root.isExecutableFile(candidate) || chain.realPath().equals(l.go().realPath())) {
        continue;
      }
      Optional<GoInstallation> install = VersionFacts.installationOfBinary(snapshot, chain.realPath());
      Optional<GoVersion> version = install.flatMap(GoInstallation::version).flatMap(GoVersion::parse);
      if (version.isEmpty() || !install.get().isGoRoot() || version.get().compareTo(l.version()) <= 0) {
        continue;
      }
      if (best == null || version.get().compareTo(best.newerVersion()) > 0) {
        best = new Shadow(l, path.get(firstIndex), entry, install.get(), version.get());
      }
    }
    return Optional.ofNullable(best);
  }

  private static Finding finding(Snapshot snapshot, Root root, List<Shadow> shadows) {
    Shadow s = shadows.get(0);
    List<LayerGo> layers = shadows.stream().map(Shadow::layer).toList();
    String newerDir = Root.normalize(s.newer().dir());
    StringBuilder message = new StringBuilder(VersionFacts.subject(layers)).append(' ')
        .append(VersionFacts.label(s.layer().go())).append(" because ").append(Root.normalize(s.first().dir()))
        .append(" comes before ").append(newerDir);
    s.newer().origin().ifPresent(o -> message.append(" (added at ").append(VersionFacts.display(snapshot, o.location())).append(')'));
    message.append(", which has ").append(Root.join(newerDir, "go")).append(" (").append(s.newerVersion().toolchainName())
        .append("). The first go on PATH wins.");
    Findings finding = Findings.of(INFO, message.toString())
        .at(s.newer().origin().map(Provenance::location).orElseGet(() -> Anchors.primary(snapshot, true)));
    finding.evidence(s.newer().origin()).evidence(s.first().origin());
    Optional<Fix> prepend = s.newer().origin().flatMap(o -> prependFix(snapshot, root, o));
    prepend.ifPresent(finding::fix);
    if (layers.stream().anyMatch(LayerGo::ofVsCode)) {
      VersionFacts.usableInstallations(snapshot).stream()
          .filter(i -> i.installation().realPath().equals(s.newerInstall().realPath())).findFirst()
          .flatMap((Installed i) -> VersionFixes.goroot(snapshot, i, prepend.isEmpty()))
          .ifPresent(finding::fix);
    }
    return finding.build();
  }

  /** Rewrites an appending PATH line of a shell startup file into a prepending one. */
  private static Optional<Fix> prependFix(Snapshot snapshot, Root root, Provenance origin) {
    String file = origin.location().file();
    if (file.equals("/etc/environment") || file.endsWith(".json")) {
      return Optional.empty(); // pam_env does not expand $PATH; settings files are not shell
    }
    Optional<String> text = root.readText(file, 4 << 20);
    int lineNo = origin.location().range().startLine();
    Optional<String> line = text.flatMap(t -> t.lines().skip(lineNo).findFirst());
    if (line.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = APPEND.matcher(line.get());
    if (!m.matches()) {
      return Optional.empty();
    }
    String rewritten = m.group(1) + m.group(2) + m.group(4) + ":" + m.group(3) + m.group(2) + m.group(5);
    return Optional.of(StartupFileFixes.replaceLine(origin, line.get(), rewritten,
        "Prepend instead of append in " + VersionFacts.display(snapshot, origin.location()) + ": " + rewritten.strip(), true));
  }
}
