package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.model.Location;

/**
 * One Go version named by a version manager's file. {@code raw} is as written ({@code go1.22.5},
 * {@code 1.22}, {@code latest}, {@code system}); {@code version} is the same without a leading {@code go}
 * before a digit (gvm writes {@code go1.22.5}); {@code tool} is the name it was listed under
 * ({@code go} or {@code golang}); {@code location} spans the value (inside the quotes for TOML strings).
 */
public record PinnedVersion(String tool, String raw, String version, Location location) {
  static PinnedVersion of(String tool, String raw, Location location) {
    boolean goPrefixed = raw.length() > 2 && raw.startsWith("go") && Character.isDigit(raw.charAt(2));
    return new PinnedVersion(tool, raw, goPrefixed ? raw.substring(2) : raw, location);
  }

  /** Returns true when the value carries gvm's {@code go} prefix ({@code go1.22.5}). */
  public boolean goPrefixed() {
    return !raw.equals(version);
  }
}
