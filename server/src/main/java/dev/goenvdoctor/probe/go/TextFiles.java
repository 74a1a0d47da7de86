package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Bounded reads of small text files (version pins, env files, scripts) through a {@link Root}. */
final class TextFiles {
  /** Version pins, env files and shims are tiny; anything larger is not what we are looking for. */
  static final int MAX_SMALL_FILE = 64 * 1024;

  private TextFiles() {}

  /** The file's lines split on {@code \n} only (a {@code \r} stays, as Go and bash keep it). */
  static Optional<List<String>> lines(Root root, String machinePath) {
    return root.readText(machinePath, MAX_SMALL_FILE).map(TextFiles::splitLines);
  }

  static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        if (start < text.length()) {
          lines.add(text.substring(start));
        }
        break;
      }
      lines.add(text.substring(start, nl));
      start = nl + 1;
    }
    return List.copyOf(lines);
  }

  /** Where a value came from: {@code file}, 0-based {@code line}, and that line's text. */
  static Provenance provenance(String file, int line, String lineText) {
    return new Provenance(Location.ofLine(file, line, lineText), lineText.strip());
  }
}
