package dev.goenvdoctor.jsonc;

/** A string: its decoded {@code value}; {@code [start, end)} covers the quotes (the raw span). */
public record JsonString(int start, int end, String value) implements JsonNode {
  @Override
  public Object toJava() {
    return value;
  }

  @Override
  public String typeName() {
    return "string";
  }
}
