package dev.goenvdoctor.intellij.core;

/**
 * The go a layer runs: what the lookup found, the binary that really runs, how it was reached, its version,
 * its GOROOT, and the version pin that chose it (null when none).
 */
public record GoCommand(String command, String realPath, String why, String version, String goroot, Provenance selectedBy) {
  /** Returns the command, with {@code -> real path} when a symlink or shim leads elsewhere. */
  public String shown(String home) {
    String c = ShortPaths.shorten(command, home);
    return realPath.isEmpty() || realPath.equals(command) ? c : c + " \u2192 " + ShortPaths.shorten(realPath, home);
  }
}
