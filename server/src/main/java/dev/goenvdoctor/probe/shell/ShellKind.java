package dev.goenvdoctor.probe.shell;

import java.util.Locale;

/** The login shell families whose startup files we know. {@code SH} is a POSIX sh (dash on Debian/Ubuntu). */
public enum ShellKind {
  BASH, ZSH, SH, FISH, UNKNOWN;

  /** From a path such as {@code /usr/bin/zsh}, {@code /bin/sh} or {@code /bin/dash}. */
  public static ShellKind fromPath(String shellPath) {
    if (shellPath == null || shellPath.isBlank()) {
      return UNKNOWN;
    }
    String name = shellPath.substring(shellPath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return switch (name) {
      case "bash" -> BASH;
      case "zsh" -> ZSH;
      case "sh", "dash", "ash", "ksh", "mksh" -> SH;
      case "fish" -> FISH;
      default -> UNKNOWN;
    };
  }
}
