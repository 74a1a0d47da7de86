package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoEnvEntry;
import dev.goenvdoctor.probe.go.GoEnvFile;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A value saved with {@code go env -w} is overridden in some layer by a non-empty environment variable
 * of the same name with another value (cmd/go reads the environment first), silently: go env -w warns
 * only when the variable is set in the shell it runs in. One finding per saved entry and overriding value.
 */
final class GoEnvFileShadowedRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("go-env-file-shadowed", "GED109", Severity.WARNING,
      "A `go env -w` value is silently overridden by an exported variable.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  private record Shadow(String file, GoEnvEntry saved, String value, Optional<Provenance> where) {}

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Root root = WhichGoFacts.root(snapshot);
    Map<Shadow, List<LayerId>> shadows = new LinkedHashMap<>();
    Map<String, List<Layer>> readers = new LinkedHashMap<>();
    for (Layer layer : WhichGoFacts.known(snapshot)) {
      GoEnvFile file = WhichGoFacts.envFile(root, layer);
      if (file.path().isEmpty() || file.entries().isEmpty()) {
        continue;
      }
      readers.computeIfAbsent(file.path().get(), k -> new ArrayList<>()).add(layer);
      Set<String> keys = new LinkedHashSet<>();
      file.entries().forEach(e -> keys.add(e.key()));
      for (String key : keys) {
        GoEnvEntry saved = file.get(key).orElseThrow();
        Optional<String> env = WhichGoFacts.value(layer, key);
        if (env.isEmpty() || env.get().equals(saved.value())) {
          continue;
        }
        Shadow s = new Shadow(file.path().get(), saved, env.get(), Optional.ofNullable(layer.origins().get(key)));
        shadows.computeIfAbsent(s, k -> new ArrayList<>()).add(layer.id());
      }
    }
    mergeUnknownOrigins(shadows);
    List<Finding> out = new ArrayList<>();
    shadows.forEach((s, layers) -> out.add(finding(snapshot, root, s, layers, readers.getOrDefault(s.file(), List.of()))));
    return out;
  }

  /** The editor layer has the exported value without a known origin; it most likely got it from the same line. */
  private static void mergeUnknownOrigins(Map<Shadow, List<LayerId>> shadows) {
    for (Shadow unknown : List.copyOf(shadows.keySet())) {
      if (unknown.where().isPresent()) {
        continue;
      }
      Optional<Shadow> known = shadows.keySet().stream().filter(k -> k.where().isPresent() && k.file().equals(unknown.file())
          && k.saved().equals(unknown.saved()) && k.value().equals(unknown.value())).findFirst();
      if (known.isPresent()) {
        List<LayerId> into = shadows.get(known.get());
        shadows.get(unknown).stream().filter(l -> !into.contains(l)).forEach(into::add);
        shadows.remove(unknown);
      }
    }
  }

  private Finding finding(Snapshot snapshot, Root root, Shadow s, List<LayerId> layers, List<Layer> readers) {
    String key = s.saved().key();
    Provenance savedLine = new Provenance(s.saved().location(), key + "=" + s.saved().value());
    WhichGoEdits.Origin origin = s.where().map(p -> WhichGoEdits.origin(snapshot, p)).orElse(WhichGoEdits.Origin.OTHER);
    StringBuilder message = new StringBuilder(key).append('=').append(s.saved().value()).append(" is saved in ")
        .append(WhichGoFacts.where(snapshot, savedLine)).append(" (go env -w), but ");
    if (origin == WhichGoEdits.Origin.SETTINGS) {
      message.append("go.toolsEnvVars sets ").append(key).append('=').append(s.value()).append(" (")
          .append(WhichGoFacts.where(snapshot, s.where().get())).append(") for ").append(WhichGoFacts.names(layers));
    } else {
      message.append(WhichGoFacts.names(layers)).append(' ').append(WhichGoFacts.verb(layers, "has", "have")).append(' ')
          .append(key).append('=').append(s.value()).append(" in the environment")
          .append(s.where().map(p -> " (" + WhichGoFacts.where(snapshot, p) + ")").orElse(""));
    }
    message.append(", which wins there without any warning.");
    List<LayerId> users = readers.stream().filter(l -> WhichGoFacts.value(l, key).isEmpty()).map(Layer::id).toList();
    if (!users.isEmpty()) {
      message.append(' ').append(WhichGoFacts.capitalize(WhichGoFacts.names(users))).append(' ')
          .append(WhichGoFacts.verb(users, "uses", "use")).append(" the saved value.");
    }
    message.append(" Fix: keep one source: remove the ").append(origin == WhichGoEdits.Origin.SETTINGS ? "setting" : "export")
        .append(", or drop the saved value with go env -u ").append(key).append('.');

    Optional<Fix> fix = Optional.empty();
    if (origin == WhichGoEdits.Origin.STARTUP_FILE) {
      fix = s.where().flatMap(p -> WhichGoGorootText.deleteExport(snapshot, root, key, p,
          "Delete the " + key + " export at " + WhichGoFacts.where(snapshot, p), false));
    } else if (origin == WhichGoEdits.Origin.SETTINGS) {
      fix = s.where().flatMap(p -> WhichGoFacts.settingAt(snapshot, p.location()))
          .flatMap(h -> WhichGoEdits.removeSetting(h, "Remove " + h.entry().displayName(), false));
    }
    return Findings.of(INFO, message.toString())
        .at(s.where().map(Provenance::location).orElse(s.saved().location()))
        .evidence(s.where())
        .evidence(savedLine)
        .fix(fix)
        .command("go env -u " + key)
        .build();
  }
}
