package dev.goenvdoctor.intellij.core;

import java.util.List;

/**
 * One fix of a finding: its title (the title of the server's code action that applies it), whether it is the
 * preferred one, and the files it edits or creates. The plugin never applies it itself: the server's code action does.
 */
public record FixChoice(String title, boolean preferred, List<String> files) {
  public FixChoice {
    files = List.copyOf(files);
  }
}
