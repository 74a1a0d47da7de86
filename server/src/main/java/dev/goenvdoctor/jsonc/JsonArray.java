package dev.goenvdoctor.jsonc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A JSON array: its elements in order, the offsets of the commas between (and after) them, and whether
 * its closing bracket was found.
 */
public record JsonArray(int start, int end, List<JsonNode> elements, List<Integer> commaOffsets, boolean closed)
    implements JsonNode {
  public JsonArray {
    elements = List.copyOf(elements);
    commaOffsets = List.copyOf(commaOffsets);
  }

  @Override
  public Object toJava() {
    List<Object> list = new ArrayList<>(elements.size());
    for (JsonNode element : elements) {
      list.add(element.toJava());
    }
    return Collections.unmodifiableList(list);
  }

  @Override
  public String typeName() {
    return "array";
  }
}
