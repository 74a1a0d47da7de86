package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.TextRange;

/** Something wrong with a workspace file: where (the offending token when known) and what, in plain words. */
public record WorkspaceProblem(Location location, String message) {
  static WorkspaceProblem ofFile(String file, String message) {
    return new WorkspaceProblem(new Location(file, new TextRange(0, 0, 0, 0)), message);
  }

  /** Returns "/path/go.mod:3: message", the way the go command prints its errors (1-based line). */
  public String display() {
    return location.display() + ": " + message;
  }
}
