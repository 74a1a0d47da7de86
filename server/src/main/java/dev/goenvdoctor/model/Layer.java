package dev.goenvdoctor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One place a go command can start from: its environment (the variables that matter for Go), its PATH
 * entries with their origins, where each variable was set, the go it resolves, and notes for the reader
 * (why a value is uncertain, why the layer is unavailable).
 */
public record Layer(
    LayerId id,
    LayerSource source,
    Map<String, String> environment,
    List<PathEntry> path,
    Map<String, Provenance> origins,
    Optional<ResolvedGo> go,
    List<String> notes) {

  public Layer {
    environment = Map.copyOf(environment);
    path = List.copyOf(path);
    origins = Map.copyOf(origins);
    notes = List.copyOf(notes);
  }

  public Optional<String> get(String variable) {
    return Optional.ofNullable(environment.get(variable));
  }

  public Layer withGo(Optional<ResolvedGo> resolved) {
    return new Layer(id, source, environment, path, origins, resolved, notes);
  }

  public static Layer unavailable(LayerId id, String why) {
    return new Layer(id, LayerSource.UNAVAILABLE, Map.of(), List.of(), Map.of(), Optional.empty(), List.of(why));
  }
}
