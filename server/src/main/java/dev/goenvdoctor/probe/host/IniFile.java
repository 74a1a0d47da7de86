package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A forgiving reader for the small ini files we look at ({@code /.flatpak-info}, {@code /etc/wsl.conf}):
 * {@code [section]} headers, {@code key=value} lines, {@code #} and {@code ;} comment lines. Every entry
 * keeps its line so a finding can point at it. Lines it cannot read are ignored, never fatal.
 */
final class IniFile {
  /** One {@code key=value} line; {@code line} is 0-based. */
  record Entry(String section, String key, String value, int line, String lineText) {}

  private final String file;
  private final List<Entry> entries;

  private IniFile(String file, List<Entry> entries) {
    this.file = file;
    this.entries = List.copyOf(entries);
  }

  static IniFile parse(String file, String text) {
    List<Entry> entries = new ArrayList<>();
    String section = "";
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
        continue;
      }
      if (trimmed.startsWith("[")) {
        int close = trimmed.indexOf(']');
        if (close > 0) {
          section = trimmed.substring(1, close).strip();
        }
        continue;
      }
      int eq = trimmed.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      entries.add(new Entry(section, trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip(), i, lines[i]));
    }
    return new IniFile(file, entries);
  }

  /** The last entry for {@code key} in {@code section} (later lines win, as in most ini readers). */
  Optional<Entry> last(String section, String key, boolean ignoreCase) {
    Entry found = null;
    for (Entry e : entries) {
      boolean sectionMatches = ignoreCase ? e.section().equalsIgnoreCase(section) : e.section().equals(section);
      boolean keyMatches = ignoreCase ? e.key().equalsIgnoreCase(key) : e.key().equals(key);
      if (sectionMatches && keyMatches) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  Optional<String> value(String section, String key) {
    return last(section, key, false).map(Entry::value).filter(v -> !v.isEmpty());
  }

  Location locationOf(Entry entry) {
    return Location.ofLine(file, entry.line(), entry.lineText());
  }
}
