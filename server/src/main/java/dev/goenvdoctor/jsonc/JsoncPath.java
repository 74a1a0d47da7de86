package dev.goenvdoctor.jsonc;

import java.util.List;
import java.util.Optional;

/**
 * Finds a value by its path of keys. Each element is ONE key: VS Code setting names contain dots
 * ({@code "go.goroot"} is a single key), so nothing is split. An element names an array index when the
 * node at that point is an array. Duplicate keys resolve to the last one, as VS Code reads them.
 */
public final class JsoncPath {
  private JsoncPath() {}

  /** Returns the value at {@code path} under {@code root} (the root itself for an empty path). */
  public static Optional<JsonNode> find(JsonNode root, List<String> path) {
    JsonNode current = root;
    for (String segment : path) {
      Optional<JsonNode> next = child(current, segment);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return Optional.ofNullable(current);
  }

  /** Returns the property whose key is the last element of a non-empty {@code path}. */
  public static Optional<JsonProperty> findProperty(JsonNode root, List<String> path) {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    return find(root, path.subList(0, path.size() - 1))
        .filter(JsonObject.class::isInstance)
        .flatMap(parent -> ((JsonObject) parent).property(path.get(path.size() - 1)));
  }

  private static Optional<JsonNode> child(JsonNode node, String segment) {
    if (node instanceof JsonObject object) {
      return object.get(segment);
    }
    if (node instanceof JsonArray array && !segment.isEmpty() && segment.length() < 10
        && segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int index = Integer.parseInt(segment);
      return index < array.elements().size() ? Optional.of(array.elements().get(index)) : Optional.empty();
    }
    return Optional.empty();
  }
}
