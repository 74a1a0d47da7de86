package dev.goenvdoctor.probe.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an environment file given with {@code --env}: NUL-separated {@code KEY=VALUE} records (what
 * {@code env -0} or {@code /proc/PID/environ} hold) when the file contains a NUL byte, else one
 * {@code KEY=VALUE} per line (a leading {@code export } and blank or {@code #} lines are ignored).
 */
public final class EnvFile {
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private EnvFile() {}

  /** Parses the file; throws IOException with the path and reason when it cannot be read or is too big. */
  public static Map<String, String> read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IOException(file + ": " + size + " bytes is too large for an environment file (limit 16 MiB)");
    }
    return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  /** Parses text in either format; malformed records (no '=' or an empty name) are skipped. */
  public static Map<String, String> parse(String text) {
    boolean nulSeparated = text.indexOf('\0') >= 0;
    Map<String, String> env = new LinkedHashMap<>();
    for (String record : text.split(nulSeparated ? "\0" : "\r?\n")) {
      String r = nulSeparated ? record : record.strip();
      if (!nulSeparated && (r.isEmpty() || r.startsWith("#"))) {
        continue;
      }
      if (!nulSeparated && r.startsWith("export ")) {
        r = r.substring("export ".length()).stripLeading();
      }
      int eq = r.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      env.put(r.substring(0, eq), r.substring(eq + 1));
    }
    return env;
  }
}
