package dev.goenvdoctor.probe.workspace;

import java.util.List;
import java.util.Optional;

/**
 * A parsed go.mod or go.work: the directives that matter for choosing a toolchain, each with its location,
 * and every problem found (with the go command's own wording where it has one). A directive the go
 * command would reject (e.g. {@code go 1.x}) is absent here and present as a problem.
 */
public record GoModFile(
    String path,
    Kind kind,
    Optional<GoDirective> module,
    Optional<GoDirective> go,
    Optional<GoDirective> toolchain,
    List<GoDirective> godebugs,
    List<GoDirective> uses,
    List<GoDirective> replaces,
    List<WorkspaceProblem> problems) {

  /** Which of the two grammars the file follows. */
  public enum Kind { GO_MOD, GO_WORK }

  public GoModFile {
    godebugs = List.copyOf(godebugs);
    uses = List.copyOf(uses);
    replaces = List.copyOf(replaces);
    problems = List.copyOf(problems);
  }

  /** Returns the directory holding the file (the module root or workspace root). */
  public String directory() {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
