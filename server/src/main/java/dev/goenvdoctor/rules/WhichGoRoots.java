package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoEnvEntry;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every GOROOT set by hand, once per place that sets it: an export in a startup file or
 * {@code /etc/environment}, the Go user env file, {@code go.goroot} or {@code go.toolsEnvVars.GOROOT},
 * or an editor environment whose origin is unknown. Each value lists the layers that get it.
 */
final class WhichGoRoots {
  private WhichGoRoots() {}

  /**
   * One hand-set GOROOT. {@code value} as the layers see it (settings expanded); {@code where} the line
   * or key that sets it, when known; {@code setting} the VS Code setting when one sets it.
   */
  record GorootValue(String value, Optional<Provenance> where, WhichGoEdits.Origin origin, List<LayerId> layers,
      Optional<WhichGoFacts.SettingHit> setting) {
    GorootValue {
      layers = List.copyOf(layers);
    }

    /** True for {@code go.goroot} (rule setting-goroot-invalid owns its validity). */
    boolean isGorootSetting() {
      return setting.map(h -> h.entry().path().equals(List.of("go.goroot"))).orElse(false);
    }
  }

  private static final class Builder {
    final String value;
    final Provenance where;
    final List<LayerId> layers = new ArrayList<>();

    Builder(String value, Provenance where) {
      this.value = value;
      this.where = where;
    }
  }

  static List<GorootValue> all(Snapshot snapshot) {
    Root root = WhichGoFacts.root(snapshot);
    Map<String, Builder> byKey = new LinkedHashMap<>();
    for (Layer layer : WhichGoFacts.known(snapshot)) {
      Optional<String> env = WhichGoFacts.value(layer, "GOROOT");
      if (env.isPresent()) {
        Provenance p = layer.origins().get("GOROOT");
        add(byKey, env.get(), p, layer.id());
        continue;
      }
      Optional<GoEnvEntry> file = WhichGoFacts.envFile(root, layer).get("GOROOT").filter(e -> !e.value().isEmpty());
      file.ifPresent(e -> add(byKey, e.value(), new Provenance(e.location(), e.key() + "=" + e.value()), layer.id()));
    }
    for (List<String> path : List.of(List.of("go.goroot"), List.of("go.toolsEnvVars", "GOROOT"))) {
      WhichGoFacts.setting(snapshot, path).ifPresent(hit -> hit.entry().stringValue().filter(v -> !v.isBlank()).ifPresent(v -> {
        Location at = hit.entry().keyLocation();
        if (byKey.values().stream().noneMatch(b -> b.where != null && b.where.location().equals(at))) {
          byKey.put(key(at), new Builder(expandHome(snapshot, v), new Provenance(at, hit.entry().displayName() + ": " + hit.entry().sourceText())));
        }
      }));
    }
    mergeUnknownOrigins(byKey);
    List<GorootValue> out = new ArrayList<>();
    for (Builder b : byKey.values()) {
      Optional<Provenance> where = Optional.ofNullable(b.where);
      WhichGoEdits.Origin origin = where.map(p -> WhichGoEdits.origin(snapshot, p)).orElse(WhichGoEdits.Origin.OTHER);
      Optional<WhichGoFacts.SettingHit> setting = where.flatMap(p -> WhichGoFacts.settingAt(snapshot, p.location()));
      out.add(new GorootValue(b.value, where, origin, b.layers, setting));
    }
    return out;
  }

  private static void add(Map<String, Builder> byKey, String value, Provenance where, LayerId layer) {
    String key = where == null ? "value:" + value : key(where.location());
    Builder b = byKey.computeIfAbsent(key, k -> new Builder(value, where));
    if (!b.layers.contains(layer)) {
      b.layers.add(layer);
    }
  }

  private static String key(Location at) {
    return "at:" + at.file() + ":" + at.range().startLine() + ":" + at.range().startColumn();
  }

  /** A layer that has the value without a known origin (the editor) most likely inherited it from the line that sets it. */
  private static void mergeUnknownOrigins(Map<String, Builder> byKey) {
    for (String key : List.copyOf(byKey.keySet())) {
      Builder unknown = byKey.get(key);
      if (unknown.where != null) {
        continue;
      }
      Optional<Builder> known = byKey.values().stream()
          .filter(b -> b.where != null && b.value.equals(unknown.value) && !b.layers.isEmpty()).findFirst();
      if (known.isPresent()) {
        unknown.layers.stream().filter(l -> !known.get().layers.contains(l)).forEach(known.get().layers::add);
        byKey.remove(key);
      }
    }
  }

  private static String expandHome(Snapshot snapshot, String value) {
    String home = snapshot.machine().home();
    return value.startsWith("~") && home != null ? Root.normalize(home + "/" + value.substring(1)) : value;
  }
}
