package dev.goenvdoctor.probe.binary;

/** Makes text taken from a file safe to put in a message: control characters escaped, length capped. */
final class Printable {
  private Printable() {}

  /** {@code text} with control characters escaped, cut after {@code maxChars} output characters ("..." marks a cut). */
  static String of(String text, int maxChars) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < text.length() && out.length() < maxChars; i++) {
      char c = text.charAt(i);
      if (c == '\t') {
        out.append("\\t");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (Character.isISOControl(c) || c == '\uFFFD' || Character.isSurrogate(c)) {
        out.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (i < text.length()) {
      out.append("...");
    }
    return out.toString();
  }

  /** Up to {@code max} bytes as two-digit hex numbers separated by spaces. */
  static String hexBytes(byte[] bytes, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(max, bytes.length); i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(String.format("%02x", bytes[i] & 0xff));
    }
    return out.toString();
  }
}
