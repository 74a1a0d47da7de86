package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoEnvFile;
import dev.goenvdoctor.probe.go.GoSetting;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GOROOT a layer's go uses equals its GOPATH (the go command warns on every run), or, with GOPATH
 * unset, equals {@code $HOME/go}, the default GOPATH (the go command then leaves GOPATH empty and module
 * downloads fail). Paths are compared after cleaning, as cmd/go does.
 */
final class GorootEqualsGopathRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("goroot-equals-gopath", "GED106", Severity.WARNING,
      "GOROOT equals GOPATH, or GOROOT is `$HOME/go`.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** What one layer has, for grouping layers that have the same. */
  private record Case(String goroot, Optional<Provenance> gorootFrom, String gopath, Optional<Provenance> gopathFrom,
      boolean gopathInEnvFile, boolean defaultGopath) {}

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Root root = WhichGoFacts.root(snapshot);
    Map<Case, List<LayerId>> cases = new LinkedHashMap<>();
    for (Layer layer : WhichGoFacts.known(snapshot)) {
      Optional<ResolvedGo> go = layer.go();
      Optional<String> goroot = go.flatMap(ResolvedGo::goroot).filter(g -> g.startsWith("/")).map(Root::normalize);
      if (goroot.isEmpty()) {
        continue;
      }
      GoEnvFile file = WhichGoFacts.envFile(root, layer);
      GoSetting gopath = GoSetting.lookup("GOPATH", layer.environment(), file, Optional.empty());
      Optional<Provenance> gorootFrom = gorootOrigin(layer, file);
      Case found = null;
      if (gopath.source() == GoSetting.Source.ENVIRONMENT || gopath.source() == GoSetting.Source.USER_ENV_FILE) {
        if (gopath.value().startsWith("/") && Root.normalize(gopath.value()).equals(goroot.get())) {
          Optional<Provenance> gopathFrom = gopath.source() == GoSetting.Source.ENVIRONMENT
              ? Optional.ofNullable(layer.origins().get("GOPATH"))
              : gopath.location().map(l -> new Provenance(l, "GOPATH=" + gopath.value()));
          found = new Case(goroot.get(), gorootFrom, gopath.value(), gopathFrom,
              gopath.source() == GoSetting.Source.USER_ENV_FILE, false);
        }
      } else {
        String home = layer.environment().getOrDefault("HOME", "");
        boolean cacheSet = !GoSetting.lookup("GOMODCACHE", layer.environment(), file, Optional.empty()).value().isEmpty();
        if (home.startsWith("/") && Root.normalize(home + "/go").equals(goroot.get()) && !cacheSet) {
          found = new Case(goroot.get(), gorootFrom, "", Optional.empty(), false, true);
        }
      }
      if (found != null) {
        cases.computeIfAbsent(found, k -> new ArrayList<>()).add(layer.id());
      }
    }
    List<Finding> out = new ArrayList<>();
    cases.forEach((c, layers) -> out.add(finding(snapshot, root, c, layers)));
    return out;
  }

  private static Optional<Provenance> gorootOrigin(Layer layer, GoEnvFile file) {
    if (WhichGoFacts.value(layer, "GOROOT").isPresent()) {
      return Optional.ofNullable(layer.origins().get("GOROOT"));
    }
    return file.get("GOROOT").filter(e -> !e.value().isEmpty()).map(e -> new Provenance(e.location(), "GOROOT=" + e.value()));
  }

  private Finding finding(Snapshot snapshot, Root root, Case c, List<LayerId> layers) {
    String names = WhichGoFacts.capitalize(WhichGoFacts.names(layers));
    String gorootText = "GOROOT=" + c.goroot() + c.gorootFrom().map(p -> " (" + WhichGoFacts.where(snapshot, p) + ")")
        .orElse(" (the root of the go it runs)");
    StringBuilder message = new StringBuilder(names).append(' ').append(WhichGoFacts.verb(layers, "has", "have")).append(' ').append(gorootText);
    List<Fix> fixes = new ArrayList<>();
    String command = null;
    String home = snapshot.machine().home();
    boolean goInHomeGo = home != null && home.startsWith("/") && c.goroot().equals(Root.normalize(home + "/go"));
    if (!c.defaultGopath()) {
      message.append(" and GOPATH=").append(c.gopath())
          .append(c.gopathFrom().map(p -> " (" + WhichGoFacts.where(snapshot, p) + ")").orElse(""))
          .append("; the go command prints \"warning: GOPATH set to GOROOT (").append(c.gopath()).append(") has no effect\" on every run.");
      if (goInHomeGo) {
        message.append(" Fix: move the Go installation out of ~/go (for example to ~/.local/go), point PATH at its bin directory, and leave GOPATH at its default ~/go.");
      } else if (c.gopathInEnvFile()) {
        command = "go env -u GOPATH";
        c.gopathFrom().flatMap(p -> WhichGoEdits.deleteLine(root, p, "Delete GOPATH from " + WhichGoFacts.tilde(snapshot, p.location().file()), true))
            .ifPresent(fixes::add);
        message.append(" Fix: run go env -u GOPATH; GOPATH then defaults to ~/go.");
      } else {
        c.gopathFrom().flatMap(p -> WhichGoGorootText.deleteExport(snapshot, root, "GOPATH", p,
            "Delete the GOPATH export at " + WhichGoFacts.where(snapshot, p), true)).ifPresent(fixes::add);
        message.append(" Fix: stop setting GOPATH to the Go root; it then defaults to ~/go.");
      }
    } else {
      message.append(", which is also the default GOPATH; with GOPATH unset the go command then leaves GOPATH empty,")
          .append(" and module downloads fail with: go: module cache not found: neither GOMODCACHE nor GOPATH is set.")
          .append(" Fix: move the Go installation out of ~/go (for example to ~/.local/go) and point PATH at its bin directory.");
    }
    // The line a fix would change is the one to show: GOPATH's, unless Go itself sits in ~/go.
    Optional<Provenance> at = goInHomeGo ? c.gorootFrom().or(c::gopathFrom) : c.gopathFrom().or(c::gorootFrom);
    Findings f = Findings.of(INFO, message.toString())
        .at(at.map(Provenance::location).orElseGet(() -> Anchors.primary(snapshot, false)))
        .evidence(c.gorootFrom()).evidence(c.gopathFrom());
    fixes.forEach(f::fix);
    if (command != null) {
      f.command(command);
    }
    return f.build();
  }
}
