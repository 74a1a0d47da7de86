package dev.goenvdoctor.snapshot;

import java.util.List;

/**
 * Who and where: the root read (a scenario directory or {@code /}), the user, HOME, the login shell and
 * where it was learned, the workspace folders, and what the run was allowed to do.
 */
public record MachineFacts(
    String root,
    String user,
    String home,
    String shell,
    String shellFrom,
    List<String> workspaceFolders,
    String editorEnvironmentFrom,
    boolean execAllowed,
    boolean workspaceTrusted) {

  public MachineFacts {
    workspaceFolders = List.copyOf(workspaceFolders);
  }
}
