package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.rules.StartupFileFacts.SeenEntry;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PATH entry that a known file line added does not exist. Entries without a known origin, and the
 * distributions' default directories, are left alone (noise). Shown on that line; fix (never preferred):
 * drop the entry from a plain one-line assignment.
 */
final class PathMissingDirRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("path-missing-dir", "GED508", Severity.INFO, "A PATH entry does not exist.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<Root> machine = StartupFileFacts.root(snapshot);
    String home = StartupFileFacts.home(snapshot);
    List<Finding> findings = new ArrayList<>();
    for (SeenEntry e : StartupFileFacts.entries(snapshot, Set.of(PathEntry.State.MISSING))) {
      if (e.origin().isEmpty() || StartupFileFacts.SYSTEM_PATH_DIRS.contains(e.dir())
          || StartupFileFacts.dynamic(snapshot, e.dir())) {
        continue;
      }
      Provenance origin = e.origin().get();
      Map<String, String> env = snapshot.layer(e.layers().get(0)).map(Layer::environment).orElse(Map.of());
      String message = "PATH entry " + e.dir() + " (" + StartupFileFacts.display(origin, home) + ") does not exist"
          + " (" + StartupFileFacts.layerNames(e.layers()) + ")."
          + (goInstallTarget(e.dir(), env, home) ? " go install creates it with the first tool it installs." : "");
      Findings finding = Findings.of(INFO, message).at(origin.location()).evidence(origin);
      machine.ifPresent(root -> finding.fix(StartupFileFacts.withoutSegments(root, origin,
          s -> StartupFilePathValue.parse(origin.text()).flatMap(v -> v.expand(s, env, home))
              .map(d -> Root.normalize(d).equals(Root.normalize(e.dir()))).orElse(false),
          "Remove " + e.dir() + " from PATH", false)));
      findings.add(finding.build());
    }
    return findings;
  }

  /** True for GOBIN or GOPATH's bin (GOPATH defaults to ~/go): where go install puts tools. */
  private static boolean goInstallTarget(String dir, Map<String, String> env, String home) {
    String d = Root.normalize(dir);
    if (d.equals(Root.normalize(env.getOrDefault("GOBIN", "-")))) {
      return true;
    }
    String gopath = env.getOrDefault("GOPATH", "");
    for (String p : (gopath.isBlank() ? home + "/go" : gopath).split(":")) {
      if (!p.isBlank() && d.equals(Root.normalize(p + "/bin"))) {
        return true;
      }
    }
    return false;
  }
}
