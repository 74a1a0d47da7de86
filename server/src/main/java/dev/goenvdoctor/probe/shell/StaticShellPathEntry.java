package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;

/**
 * One PATH directory after a simulated shell start, with the line that added it (null when it came from the
 * base environment without a known origin). {@code conditional} and {@code dynamic} mean what they mean in
 * {@link StaticShellVariable}.
 */
public record StaticShellPathEntry(String directory, Provenance provenance, boolean conditional, boolean dynamic) {
  /** True for an entry that starts with a literal {@code ~}: execvp, dash and editors never expand it. */
  public boolean literalTilde() {
    return directory.startsWith("~");
  }

  /** True for an empty entry, which means the current directory. */
  public boolean currentDirectory() {
    return directory.isEmpty();
  }
}
