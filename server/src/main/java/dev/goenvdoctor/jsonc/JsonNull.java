package dev.goenvdoctor.jsonc;

/** {@code null}. */
public record JsonNull(int start, int end) implements JsonNode {
  @Override
  public Object toJava() {
    return null;
  }

  @Override
  public String typeName() {
    return "null";
  }
}
