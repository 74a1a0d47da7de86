package dev.goenvdoctor.jsonc;

/** A number exactly as written ({@code raw}, always valid JSON number syntax). */
public record JsonNumber(int start, int end, String raw) implements JsonNode {
  /** Returns a {@code Long} for an integer that fits, else a {@code Double}. */
  public Number value() {
    boolean integral = raw.indexOf('.') < 0 && raw.indexOf('e') < 0 && raw.indexOf('E') < 0;
    if (integral && raw.length() <= 20) {
      try {
        return Long.parseLong(raw);
      } catch (NumberFormatException tooBig) {
        // falls through to a double, as JavaScript would read it
      }
    }
    return Double.parseDouble(raw);
  }

  @Override
  public Object toJava() {
    return value();
  }

  @Override
  public String typeName() {
    return "number";
  }
}
