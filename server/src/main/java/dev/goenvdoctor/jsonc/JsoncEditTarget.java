package dev.goenvdoctor.jsonc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a path of keys leads in a settings object: the objects it goes through (the root first, then each
 * existing object on the way), the property that leads into each of them, the keys that do not exist yet,
 * and, when a key on the way holds something other than an object, a message saying so.
 */
final class JsoncEditTarget {
  private final List<JsonObject> chain;
  private final List<JsonProperty> through;
  private final List<String> missing;
  private final Optional<String> blocked;

  private JsoncEditTarget(List<JsonObject> chain, List<JsonProperty> through, List<String> missing, Optional<String> blocked) {
    this.chain = chain;
    this.through = through;
    this.missing = missing;
    this.blocked = blocked;
  }

  /**
   * Follows every key but the last of {@code path} from {@code root} (the last of duplicate keys, as VS
   * Code reads them).
   */
  static JsoncEditTarget resolve(JsonObject root, List<String> path) {
    List<JsonObject> chain = new ArrayList<>();
    List<JsonProperty> through = new ArrayList<>();
    chain.add(root);
    JsonObject current = root;
    for (int i = 0; i < path.size() - 1; i++) {
      Optional<JsonProperty> next = current.property(path.get(i));
      if (next.isEmpty()) {
        return new JsoncEditTarget(chain, through, List.copyOf(path.subList(i, path.size())), Optional.empty());
      }
      JsonNode value = next.get().value().orElse(null);
      if (!(value instanceof JsonObject object)) {
        String found = value == null ? "has no value" : "holds " + (value instanceof JsonArray ? "an " : "a ")
            + value.typeName() + ", not an object";
        return new JsoncEditTarget(chain, through, List.of(), Optional.of(
            "the setting " + JsoncEditor.describePath(path.subList(0, i + 1)) + " " + found));
      }
      through.add(next.get());
      chain.add(object);
      current = object;
    }
    return new JsoncEditTarget(chain, through, List.of(path.get(path.size() - 1)), Optional.empty());
  }

  /** Returns the deepest existing object on the path: where the edit happens. */
  JsonObject deepest() {
    return chain.get(chain.size() - 1);
  }

  /** Returns the object holding the deepest one, or null when the deepest is the root. */
  JsonObject parentOfDeepest() {
    return chain.size() < 2 ? null : chain.get(chain.size() - 2);
  }

  /** Returns the keys from the deepest object on: one key when only the last one is missing or exists. */
  List<String> remainingKeys() {
    return missing;
  }

  /** Returns why the path cannot be followed: a key on the way holds a value that is not an object. */
  Optional<String> blocked() {
    return blocked;
  }

  /**
   * Returns the first syntax error that makes an edit along this path unsafe. Errors are tolerated only
   * inside a complete value that the edit keeps whole or replaces whole: the value of a property beside the
   * path (a scalar, or an object or array whose closing bracket was found), or the edited property's own
   * value. Anything else (a missing comma or brace in an object on the path, text after the root) may
   * mean the tree does not say where things really are. Duplicate-key warnings are no errors here.
   */
  Optional<JsoncError> firstBlockingError(JsoncDocument doc) {
    List<int[]> safe = new ArrayList<>();
    for (int level = 0; level < chain.size(); level++) {
      JsonProperty descended = level < through.size() ? through.get(level) : null;
      for (JsonProperty property : chain.get(level).properties()) {
        if (property == descended || property.value().isEmpty()) {
          continue;
        }
        JsonNode value = property.value().get();
        if (isComplete(value)) {
          safe.add(new int[] {value.start(), value.end()});
        }
      }
    }
    for (JsoncError error : doc.errors()) {
      if (isWarning(error)) {
        continue;
      }
      boolean inside = false;
      for (int[] span : safe) {
        if (error.offset() >= span[0] && error.offset() < span[1] && error.offset() + error.length() <= span[1]) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        return Optional.of(error);
      }
    }
    for (JsonObject object : chain) {
      if (!object.closed()) { // always comes with an error, checked anyway: an open object has no known end
        return Optional.of(new JsoncError(object.end(), 0, "an object on the path is not closed"));
      }
    }
    return Optional.empty();
  }

  private static boolean isComplete(JsonNode value) {
    if (value instanceof JsonObject object) {
      return object.closed();
    }
    if (value instanceof JsonArray array) {
      return array.closed();
    }
    return true;
  }

  /** The parser words its only warning, a duplicate key, this way (see ErrorSink.addWarning). */
  static boolean isWarning(JsoncError error) {
    return error.message().startsWith("duplicate key ") || error.message().startsWith("more duplicate keys ");
  }

  /** Returns the number of errors in {@code doc} that are not duplicate-key warnings. */
  static long errorCount(JsoncDocument doc) {
    return doc.errors().stream().filter(e -> !isWarning(e)).count();
  }
}
