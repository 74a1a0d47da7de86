package dev.goenvdoctor.jsonc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Over generated settings documents (see {@link JsoncEditRandomSettings}): a set or remove leaves a text
 * that parses with no error, holds exactly the old values plus the change, keeps every character outside
 * the edits and every comment that is not part of what was removed or replaced.
 */
class JsoncEditProperties {
  private static final String FRESH = "fresh.key.\u00e9";
  private static final String DAMAGE = ",:{}[]\"/*\n x";

  @Property(tries = 10000)
  void setWritesTheValueAndKeepsEverythingElse(@ForAll long seed) {
    JsoncEditRandomSettings.Generated doc = JsoncEditRandomSettings.generate(seed);
    Random random = new Random(seed ^ 0x5eed);
    JsoncDocument before = Jsonc.parse(doc.text());
    Supplier<String> context = () -> "seed " + seed + "\n--- text ---\n" + doc.text();
    assertEquals(List.of(), before.errors(), context);
    assertEquals(doc.model(), before.root().orElseThrow().toJava(), context);

    List<String> path = randomPath(doc.model(), random, true);
    Object value = JsoncEditRandomSettings.randomValue(random, 1);
    Supplier<String> where = () -> context.get() + "\n--- set " + path + " = " + value;
    boolean blocked = blockedByNonObject(doc.model(), path);
    JsoncEditResult result = JsoncEditor.set(doc.text(), path, value);
    if (blocked) {
      assertTrue(result.isRefused(), where);
      assertTrue(result.refusal().get().contains("not an object"), where);
      return;
    }
    assertFalse(result.isRefused(), () -> where.get() + "\n--- refused: " + result.refusal().get());
    String after = result.applyTo(doc.text());
    Supplier<String> afterContext = () -> where.get() + "\n--- after ---\n" + after;
    JsoncEditorTest.assertOutsideKept(doc.text(), result.edits(), after);

    JsoncDocument edited = Jsonc.parse(after);
    assertEquals(List.of(), edited.errors(), afterContext);
    assertEquals(withSet(doc.model(), path, value), edited.root().orElseThrow().toJava(), afterContext);
    assertEquals(doc.text().startsWith("\ufeff"), after.startsWith("\ufeff"), afterContext);

    // replaced characters: the old value's span when the key existed, else whitespace only
    Optional<JsonNode> old = JsoncPath.find(before.root().get(), path);
    for (JsoncEdit edit : result.edits()) {
      for (int i = edit.offset(); i < edit.end(); i++) {
        boolean inOldValue = old.isPresent() && i >= old.get().start() && i < old.get().end();
        assertTrue(inOldValue || Character.isWhitespace(doc.text().charAt(i)), afterContext);
      }
    }
    for (JsoncComment comment : before.comments()) {
      boolean inOldValue = old.isPresent() && comment.start() >= old.get().start() && comment.end() <= old.get().end();
      assertTrue(inOldValue || untouched(comment, result.edits()), () -> afterContext.get() + "\n--- lost comment at " + comment);
    }
  }

  @Property(tries = 6000)
  void removeDeletesTheKeyAndKeepsEverythingElse(@ForAll long seed) {
    JsoncEditRandomSettings.Generated doc = JsoncEditRandomSettings.generate(seed);
    Random random = new Random(seed ^ 0xdead);
    JsoncDocument before = Jsonc.parse(doc.text());
    List<String> path = randomPath(doc.model(), random, false);
    Supplier<String> where = () -> "seed " + seed + "\n--- text ---\n" + doc.text() + "\n--- remove " + path;
    JsoncEditResult result = JsoncEditor.remove(doc.text(), path);
    assertFalse(result.isRefused(), () -> where.get() + "\n--- refused: " + result.refusal().get());
    String after = result.applyTo(doc.text());
    Supplier<String> afterContext = () -> where.get() + "\n--- after ---\n" + after;
    JsoncEditorTest.assertOutsideKept(doc.text(), result.edits(), after);

    JsoncDocument edited = Jsonc.parse(after);
    assertEquals(List.of(), edited.errors(), afterContext);
    assertEquals(withRemoved(doc.model(), path), edited.root().orElseThrow().toJava(), afterContext);
    assertTrue(JsoncPath.find(edited.root().get(), path).isEmpty(), afterContext);

    // what goes: the property's lines (it, its comma, a comment trailing it), a comma, whitespace
    Optional<JsonProperty> removed = JsoncPath.findProperty(before.root().get(), path);
    JsoncEditLayout layout = new JsoncEditLayout(doc.text());
    int from = removed.map(p -> layout.lineStart(p.start())).orElse(0);
    int to = removed.map(p -> lineEnd(doc.text(), p.hasComma() ? p.commaOffset() : p.end())).orElse(0);
    for (JsoncEdit edit : result.edits()) {
      for (int i = edit.offset(); i < edit.end(); i++) {
        char c = doc.text().charAt(i);
        assertTrue((i >= from && i < to) || c == ',' || Character.isWhitespace(c), afterContext);
      }
    }
    for (JsoncComment comment : before.comments()) {
      boolean onRemovedLines = comment.start() >= from && comment.start() < to;
      assertTrue(onRemovedLines || untouched(comment, result.edits()), () -> afterContext.get() + "\n--- lost comment at " + comment);
    }
  }

  @Property(tries = 2000)
  void setThenRemoveOfANewKeyGivesTheSameValuesBack(@ForAll long seed) {
    JsoncEditRandomSettings.Generated doc = JsoncEditRandomSettings.generate(seed);
    Random random = new Random(seed);
    List<String> path = new ArrayList<>(randomObjectPath(doc.model(), random));
    path.add(FRESH);
    String added = JsoncEditor.set(doc.text(), path, JsoncEditRandomSettings.randomValue(random, 2)).applyTo(doc.text());
    String removed = JsoncEditor.remove(added, path).applyTo(added);
    JsoncDocument back = Jsonc.parse(removed);
    assertEquals(List.of(), back.errors(), removed);
    assertEquals(doc.model(), back.root().orElseThrow().toJava(), () -> doc.text() + "\n---\n" + added + "\n---\n" + removed);
  }

