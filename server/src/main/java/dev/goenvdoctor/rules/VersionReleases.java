package dev.goenvdoctor.rules;

import dev.goenvdoctor.probe.binary.GoVersion;
import java.util.List;

/**
 * The major Go releases go-env-doctor knows of, newest first, with the date of each {@code .0} release
 * as go.dev/doc/devel/release gives it. Go supports a major release until there are two newer ones
 * (go.dev/doc/devel/release, "Release Policy"), so the two newest here are the supported ones. The
 * table is only as new as {@link #TABLE_DATE}: every message that relies on it says that date, so a
 * stale copy of go-env-doctor cannot pass for current.
 */
final class VersionReleases {
  /** The day this table was last checked against go.dev/doc/devel/release and pkg.go.dev/std?tab=versions. */
  static final String TABLE_DATE = "2026-11-26";

  /** A major release: its language version ({@code 1.27}) and the day its {@code .0} came out. */
  record Release(int major, int minor, String released) {
    String name() {
      return "go" + major + "." + minor;
    }
  }

  private static final List<Release> RELEASES = List.of(
      new Release(1, 27, "2026-08-19"),
      new Release(1, 26, "2026-02-10"),
      new Release(1, 25, "2025-08-12"),
      new Release(1, 24, "2025-02-11"),
      new Release(1, 23, "2024-08-13"),
      new Release(1, 22, "2024-02-06"),
      new Release(1, 21, "2023-08-08"));

  private VersionReleases() {}

  /** The releases, newest first. */
  static List<Release> all() {
    return RELEASES;
  }

  /** The two newest major releases, newest first: the supported ones. */
  static List<Release> supported() {
    return RELEASES.subList(0, 2);
  }

  /**
   * True when {@code version}'s major release is older than both supported ones. A version newer than
   * the table (a release after {@link #TABLE_DATE}) is not judged unsupported.
   */
  static boolean unsupported(GoVersion version) {
    Release oldestSupported = supported().get(1);
    return version.major() < oldestSupported.major()
        || version.major() == oldestSupported.major() && version.minor() < oldestSupported.minor();
  }
}
