package dev.goenvdoctor.jsonc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an edit of a JSONC text came to: either the edits to make (sorted by offset, never overlapping,
 * possibly none when the text already says what was asked), or a refusal saying in plain words why the
 * text cannot be edited safely (for example a syntax error next to the setting); a refused result has
 * no edits, so the file is never half-changed.
 */
public record JsoncEditResult(List<JsoncEdit> edits, Optional<String> refusal) {
  public JsoncEditResult {
    edits = List.copyOf(edits);
    Objects.requireNonNull(refusal, "refusal");
    if (refusal.isPresent() && !edits.isEmpty()) {
      throw new IllegalArgumentException("a refused result has no edits");
    }
  }

  static JsoncEditResult of(List<JsoncEdit> edits) {
    return new JsoncEditResult(edits, Optional.empty());
  }

  static JsoncEditResult refused(String why) {
    return new JsoncEditResult(List.of(), Optional.of(why));
  }

  /** Returns true when the edit was refused; {@link #refusal()} then says why. */
  public boolean isRefused() {
    return refusal.isPresent();
  }

  /** Returns true when there is something to change (not refused, at least one edit). */
  public boolean changesText() {
    return !edits.isEmpty();
  }

  /**
   * Returns {@code text} with the edits applied; {@code text} must be the text the edits were computed
   * for. Throws IllegalStateException when the edit was refused (check {@link #isRefused()} first).
   */
  public String applyTo(String text) {
    if (isRefused()) {
      throw new IllegalStateException("edit was refused: " + refusal.get());
    }
    return JsoncEditor.apply(text, edits);
  }
}
