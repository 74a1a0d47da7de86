package dev.goenvdoctor.jsonc;

import java.util.Optional;

/**
 * One {@code "key": value} pair. {@code start} is the key's opening quote and {@code end} the end of the
 * value (or of the colon/key when the value is missing); the comma after the pair, if any, is at
 * {@code commaOffset} (else -1), and the colon at {@code colonOffset} (else -1). An editor removing the
 * property deletes {@code [start, end)} plus that comma.
 */
public record JsonProperty(
    JsonString key, Optional<JsonNode> value, int start, int end, int colonOffset, int commaOffset) {

  /** Returns true when a comma follows this property. */
  public boolean hasComma() {
    return commaOffset >= 0;
  }
}
