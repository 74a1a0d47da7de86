package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoInstallation;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A layer runs the go snap, which snapd refreshes automatically. A fact, not an error: the hold command
 * is offered for those who want the version to stay put.
 */
final class SnapGoRefreshRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("snap-go-refresh", "GED702", Severity.INFO,
      "`go` comes from the snap, which refreshes automatically.");
  private static final String SNAP_ROOT = "/snap/go/";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    List<Layer> snapLayers = new ArrayList<>();
    for (Layer layer : snapshot.layers()) {
      if (GoEnvironmentLookup.known(layer) && layer.go().filter(SnapGoRefreshRule::isSnap).isPresent()) {
        snapLayers.add(layer);
      }
    }
    if (snapLayers.isEmpty()) {
      return List.of();
    }
    String home = snapshot.machine().home();
    Layer first = snapLayers.get(0);
    ResolvedGo go = first.go().orElseThrow();
    Optional<String> revision = revision(go.realPath());
    List<LayerId> ids = snapLayers.stream().map(Layer::id).toList();
    long known = snapshot.layers().stream().filter(GoEnvironmentLookup::known).count();
    String runs = GoEnvironmentText.layers(ids, (int) known);
    String chain = String.join(" -> ", go.chain());
    String snap = "the go snap" + revision.map(r -> " at revision " + r).orElse("") + go.version().map(v -> " (" + v + ")").orElse("");
    String head = ids.size() == 1
        ? capitalize(runs) + " runs " + chain + ", " + snap + "."
        : (runs.equals("every layer") ? "Every layer runs " : capitalize(runs) + " run ") + snap + "; "
            + GoEnvironmentText.layer(first.id()) + " reaches it through " + chain + ".";
    String message = head + " snapd refreshes snaps automatically (it checks four times a day by default), so the Go"
        + " version can change between two builds; tools built with the old Go (gopls) keep their old build Go. To keep"
        + " this version, hold refreshes with: snap refresh --hold=forever go (snapd 2.58 or later); undo with snap"
        + " refresh --unhold go. Informational only.";
    List<Provenance> evidence = new ArrayList<>();
    pathOrigin(first, go).ifPresent(evidence::add);
    go.selectedBy().ifPresent(evidence::add);
    versionLine(snapshot, go).ifPresent(evidence::add);
    Findings finding = Findings.of(INFO, message)
        .at(pathOrigin(first, go).map(Provenance::location).orElseGet(() -> Anchors.primary(snapshot, true)))
        .command("snap refresh --hold=forever go");
    evidence.forEach(finding::evidence);
    return List.of(finding.build());
  }

  /** /snap/bin/go (a link to /usr/bin/snap), or a path inside /snap/go/ (vscode-go's /snap/go/current/bin/go). */
  static boolean isSnap(ResolvedGo go) {
    boolean snapCommand = go.command().equals("/snap/bin/go") && go.chain().contains("/usr/bin/snap");
    return snapCommand || go.command().startsWith(SNAP_ROOT) || go.realPath().startsWith(SNAP_ROOT);
  }

  /** The revision directory of {@code /snap/go/<rev>/bin/go}, when the real path shows it. */
  static Optional<String> revision(String realPath) {
    if (!realPath.startsWith(SNAP_ROOT)) {
      return Optional.empty();
    }
    String rest = realPath.substring(SNAP_ROOT.length());
    int slash = rest.indexOf('/');
    String rev = slash < 0 ? rest : rest.substring(0, slash);
    return rev.isEmpty() || rev.equals("current") ? Optional.empty() : Optional.of(rev);
  }

  /** The line that put the go command's directory on this layer's PATH. */
  private static Optional<Provenance> pathOrigin(Layer layer, ResolvedGo go) {
    String dir = Root.parent(go.command());
    return layer.path().stream().filter(e -> e.dir().equals(dir)).findFirst().flatMap(PathEntry::origin);
  }

  /** The VERSION line of the snap's Go root, as the installation scan read it. */
  private static Optional<Provenance> versionLine(Snapshot snapshot, ResolvedGo go) {
    return go.goroot().flatMap(g -> snapshot.installations().installations().stream()
        .filter(i -> i.goroot().equals(g) || i.realPath().equals(g)).findFirst())
        .flatMap(GoInstallation::versionFrom);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
