package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.go.GoEnvEntry;
import dev.goenvdoctor.probe.go.GoEnvFile;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GOROOT is saved in the Go user env file ({@code go env -w GOROOT=...}): every go that reads the file
 * is sent to that one root, whichever installation it belongs to. Reported once per env file that a
 * known layer reads; the message says which layers' go it already contradicts.
 */
final class GorootInGoEnvFileRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("goroot-in-go-env-file", "GED108", Severity.WARNING,
      "GOROOT is saved in the Go user env file by `go env -w`.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Root root = WhichGoFacts.root(snapshot);
    Map<String, List<Layer>> readers = new LinkedHashMap<>();
    Map<String, GoEnvEntry> entries = new LinkedHashMap<>();
    for (Layer layer : WhichGoFacts.known(snapshot)) {
      GoEnvFile file = WhichGoFacts.envFile(root, layer);
      Optional<GoEnvEntry> entry = file.get("GOROOT").filter(e -> !e.value().isEmpty());
      if (file.path().isEmpty() || entry.isEmpty()) {
        continue;
      }
      readers.computeIfAbsent(file.path().get(), k -> new ArrayList<>()).add(layer);
      entries.putIfAbsent(file.path().get(), entry.get());
    }
    List<Finding> out = new ArrayList<>();
    readers.forEach((path, layers) -> out.add(finding(snapshot, root, entries.get(path), layers)));
    return out;
  }

  private Finding finding(Snapshot snapshot, Root root, GoEnvEntry entry, List<Layer> layers) {
    Provenance line = new Provenance(entry.location(), entry.key() + "=" + entry.value());
    StringBuilder message = new StringBuilder("GOROOT=").append(entry.value()).append(" is saved in the Go user env file (")
        .append(WhichGoFacts.where(snapshot, line)).append("), which go env -w writes: every go that reads this file uses that root,")
        .append(" whichever installation it belongs to.");
    GoRoot saved = GoRoot.inspect(root, entry.value());
    List<LayerId> shadowed = new ArrayList<>();
    Map<String, List<Layer>> contradicted = new LinkedHashMap<>();
    for (Layer layer : layers) {
      if (WhichGoFacts.value(layer, "GOROOT").isPresent()) {
        shadowed.add(layer.id());
        continue;
      }
      Optional<ResolvedGo> go = layer.go();
      Optional<GoRoot> own = go.flatMap(g -> WhichGoFacts.ownRoot(root, g.realPath()));
      if (go.isEmpty() || own.isEmpty() || !saved.isGoRoot() || own.get().realPath().equals(saved.realPath())) {
        continue;
      }
      Optional<GoVersion> binary = go.get().version().flatMap(GoVersion::parse);
      Optional<GoVersion> savedVersion = saved.version().flatMap(GoVersion::parse);
      if (binary.isPresent() && savedVersion.isPresent() && binary.get().compareTo(savedVersion.get()) != 0) {
        contradicted.computeIfAbsent(go.get().realPath() + "|" + go.get().version().get(), k -> new ArrayList<>()).add(layer);
      }
    }
    for (List<Layer> group : contradicted.values()) {
      ResolvedGo go = group.get(0).go().orElseThrow();
      List<LayerId> ids = group.stream().map(Layer::id).toList();
      GoRoot own = WhichGoFacts.ownRoot(root, go.realPath()).orElseThrow();
      message.append(' ').append(WhichGoFacts.capitalize(WhichGoFacts.names(ids))).append(' ')
          .append(WhichGoFacts.verb(ids, "runs", "run")).append(' ').append(WhichGoFacts.label(go))
          .append(", whose own root is ").append(own.path()).append("; builds there fail with compile: version \"")
          .append(saved.version().orElseThrow()).append("\" does not match go tool version \"").append(go.version().orElseThrow())
          .append("\".");
    }
    if (!shadowed.isEmpty()) {
      message.append(' ').append(WhichGoFacts.capitalize(WhichGoFacts.names(shadowed))).append(' ')
          .append(WhichGoFacts.verb(shadowed, "exports", "export")).append(" GOROOT, which overrides the file there for now.");
    }
    message.append(" Fix: run go env -u GOROOT (the go command then finds its own root).");
    return Findings.of(INFO, message.toString())
        .at(entry.location())
        .evidence(line)
        .fix(WhichGoEdits.deleteLine(root, line, "Delete GOROOT from " + WhichGoFacts.tilde(snapshot, entry.location().file()), true))
        .command("go env -u GOROOT")
        .build();
  }
}
