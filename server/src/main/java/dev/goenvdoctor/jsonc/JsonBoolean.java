package dev.goenvdoctor.jsonc;

/** {@code true} or {@code false}. */
public record JsonBoolean(int start, int end, boolean value) implements JsonNode {
  @Override
  public Object toJava() {
    return value;
  }

  @Override
  public String typeName() {
    return "boolean";
  }
}
