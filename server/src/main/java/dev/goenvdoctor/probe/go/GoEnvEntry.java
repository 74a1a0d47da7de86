package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code KEY=VALUE} line of a Go env file (the user file that {@code go env -w} writes, or
 * {@code $GOROOT/go.env}), with the line it sits on. The value is kept byte for byte as the go
 * command reads it: no quotes are removed and a trailing {@code \r} stays.
 */
public record GoEnvEntry(String key, String value, Location location) {

  /**
   * Parses env file text the way cmd/go's {@code readEnvFile} does: lines without {@code =}, empty
   * lines, comments and lines whose first byte is not {@code A}-{@code Z} are ignored.
   */
  static List<GoEnvEntry> parse(String file, List<String> lines) {
    List<GoEnvEntry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int eq = line.indexOf('=');
      if (eq < 0 || line.isEmpty() || line.charAt(0) < 'A' || line.charAt(0) > 'Z') {
        continue;
      }
      entries.add(new GoEnvEntry(line.substring(0, eq), line.substring(eq + 1), Location.ofLine(file, i, line)));
    }
    return List.copyOf(entries);
  }

  /** The entry the go command uses for {@code key}: the LAST one wins, as later lines overwrite earlier ones. */
  static Optional<GoEnvEntry> last(List<GoEnvEntry> entries, String key) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).key().equals(key)) {
        return Optional.of(entries.get(i));
      }
    }
    return Optional.empty();
  }
}
