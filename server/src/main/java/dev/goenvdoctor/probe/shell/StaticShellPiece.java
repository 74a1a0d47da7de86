package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;

/**
 * A run of characters inside a simulated value, with the line it came from. {@code owner} is the variable
 * whose assignment produced it: pieces owned by PATH keep their origin when PATH is rebuilt from itself
 * ({@code PATH=$HOME/bin:$PATH}), which is how each PATH entry keeps the line that added it.
 */
record StaticShellPiece(String text, Provenance origin, String owner, boolean conditional, boolean dynamic) {
  StaticShellPiece withText(String newText) {
    return new StaticShellPiece(newText, origin, owner, conditional, dynamic);
  }
}
