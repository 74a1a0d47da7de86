package dev.goenvdoctor.intellij.core;

/**
 * One cell of the layer table: the text shown, the line that set the value (null when none is known), whether
 * it differs from the reference layer's value (highlighted), whether the layer could not be learned, and for a
 * PATH entry its state ({@code MISSING}, ...; empty otherwise).
 */
public record LayerCell(String text, Provenance origin, boolean differs, boolean unknown, String state) {
  /** Returns {@code file:line} of the origin for people ({@code ~} for home), or an empty string. */
  public String originLabel(String home) {
    return origin == null ? "" : origin.location().label(home);
  }
}
