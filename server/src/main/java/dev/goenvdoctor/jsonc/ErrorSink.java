package dev.goenvdoctor.jsonc;

import dev.goenvdoctor.text.LineIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects parse errors, each worded with its line and column. After {@link #MAX_ERRORS} errors the
 * parser stops (a runaway file); warnings that do not break the parse (duplicate keys) are capped at the
 * same number but never stop it.
 */
final class ErrorSink {
  static final int MAX_ERRORS = 200;

  private final LineIndex lines;
  private final List<JsoncError> errors = new ArrayList<>();
  private int errorCount;
  private int warningCount;
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

  /** Adds "{what} at line L, column C" as a warning: listed up to the cap, never stopping the parse. */
  void addWarning(int offset, int length, String what) {
    if (saturated) {
      return;
    }
    if (warningCount < MAX_ERRORS) {
      errors.add(new JsoncError(offset, Math.max(0, length), what + " at " + lines.describe(offset)));
    } else if (warningCount == MAX_ERRORS) {
      errors.add(new JsoncError(offset, 0, "more duplicate keys from " + lines.describe(offset) + " on are not listed"));
    }
    warningCount++;
  }

  private void record(int offset, int length, String message) {
    if (saturated) {
      return;
    }
    if (errorCount == MAX_ERRORS) {
      saturated = true;
      errors.add(new JsoncError(offset, 0,
          "too many errors (" + MAX_ERRORS + "); stopped checking at " + lines.describe(offset)));
      return;
    }
    errorCount++;
    errors.add(new JsoncError(offset, Math.max(0, length), message));
  }

  /** True once the error cap was hit: the parser then stops as if the text had ended. */
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
