package dev.goenvdoctor.jsonc;

/**
 * Reads JSON with comments the way VS Code reads settings.json: {@code //} and block comments, trailing
 * commas, a byte order mark, any line endings. Tolerant: it returns the tree it could build and every
 * error, and never throws.
 */
public final class Jsonc {
  private Jsonc() {}

  /** Returns the parse of any JSONC text (the root may be any value). */
  public static JsoncDocument parse(String text) {
    return JsoncParser.parse(text == null ? "" : text, false);
  }

  /**
   * Returns the parse of a settings file: as {@link #parse}, plus the error "settings must be a JSON
   * object" when the root is something else. An empty or comment-only text has no root and no error
   * (VS Code reads it as no settings).
   */
  public static JsoncDocument parseSettings(String text) {
    return JsoncParser.parse(text == null ? "" : text, true);
  }
}
