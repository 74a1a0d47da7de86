package dev.goenvdoctor.layers;

import dev.goenvdoctor.model.Provenance;
import java.util.Optional;

/**
 * One string setting as the editor sees it, with the file and line that set it (when from a file), and
 * whether a workspace file set it: a workspace is untrusted input, so a binary it names is not run
 * unless the workspace is trusted.
 */
public record Setting(String key, String value, Optional<Provenance> where, boolean fromWorkspace) {
  public static Setting of(String key, String value, Provenance where, boolean fromWorkspace) {
    return new Setting(key, value, Optional.ofNullable(where), fromWorkspace);
  }
}
