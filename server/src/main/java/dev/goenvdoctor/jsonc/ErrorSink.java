package dev.goenvdoctor.jsonc;

import dev.goenvdoctor.text.LineIndex;
import java.util.ArrayList;
import java.util.List;

/** Collects parse errors, each worded with its line and column; stops a runaway file at a fixed count. */
final class ErrorSink {
  static final int MAX_ERRORS = 200;

  private final LineIndex lines;
  private final List<JsoncError> errors = new ArrayList<>();
  private boolean saturated;

  ErrorSink(LineIndex lines) {
    this.lines = lines;
  }

  /** Adds "{what} at line L, column C". */
  void add(int offset, int length, String what) {
    add(offset, length, what, "");
  }

  /** Adds "{what} at line L, column C{detail}", e.g. detail " (found 'x')". */
  void add(int offset, int length, String what, String detail) {
    record(offset, length, what + " at " + lines.describe(offset) + detail);
  }

  /** Adds a message that already names its position. */
  void addPlain(int offset, int length, String message) {
    record(offset, length, message);
  }

  private void record(int offset, int length, String message) {
    if (saturated) {
      return;
    }
    if (errors.size() == MAX_ERRORS) {
      saturated = true;
      errors.add(new JsoncError(offset, 0,
          "too many errors (" + MAX_ERRORS + "); stopped checking at " + lines.describe(offset)));
      return;
    }
    errors.add(new JsoncError(offset, Math.max(0, length), message));
  }

  /** True once the cap was hit: the parser then stops as if the text had ended. */
  boolean saturated() {
    return saturated;
  }

  String describe(int offset) {
    return lines.describe(offset);
  }

  List<JsoncError> errors() {
    return errors;
  }
}
