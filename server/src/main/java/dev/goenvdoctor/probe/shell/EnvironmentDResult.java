package dev.goenvdoctor.probe.shell;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment systemd's user manager gives the services it starts, built from environment.d files: the
 * files in the order applied (and the ones masked by a same-named file), the tracked variables and PATH
 * entries with the line behind each, and notes.
 */
public record EnvironmentDResult(List<StartupFile> files, Map<String, StaticShellVariable> variables,
    List<StaticShellPathEntry> path, List<StartupNote> notes) {

  public EnvironmentDResult {
    files = List.copyOf(files);
    variables = Map.copyOf(variables);
    path = List.copyOf(path);
    notes = List.copyOf(notes);
  }

  /** The variable of that name after all files, if set. */
  public Optional<StaticShellVariable> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }
}
