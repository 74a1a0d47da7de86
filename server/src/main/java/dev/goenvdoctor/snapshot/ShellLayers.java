package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellEnvResult;
import dev.goenvdoctor.probe.shell.StaticShellPathEntry;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.probe.shell.StaticShellVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the editor, login and terminal layers from what was read and run. The environment is the real
 * one when a shell ran (or, for the editor, the process's); the static reading of the startup files
 * supplies provenance: which file and line set each variable and added each PATH entry.
 */
final class ShellLayers {
  private final Root root;

  ShellLayers(Root root) {
    this.root = root;
  }

  /** A shell layer: the shell's own output when it ran, else the static simulation. */
  Layer shellLayer(LayerId id, StaticShellResult simulated, Optional<ShellEnvResult> ran, Map<String, String> baseEnv) {
    List<String> notes = new ArrayList<>();
    Map<String, String> env;
    LayerSource source;
    if (ran.isPresent() && ran.get().ok()) {
      env = ran.get().environment();
      source = LayerSource.SHELL;
      if (!ran.get().message().isBlank()) {
        notes.add(ran.get().message());
      }
    } else {
      env = new HashMap<>(baseEnv);
      simulated.variables().forEach((name, v) -> env.put(name, v.value()));
      env.put("PATH", simulated.pathValue());
      source = LayerSource.STATIC;
      ran.ifPresent(r -> notes.add(r.message() + " Showing what the startup files say instead."));
    }
    simulated.notes().forEach(n -> notes.add((n.where() == null ? "" : n.where().display() + ": ") + n.message()));
    return build(id, source, env, List.of(simulated), notes);
  }

  /** The editor layer: the given environment, with provenance borrowed from the shell readings it most likely came from. */
  Layer editorLayer(Map<String, String> env, LayerSource source, List<StaticShellResult> readings, List<String> notes) {
    return build(LayerId.EDITOR, source, env, readings, notes);
  }

  private Layer build(LayerId id, LayerSource source, Map<String, String> env, List<StaticShellResult> readings,
      List<String> notes) {
    Map<String, Provenance> origins = new HashMap<>();
    for (StaticShellResult reading : readings) {
      for (StaticShellVariable v : reading.variables().values()) {
        if (!v.name().equals("PATH") && v.provenance() != null && v.value().equals(env.get(v.name()))) {
          origins.putIfAbsent(v.name(), v.provenance());
        }
      }
    }
    List<PathEntry> path = new ArrayList<>();
    String pathValue = env.get("PATH");
    if (pathValue != null && !pathValue.isEmpty()) {
      for (String dir : pathValue.split(":", -1)) {
        Optional<Provenance> origin = readings.stream()
            .map(r -> r.pathEntry(dir)).flatMap(Optional::stream)
            .map(StaticShellPathEntry::provenance).filter(p -> p != null).findFirst();
        path.add(new PathEntry(dir, origin, PathEntry.classify(dir, root::isDirectory)));
      }
    }
    return new Layer(id, source, env, path, origins, Optional.empty(), notes);
  }
}
