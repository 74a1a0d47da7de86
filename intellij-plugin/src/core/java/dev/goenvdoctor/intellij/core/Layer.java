package dev.goenvdoctor.intellij.core;

import java.util.List;
import java.util.Map;

/**
 * One place a go command starts from ({@code editor}, {@code login}, {@code terminal}, {@code vscode-go},
 * {@code gopls}): how it was learned, its PATH and Go variables, the line that set each, and the go it runs
 * ({@code go} is null when it finds none).
 */
public record Layer(String id, String source, String sourceDescription, Map<String, String> environment, List<PathEntry> path,
    Map<String, Provenance> origins, GoCommand go, List<String> notes) {
  public Layer {
    environment = Map.copyOf(environment);
    path = List.copyOf(path);
    origins = Map.copyOf(origins);
    notes = List.copyOf(notes);
  }

  /** Returns true when the layer could not be learned at all. */
  public boolean unavailable() {
    return "UNAVAILABLE".equals(source);
  }
}
