package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.List;

/** The directories a version manager walks looking for a pin file: the start, then each parent up to {@code /}. */
final class Upward {
  /** Deeper paths are not real working directories; the bound keeps hostile input cheap. */
  private static final int MAX_DEPTH = 128;

  private Upward() {}

  static List<String> from(String start) {
    List<String> dirs = new ArrayList<>();
    String dir = Root.normalize(start);
    while (dirs.size() < MAX_DEPTH) {
      dirs.add(dir);
      if (dir.equals("/")) {
        break;
      }
      dir = Root.parent(dir);
    }
    return List.copyOf(dirs);
  }
}
