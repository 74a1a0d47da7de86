package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A GOROOT set by hand (a startup file, /etc/environment, the Go user env file,
 * {@code go.toolsEnvVars.GOROOT}) that is missing or not a Go root. {@code go.goroot} itself is left to
 * setting-goroot-invalid. Only values some known layer really gets are reported.
 */
final class GorootInvalidRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("goroot-invalid", "GED105", Severity.ERROR,
      "GOROOT is missing or is not a Go installation.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Root root = WhichGoFacts.root(snapshot);
    List<Finding> out = new ArrayList<>();
    for (WhichGoRoots.GorootValue value : WhichGoRoots.all(snapshot)) {
      if (value.isGorootSetting() || value.layers().isEmpty()) {
        continue;
      }
      String problem;
      Optional<GoRoot> parent = Optional.empty();
      if (!value.value().startsWith("/")) {
        problem = "is not an absolute path, so the go command looks for it relative to whatever the current directory is";
      } else {
        GoRoot r = GoRoot.inspect(root, value.value());
        if (r.isGoRoot()) {
          continue;
        }
        String reason = r.notGoRootReason().orElse("");
        String stops = "; every go command that sees it stops with: go: cannot find GOROOT directory: " + value.value();
        if (reason.startsWith("missing")) {
          problem = "does not exist" + (reason.startsWith("missing (") ? " (" + reason.substring("missing (".length()) : "") + stops;
        } else if (reason.equals("not a directory")) {
          problem = "is not a directory" + stops;
        } else {
          problem = "is not a Go root (" + reason + "): the go command finds no compiler or standard library there";
        }
        String normalized = Root.normalize(value.value());
        if (normalized.endsWith("/bin")) {
          parent = Optional.of(GoRoot.inspect(root, Root.parent(normalized))).filter(GoRoot::isGoRoot);
        }
      }
      out.add(finding(snapshot, root, value, problem, parent));
    }
    return out;
  }

  private Finding finding(Snapshot snapshot, Root root, WhichGoRoots.GorootValue value, String problem, Optional<GoRoot> parent) {
    StringBuilder message = new StringBuilder(WhichGoFacts.capitalize(WhichGoFacts.names(value.layers())))
        .append(' ').append(WhichGoFacts.verb(value.layers(), "has", "have")).append(" GOROOT=").append(value.value())
        .append(WhichGoGorootText.from(snapshot, value)).append(", which ").append(problem).append('.');
    parent.ifPresent(p -> message.append(" It names the bin directory: the Go root is ").append(p.path())
        .append(p.version().map(v -> " (" + v + ")").orElse("")).append('.'));

    List<Fix> fixes = new ArrayList<>();
    String command = null;
    switch (value.origin()) {
      case STARTUP_FILE -> {
        WhichGoGorootText.deleteExport(snapshot, root, value, "Delete the GOROOT export at ", true).ifPresent(fixes::add);
        boolean deletable = !fixes.isEmpty();
        parent.flatMap(p -> value.where().flatMap(w -> WhichGoEdits.replaceInLine(root, w, value.value(), p.path(),
            "Set GOROOT to " + p.path() + " at " + WhichGoFacts.where(snapshot, w), !deletable))).ifPresent(fixes::add);
        message.append(deletable
            ? " Fix: delete that line; the go command finds its own root. Open a new terminal" + WhichGoGorootText.relogin(snapshot, value) + "."
            : " Fix: stop setting GOROOT there; the go command finds its own root.");
      }
      case GO_ENV_FILE -> {
        command = "go env -u GOROOT";
        value.where().flatMap(p -> WhichGoEdits.deleteLine(root, p, "Delete GOROOT from " + WhichGoFacts.tilde(snapshot, p.location().file()), true))
            .ifPresent(fixes::add);
        message.append(" Fix: run go env -u GOROOT.");
      }
      case SETTINGS -> {
        value.setting().flatMap(h -> WhichGoEdits.removeSetting(h, "Remove " + h.entry().displayName(), true)).ifPresent(fixes::add);
        message.append(" Fix: remove that setting; the tools then use the root of the go they run.");
      }
      case ETC_ENVIRONMENT -> message.append(" Fix: remove GOROOT from /etc/environment (as root), then log out and back in.");
      default -> message.append(" Fix: unset GOROOT where that environment gets it.");
    }
    Findings f = Findings.of(INFO, message.toString())
        .at(value.where().map(p -> p.location()).orElseGet(() -> Anchors.primary(snapshot, false)))
        .evidence(value.where());
    fixes.forEach(f::fix);
    if (command != null) {
      f.command(command);
    }
    return f.build();
  }
}
