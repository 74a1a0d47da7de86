package dev.goenvdoctor.intellij.core;

import java.util.List;

/** The machine the report was taken on: user, home, login shell, workspace folders, and what could run. */
public record Machine(String root, String user, String home, String shell, List<String> workspaceFolders, boolean execAllowed,
    boolean workspaceTrusted) {
  public Machine {
    workspaceFolders = List.copyOf(workspaceFolders);
  }
}
