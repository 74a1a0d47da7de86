package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.model.Location;
import java.util.List;
import java.util.Optional;

/**
 * One Go-related setting read from a settings.json. {@code path} is the key path: one element for a top
 * level setting ({@code ["go.goroot"]}), more for a key inside an object setting
 * ({@code ["go.toolsEnvVars", "PATH"]}). {@code value} is plain Java data (String, Long, Double, Boolean,
 * unmodifiable Map or List, or null for JSON null); {@code sourceText} is the value exactly as written;
 * {@code type} is "string", "object", ... . The locations span the key (with its quotes) and the value.
 */
public record SettingEntry(
    List<String> path, Object value, String sourceText, String type, Location keyLocation, Location valueLocation) {
  public SettingEntry {
    path = List.copyOf(path);
  }

  /** Returns the top-level setting name, e.g. {@code go.toolsEnvVars}. */
  public String setting() {
    return path.get(0);
  }

  /** Returns the key path joined for people: {@code go.toolsEnvVars > PATH}. */
  public String displayName() {
    return String.join(" > ", path);
  }

  /** Returns the value when it is a string. */
  public Optional<String> stringValue() {
    return value instanceof String s ? Optional.of(s) : Optional.empty();
  }
}
