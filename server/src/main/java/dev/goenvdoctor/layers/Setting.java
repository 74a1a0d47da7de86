package dev.goenvdoctor.layers;

import dev.goenvdoctor.model.Provenance;
import java.util.Optional;

/** One string setting as the editor sees it, with the file and line that set it (when from a file). */
public record Setting(String key, String value, Optional<Provenance> where) {
  public static Setting of(String key, String value, Provenance where) {
    return new Setting(key, value, Optional.ofNullable(where));
  }
}
