package dev.goenvdoctor.probe.shell;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of simulating one shell start without running it: the files in the order the shell meets
 * them, the exported tracked variables and PATH entries with the line behind each, every statement of
 * interest found in those files (run or not), and notes about what was skipped or assumed.
 */
public record StaticShellResult(ShellKind kind, ShellMode mode, List<StartupFile> files,
    Map<String, StaticShellVariable> variables, List<StaticShellPathEntry> path, List<StartupStatement> statements,
    List<StartupNote> notes) {

  public StaticShellResult {
    files = List.copyOf(files);
    variables = Map.copyOf(variables);
    path = List.copyOf(path);
    statements = List.copyOf(statements);
    notes = List.copyOf(notes);
  }

  /** PATH as the shell would export it (entries joined with {@code :}). */
  public String pathValue() {
    return path.stream().map(StaticShellPathEntry::directory).collect(Collectors.joining(":"));
  }

  /** The exported variable of that name, if the simulated start ends with it set. */
  public Optional<StaticShellVariable> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** The first PATH entry equal to {@code directory}, if any. */
  public Optional<StaticShellPathEntry> pathEntry(String directory) {
    return path.stream().filter(e -> e.directory().equals(directory)).findFirst();
  }

  /** Machine paths of the files whose lines (or modelled effect) took part, in order. */
  public List<String> filesRead() {
    return files.stream().filter(StartupFile::read).map(StartupFile::path).toList();
  }

  /** Statements about one subject (a variable name such as {@code PATH}, or a tool name). */
  public List<StartupStatement> statementsAbout(String subject) {
    return statements.stream().filter(s -> subject.equals(s.subject())).toList();
  }
}
