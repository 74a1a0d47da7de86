package dev.goenvdoctor.probe;

/** One name in a directory and what it is itself: a symlink is reported as a symlink, never followed. */
public record DirEntry(String name, Kind kind) {
  /** The entry's own type, as {@code lstat} sees it. */
  public enum Kind { DIRECTORY, REGULAR_FILE, SYMLINK, OTHER }
}
