package dev.goenvdoctor.jsonc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object: its properties in source order (duplicates kept, as written), and whether its closing
 * brace was found ({@code closed}); when it was not, {@code end} is where parsing stopped.
 */
public record JsonObject(int start, int end, List<JsonProperty> properties, boolean closed) implements JsonNode {
  public JsonObject {
    properties = List.copyOf(properties);
  }

  /** Returns the property VS Code would use for {@code key}: the last one with that exact key. */
  public Optional<JsonProperty> property(String key) {
    for (int i = properties.size() - 1; i >= 0; i--) {
      if (properties.get(i).key().value().equals(key)) {
        return Optional.of(properties.get(i));
      }
    }
    return Optional.empty();
  }

  /** Returns the value of the effective property {@code key}, when it exists and has a value. */
  public Optional<JsonNode> get(String key) {
    return property(key).flatMap(JsonProperty::value);
  }

  /** Returns true when a later property has the same key as {@code properties().get(index)}. */
  public boolean isOverridden(int index) {
    String key = properties.get(index).key().value();
    for (int i = index + 1; i < properties.size(); i++) {
      if (properties.get(i).key().value().equals(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Object toJava() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (JsonProperty p : properties) {
      if (p.value().isPresent()) {
        map.put(p.key().value(), p.value().get().toJava());
      }
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public String typeName() {
    return "object";
  }
}