  @Property(tries = 4000)
  void aDamagedTextIsRefusedOrEditedWithoutNewErrors(@ForAll long seed) {
    JsoncEditRandomSettings.Generated doc = JsoncEditRandomSettings.generate(seed);
    Random random = new Random(seed);
    String text = damage(doc.text(), random);
    List<String> path = randomPath(doc.model(), random, true);
    Object value = JsoncEditRandomSettings.randomValue(random, 1);
    JsoncDocument before = Jsonc.parse(text);
    long errorsBefore = JsoncEditTarget.errorCount(before);
    for (boolean remove : new boolean[] {false, true}) {
      JsoncEditResult result = remove ? JsoncEditor.remove(text, path) : JsoncEditor.set(text, path, value);
      if (result.isRefused() || !result.changesText()) {
        continue;
      }
      String after = result.applyTo(text);
      Supplier<String> context = () -> "seed " + seed + "\n--- text ---\n" + text + "\n--- " + (remove ? "remove " : "set ")
          + path + "\n--- after ---\n" + after;
      JsoncEditorTest.assertOutsideKept(text, result.edits(), after);
      JsoncDocument edited = Jsonc.parse(after);
      assertTrue(JsoncEditTarget.errorCount(edited) <= errorsBefore, context);
      Optional<JsonNode> found = JsoncPath.find(edited.root().orElseThrow(), path);
      if (remove) {
        assertTrue(found.isEmpty(), context);
      } else {
        assertEquals(Jsonc.parse(JsoncFormatWriter.inline(value)).root().orElseThrow().toJava(),
            found.orElseThrow().toJava(), context);
      }
    }
  }

  /** Deletes, doubles or inserts a few characters that matter to JSON, at random places. */
  private static String damage(String text, Random random) {
    StringBuilder b = new StringBuilder(text);
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes && b.length() > 0; i++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(3)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, b.charAt(at));
        default -> b.insert(at, DAMAGE.charAt(random.nextInt(DAMAGE.length())));
      }
    }
    return b.toString();
  }

  private static boolean untouched(JsoncComment comment, List<JsoncEdit> edits) {
    for (JsoncEdit edit : edits) {
      if (edit.offset() < comment.end() && edit.end() > comment.start()) {
        return false;
      }
    }
    return true;
  }

  private static int lineEnd(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /**
   * A path into {@code model}: an existing key of a random object, a new key there (with
   * {@code allowNew}, sometimes under new parent objects), or a key under a non-object (refused by set).
   */
  private static List<String> randomPath(Map<String, Object> model, Random random, boolean allowNew) {
    List<String> path = new ArrayList<>(randomObjectPath(model, random));
    Map<String, Object> object = objectAt(model, path);
    int choice = random.nextInt(10);
    if (choice < 6 && !object.isEmpty()) {
      List<String> keys = new ArrayList<>(object.keySet());
      String key = keys.get(random.nextInt(keys.size()));
      path.add(key);
      if (choice == 0 && !(object.get(key) instanceof Map)) {
        path.add("under"); // through a non-object
      }
      return path;
    }
    String key;
    do {
      key = JsoncEditRandomSettings.randomKey(random);
    } while (object.containsKey(key));
    path.add(key);
    if (allowNew && random.nextInt(3) == 0) {
      path.add("GOTOOLCHAIN");
      if (random.nextBoolean()) {
        path.add("deeper");
      }
    }
    return path;
  }

  private static List<String> randomObjectPath(Map<String, Object> model, Random random) {
    List<String> path = new ArrayList<>();
    Map<String, Object> current = model;
    while (random.nextInt(3) > 0) {
      List<String> objectKeys = new ArrayList<>();
      current.forEach((k, v) -> {
        if (v instanceof Map) {
          objectKeys.add(k);
        }
      });
      if (objectKeys.isEmpty()) {
        break;
      }
      String key = objectKeys.get(random.nextInt(objectKeys.size()));
      path.add(key);
      current = objectAt(current, List.of(key));
    }
    return path;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> objectAt(Map<String, Object> model, List<String> path) {
    Map<String, Object> current = model;
    for (String key : path) {
      current = (Map<String, Object>) current.get(key);
    }
    return current;
  }

  private static boolean blockedByNonObject(Map<String, Object> model, List<String> path) {
    Object current = model;
    for (int i = 0; i < path.size() - 1; i++) {
      if (!(current instanceof Map<?, ?> map)) {
        return true;
      }
      if (!map.containsKey(path.get(i))) {
        return false;
      }
      current = map.get(path.get(i));
    }
    return !(current instanceof Map);
  }

  /** The model with {@code path} set (missing parents created), computed without the parser. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withSet(Map<String, Object> model, List<String> path, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(model);
    String key = path.get(0);
    if (path.size() == 1) {
      copy.put(key, value);
    } else {
      Object child = copy.get(key);
      copy.put(key, withSet(child instanceof Map ? (Map<String, Object>) child : Map.of(), path.subList(1, path.size()), value));
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> withRemoved(Map<String, Object> model, List<String> path) {
    Map<String, Object> copy = new LinkedHashMap<>(model);
    String key = path.get(0);
    if (path.size() == 1) {
      copy.remove(key);
    } else if (copy.get(key) instanceof Map) {
      copy.put(key, withRemoved((Map<String, Object>) copy.get(key), path.subList(1, path.size())));
    }
    return copy;
  }
}
