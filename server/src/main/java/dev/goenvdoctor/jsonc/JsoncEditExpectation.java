package dev.goenvdoctor.jsonc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a settings text must hold after an edit: the values it held before, with only the edited path changed. */
final class JsoncEditExpectation {
  private JsoncEditExpectation() {}

  /**
   * Returns the plain value of {@code before}'s root with {@code path} set to {@code value} (as it reads
   * back once written), or with {@code path} removed.
   */
  static Object after(JsoncDocument before, List<String> path, boolean removed, Object value) {
    Object root = before.root().map(JsonNode::toJava).orElse(Map.of());
    if (removed) {
      return withRemoved(root, path, 0);
    }
    Object written = Jsonc.parse(JsoncFormatWriter.inline(value)).root().orElseThrow().toJava();
    return withSet(root, path, 0, written);
  }

  private static Object withSet(Object node, List<String> path, int index, Object value) {
    Map<String, Object> copy = node instanceof Map<?, ?> map ? copyOf(map) : new LinkedHashMap<>();
    String key = path.get(index);
    copy.put(key, index == path.size() - 1 ? value : withSet(copy.get(key), path, index + 1, value));
    return copy;
  }

  private static Object withRemoved(Object node, List<String> path, int index) {
    if (!(node instanceof Map<?, ?> map) || !map.containsKey(path.get(index))) {
      return node;
    }
    Map<String, Object> copy = copyOf(map);
    String key = path.get(index);
    if (index == path.size() - 1) {
      copy.remove(key);
    } else {
      copy.put(key, withRemoved(copy.get(key), path, index + 1));
    }
    return copy;
  }

  private static Map<String, Object> copyOf(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put((String) k, v));
    return copy;
  }
}
