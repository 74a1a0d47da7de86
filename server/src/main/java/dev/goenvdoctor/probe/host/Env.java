package dev.goenvdoctor.probe.host;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The environment map as the probes read it: a variable set to the empty string counts as unset. */
final class Env {
  private final Map<String, String> vars;

  Env(Map<String, String> vars) {
    Map<String, String> copy = new HashMap<>();
    if (vars != null) {
      vars.forEach((k, v) -> {
        if (k != null && v != null) {
          copy.put(k, v);
        }
      });
    }
    this.vars = Map.copyOf(copy);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(vars.get(name)).filter(v -> !v.isEmpty());
  }
}
