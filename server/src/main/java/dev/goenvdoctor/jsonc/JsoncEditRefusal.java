package dev.goenvdoctor.jsonc;

/** Thrown inside the editor when an edit cannot be made safely; the editor turns it into a refused result. */
final class JsoncEditRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  JsoncEditRefusal(String message) {
    super(message, null, false, false);
  }
}
