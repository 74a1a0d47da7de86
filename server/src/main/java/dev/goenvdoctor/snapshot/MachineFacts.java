package dev.goenvdoctor.snapshot;

import java.util.List;

/**
 * Who and where: the root read (a scenario directory or {@code /}), the user, HOME, the login shell and
 * where it was learned, the workspace folders, what the run was allowed to do, and which of the
 * workspace's own gos ran because the workspace is trusted (a user must be told when that happened).
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
    boolean workspaceTrusted,
    List<String> workspaceGoRan) {

  public MachineFacts {
    workspaceFolders = List.copyOf(workspaceFolders);
    workspaceGoRan = List.copyOf(workspaceGoRan);
  }
}
