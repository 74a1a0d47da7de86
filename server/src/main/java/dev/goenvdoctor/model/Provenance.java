package dev.goenvdoctor.model;

/** Where a value came from: the file and line that set it, and that line's text (trimmed). */
public record Provenance(Location location, String text) {
  public String display() {
    return location.display();
  }
}
