package dev.goenvdoctor.jsonc;

import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.text.LineIndex;
import java.util.List;
import java.util.Optional;

/**
 * The result of parsing one JSONC text: the text itself, its line index, the tree that could be built
 * (empty for an empty or comment-only text), every error, and every comment (for edits that keep them).
 */
public record JsoncDocument(
    String text, LineIndex lines, Optional<JsonNode> root, List<JsoncError> errors, List<JsoncComment> comments) {
  public JsoncDocument {
    errors = List.copyOf(errors);
    comments = List.copyOf(comments);
  }

  /** Returns the root when it is an object. */
  public Optional<JsonObject> rootObject() {
    return root.filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
  }

  /** Returns the line/column range of a node of this document. */
  public TextRange range(JsonNode node) {
    return lines.range(node.start(), node.end());
  }

  /** Returns the raw source text of a node of this document. */
  public String source(JsonNode node) {
    return text.substring(node.start(), node.end());
  }
}
