package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.go.GoSetting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value one layer's go command uses for a Go variable ({@code value} empty when unset), where it
 * comes from ({@code source}), the file line that set it ({@code origin}) when known, and whether the
 * value is {@code certain}: false when a startup file read without running it computes the value with
 * a command or sets it under a condition that could not be decided. An uncertain value fires no rule.
 */
record GoEnvironmentSetting(LayerId layer, String name, String value, GoSetting.Source source, Optional<Provenance> origin,
    boolean certain) {

  /** True when the variable has a non-empty value. */
  boolean isSet() {
    return !value.isEmpty();
  }

  /** What makes two layers share a finding: the same value set by the same line (or the same unknown place). */
  record Cause(String name, String value, GoSetting.Source source, Optional<Provenance> origin) {}

  Cause cause() {
    return new Cause(name, value, source, origin);
  }

  /** Groups settings by cause, in first-seen order (layers keep the catalogue's order). */
  static Map<Cause, List<GoEnvironmentSetting>> byCause(List<GoEnvironmentSetting> settings) {
    Map<Cause, List<GoEnvironmentSetting>> groups = new LinkedHashMap<>();
    for (GoEnvironmentSetting s : settings) {
      groups.computeIfAbsent(s.cause(), k -> new ArrayList<>()).add(s);
    }
    return groups;
  }

  /** The layers of a group, in order. */
  static List<LayerId> layersOf(List<GoEnvironmentSetting> settings) {
    return settings.stream().map(GoEnvironmentSetting::layer).distinct().toList();
  }
}
