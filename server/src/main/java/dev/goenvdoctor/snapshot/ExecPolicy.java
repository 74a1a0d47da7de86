package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.probe.Root;
import java.util.List;

/**
 * Decides whether a binary may run. Nothing runs with --no-exec or on a scenario root (its binaries are
 * not this machine's). The user's own shell and Go installations may run; a binary inside a workspace
 * folder, or one that a workspace setting chose, runs only in a trusted workspace: a workspace is
 * untrusted input, and opening a folder must never run code from it.
 */
record ExecPolicy(Root root, boolean execAllowed, boolean trusted, List<String> workspaceFolders) {
  ExecPolicy {
    workspaceFolders = List.copyOf(workspaceFolders);
  }

  boolean mayRunUserShell() {
    return execAllowed && root.isSystem();
  }

  /** {@code realPath} is the resolved machine path; {@code chosenByWorkspace} is true when a workspace setting named it. */
  boolean mayRun(String realPath, boolean chosenByWorkspace) {
    return mayRun(realPath, chosenByWorkspace, trusted);
  }

  /** The same decision as if the workspace's trust were {@code trustedWorkspace}. */
  boolean mayRun(String realPath, boolean chosenByWorkspace, boolean trustedWorkspace) {
    if (!execAllowed || !root.isSystem()) {
      return false;
    }
    return trustedWorkspace || (!chosenByWorkspace && !insideWorkspace(realPath));
  }

  boolean insideWorkspace(String machinePath) {
    String p = Root.normalize(machinePath);
    return workspaceFolders.stream().map(Root::normalize)
        .anyMatch(w -> p.equals(w) || p.startsWith(w.endsWith("/") ? w : w + "/"));
  }
}
