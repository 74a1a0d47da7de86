package dev.goenvdoctor.jsonc;

/**
 * One value in a parsed JSONC document. Offsets index the parsed text ({@code [start, end)}), so a later
 * edit can replace exactly this value and keep everything around it (comments, formatting).
 */
public sealed interface JsonNode permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {
  /** Returns the offset of the first character of this value. */
  int start();

  /** Returns the offset just past the last character of this value. */
  int end();

  /**
   * Returns this value as plain Java data: an unmodifiable {@code Map<String, Object>} (insertion order,
   * the last of duplicate keys wins), an unmodifiable {@code List<Object>}, a {@code String}, a {@code Long}
   * or {@code Double}, a {@code Boolean}, or {@code null} for JSON null.
   */
  Object toJava();

  /** Returns "object", "array", "string", "number", "boolean" or "null", for messages. */
  String typeName();
}
