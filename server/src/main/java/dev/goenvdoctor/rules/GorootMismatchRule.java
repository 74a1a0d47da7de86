package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GOROOT set by hand names a Go root of another version than the {@code go} binary the layer runs
 * (whose own root cmd/go would find from its location). The compiler of that root then refuses the go
 * command's version. One finding per place that sets GOROOT and binary root, naming every layer hit.
 */
final class GorootMismatchRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("goroot-mismatch", "GED104", Severity.ERROR,
      "GOROOT is not the root of the `go` that layer runs.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Root root = WhichGoFacts.root(snapshot);
    List<Finding> out = new ArrayList<>();
    for (WhichGoRoots.GorootValue value : WhichGoRoots.all(snapshot)) {
      if (!value.value().startsWith("/")) {
        continue;
      }
      String goroot = Root.normalize(value.value());
      GoRoot set = GoRoot.inspect(root, goroot);
      Optional<GoVersion> setVersion = set.version().flatMap(GoVersion::parse);
      if (!set.isGoRoot() || setVersion.isEmpty()) {
        continue; // a missing or broken root is goroot-invalid's
      }
      // Layers hit, grouped by the root their go binary really belongs to.
      Map<String, List<Layer>> byOwnRoot = new LinkedHashMap<>();
      Map<String, GoRoot> ownRoots = new LinkedHashMap<>();
      for (LayerId id : value.layers()) {
        Optional<Layer> layer = WhichGoFacts.known(snapshot, id).filter(l -> l.go().isPresent());
        if (layer.isEmpty()) {
          continue;
        }
        ResolvedGo go = layer.get().go().get();
        if (!go.goroot().map(Root::normalize).filter(goroot::equals).isPresent()) {
          continue; // a wrapper (golang.org/dl, goenv, asdf, mise) exported its own GOROOT for this go
        }
        Optional<GoRoot> own = WhichGoFacts.ownRoot(root, go.realPath());
        Optional<GoVersion> binary = go.version().flatMap(GoVersion::parse);
        if (own.isEmpty() || binary.isEmpty() || own.get().realPath().equals(set.realPath())
            || binary.get().compareTo(setVersion.get()) == 0) {
          continue;
        }
        byOwnRoot.computeIfAbsent(own.get().realPath() + "|" + go.version().get(), k -> new ArrayList<>()).add(layer.get());
        ownRoots.putIfAbsent(own.get().realPath() + "|" + go.version().get(), own.get());
      }
      for (Map.Entry<String, List<Layer>> e : byOwnRoot.entrySet()) {
        out.add(finding(snapshot, root, value, set, ownRoots.get(e.getKey()), e.getValue()));
      }
    }
    return out;
  }

  private Finding finding(Snapshot snapshot, Root root, WhichGoRoots.GorootValue value, GoRoot set, GoRoot own, List<Layer> layers) {
    ResolvedGo go = layers.get(0).go().orElseThrow();
    List<LayerId> ids = layers.stream().map(Layer::id).toList();
    String rootVersion = set.version().orElse("?");
    String binaryVersion = go.version().orElse("?");
    StringBuilder message = new StringBuilder(WhichGoFacts.capitalize(WhichGoFacts.names(ids))).append(' ')
        .append(WhichGoFacts.verb(ids, "runs", "run")).append(' ').append(go.realPath()).append(" (").append(binaryVersion)
        .append(") with GOROOT=").append(value.value()).append(" (").append(rootVersion).append(')')
        .append(WhichGoGorootText.from(snapshot, value))
        .append("; builds fail with compile: version \"").append(rootVersion).append("\" does not match go tool version \"")
        .append(binaryVersion).append("\". That go's own root is ").append(own.path()).append('.');

    Optional<Fix> fix = Optional.empty();
    String command = null;
    switch (value.origin()) {
      case STARTUP_FILE -> {
        fix = WhichGoGorootText.deleteExport(snapshot, root, value, "Delete the GOROOT export at ", true);
        message.append(fix.isPresent()
            ? " Fix: delete that line; the go command finds its own root. Open a new terminal" + WhichGoGorootText.relogin(snapshot, value) + "."
            : " Fix: stop setting GOROOT there (the go command finds its own root), or set it to " + own.path() + ".");
      }
      case GO_ENV_FILE -> {
        command = "go env -u GOROOT";
        fix = value.where().flatMap(p -> WhichGoEdits.deleteLine(root, p, "Delete GOROOT from " + WhichGoFacts.tilde(snapshot, p.location().file()), true));
        message.append(" Fix: run go env -u GOROOT.");
      }
      case SETTINGS -> {
        if (value.isGorootSetting()) {
          // go.goroot chose the extension's go correctly; this layer runs another go (go.toolsEnvVars.PATH): gopls-go-differs says why.
          message.append(" Fix: make this layer run the go of ").append(value.value())
              .append(" (see gopls-go-differs), or point go.goroot at ").append(own.path()).append('.');
        } else {
          fix = value.setting().flatMap(h -> WhichGoEdits.removeSetting(h, "Remove " + h.entry().displayName(), true));
          message.append(" Fix: remove that setting, or set it to ").append(own.path()).append('.');
        }
      }
      case ETC_ENVIRONMENT -> message.append(" Fix: remove GOROOT from /etc/environment (as root), then log out and back in.");
      default -> message.append(" Fix: unset GOROOT where that environment gets it; the go command finds its own root.");
    }
    Findings f = Findings.of(INFO, message.toString())
        .at(value.where().map(p -> p.location()).orElseGet(() -> Anchors.primary(snapshot, true)))
        .evidence(value.where())
        .evidence(set.versionFile().map(v -> v.provenance()))
        .fix(fix);
    if (command != null) {
      f.command(command);
    }
    return f.build();
  }
}
