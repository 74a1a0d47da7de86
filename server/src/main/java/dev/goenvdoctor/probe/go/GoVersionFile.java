package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Provenance;
import java.util.List;

/**
 * A GOROOT's {@code VERSION} file: the version on its first line ({@code go1.22.5}), where that
 * line is, and the lines after it (release builds add {@code time 2024-06-27T20:11:12Z}).
 */
public record GoVersionFile(String version, Provenance provenance, List<String> otherLines) {
  public GoVersionFile {
    otherLines = List.copyOf(otherLines);
  }

  /** True when the first line looks like a release or pre-release ({@code go1.22.5}, {@code go1.23rc1}). */
  public boolean isRelease() {
    return version.matches("go1(\\.\\d+){0,2}((rc|beta)\\d+)?");
  }
}
