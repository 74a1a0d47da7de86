package dev.goenvdoctor.intellij.core;

/** Paths for people: the home directory shown as {@code ~}. */
final class ShortPaths {
  private ShortPaths() {}

  static String shorten(String path, String home) {
    if (path == null || home == null || home.isEmpty() || home.equals("/")) {
      return path == null ? "" : path;
    }
    String h = home.endsWith("/") ? home.substring(0, home.length() - 1) : home;
    if (path.equals(h)) {
      return "~";
    }
    return path.startsWith(h + "/") ? "~" + path.substring(h.length()) : path;
  }

  /** Replaces every {@code home/} inside a text (a message that names files). */
  static String shortenIn(String text, String home) {
    if (text == null || home == null || home.isEmpty() || home.equals("/")) {
      return text == null ? "" : text;
    }
    String h = home.endsWith("/") ? home : home + "/";
    return text.replace(h, "~/");
  }
}
