package dev.goenvdoctor.probe.binary;

import java.util.Optional;

/**
 * A Go version ordered by the go command's own rules (golang/go {@code src/internal/gover/gover.go}):
 * {@code 1.21 < 1.21rc1 < 1.21.0 < 1.21.1}. A version without a patch number from Go 1.21 on is a
 * <em>language</em> version ({@code go 1.21} in go.mod), not a release; before 1.21 a missing patch
 * means {@code .0} ({@code 1.20 == 1.20.0}), as in Go. {@code patch} is {@link #NO_PATCH} when absent;
 * {@code prerelease} is {@code ""} or a lower-case kind with an optional number ({@code rc2},
 * {@code beta1}, {@code rc}). Numbers above nine digits are not accepted.
 */
public record GoVersion(int major, int minor, int patch, String prerelease) implements Comparable<GoVersion> {
  /** The value of {@link #patch()} for a version written without a patch number. */
  public static final int NO_PATCH = -1;

  private static final int MAX_DIGITS = 9;

  /**
   * Checks the components (throws IllegalArgumentException for impossible ones, a caller bug) and, as
   * Go does, reads a missing patch before minor version 21 as {@code 0}.
   */
  public GoVersion {
    if (major < 0 || minor < 0 || patch < NO_PATCH || prerelease == null || !validPrerelease(prerelease)) {
      throw new IllegalArgumentException("invalid Go version components");
    }
    if (minor < 21 && patch == NO_PATCH && prerelease.isEmpty()) {
      patch = 0;
    }
  }

  /**
   * Parses {@code 1.22.5}, {@code go1.22.5}, {@code go1.21rc2}, {@code 1.21} (a go.mod line's value) or
   * a toolchain's self-reported version such as {@code devel go1.23-abc123 Tue ...} or
   * {@code go1.22.5 X:boringcrypto}. With a {@code go} prefix, a suffix after {@code -}, space or tab is
   * dropped (cmd/go's FromToolchain does the same); a development build becomes its language version
   * ({@code 1.23}), as cmd/go treats itself. Returns empty for anything else; never throws.
   */
  public static Optional<GoVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.startsWith("devel ")) {
      s = s.substring("devel ".length()).strip();
    }
    if (s.startsWith("go")) {
      s = s.substring(2);
      int cut = indexOfAny(s, " \t-");
      if (cut >= 0) {
        s = s.substring(0, cut);
      }
    }
    return parseBare(s);
  }

  /** Orders versions as Go does; see the type's description. */
  @Override
  public int compareTo(GoVersion other) {
    int c = Integer.compare(major, other.major);
    if (c == 0) {
      c = Integer.compare(minor, other.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, other.patch);
    }
    if (c != 0) {
      return c;
    }
    String kind = kindOf(prerelease);
    String otherKind = kindOf(other.prerelease);
    if (!kind.equals(otherKind)) {
      // Without a patch, "" < alpha < beta < rc (1.21 < 1.21rc1); with one, the release sorts last.
      if (patch != NO_PATCH && kind.isEmpty()) {
        return 1;
      }
      if (patch != NO_PATCH && otherKind.isEmpty()) {
        return -1;
      }
      return Integer.signum(kind.compareTo(otherKind));
    }
    return Integer.compare(numberOf(prerelease), numberOf(other.prerelease));
  }

  /** True when this version is at least {@code other}. */
  public boolean atLeast(GoVersion other) {
    return compareTo(other) >= 0;
  }

  /** The language version, e.g. {@code "1.22"} for {@code 1.22.5} and {@code 1.22rc1}. */
  public String languageVersion() {
    return major == 1 && minor == 0 ? "1" : major + "." + minor;
  }

  /** True for a language version such as {@code 1.21} (no patch, no prerelease), as Go's IsLang. */
  public boolean isLanguageVersion() {
    return patch == NO_PATCH && prerelease.isEmpty();
  }

  /** The toolchain name: {@code "go"} followed by {@link #toString()}, e.g. {@code go1.22.5}. */
  public String toolchainName() {
    return "go" + this;
  }

  /**
   * The version as Go writes it without the {@code go} prefix: {@code 1.22.5}, {@code 1.21rc2},
   * {@code 1.21}, and {@code 1.20} (not {@code 1.20.0}) for releases before 1.21, which had no
   * {@code .0}. Parsing the result gives back an equal version.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(major);
    if (!(major == 1 && minor == 0 && patch == 0 && prerelease.isEmpty())) {
      out.append('.').append(minor);
    }
    boolean impliedZero = minor < 21 && patch == 0 && prerelease.isEmpty();
    if (patch != NO_PATCH && !impliedZero) {
      out.append('.').append(patch);
    }
    return out.append(prerelease).toString();
  }

  private static Optional<GoVersion> parseBare(String s) {
    Cursor in = new Cursor(s);
    int major = in.number();
    if (major < 0) {
      return Optional.empty();
    }
    if (in.atEnd()) {
      return Optional.of(new GoVersion(major, 0, 0, "")); // "1" means 1.0.0
    }
    if (!in.take('.')) {
      return Optional.empty();
    }
    int minor = in.number();
    if (minor < 0) {
      return Optional.empty();
    }
    if (in.atEnd()) {
      // Before 1.21 a missing patch is ".0"; from 1.21 on it denotes the language version.
      return Optional.of(new GoVersion(major, minor, minor < 21 ? 0 : NO_PATCH, ""));
    }
    int patch = NO_PATCH;
    if (in.take('.')) {
      patch = in.number();
      if (patch < 0) {
        return Optional.empty();
      }
    }
    String rest = in.rest();
    if (!rest.isEmpty() && (!validPrerelease(rest) || kindOf(rest).isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new GoVersion(major, minor, patch, rest));
  }

  /** {@code ""} or lower-case letters followed by an optional decimal without a leading zero. */
  private static boolean validPrerelease(String p) {
    if (p.isEmpty()) {
      return true;
    }
    String kind = kindOf(p);
    if (kind.isEmpty()) {
      return false;
    }
    String digits = p.substring(kind.length());
    return digits.isEmpty() || decimal(digits) >= 0;
  }

  private static String kindOf(String prerelease) {
    int i = 0;
    while (i < prerelease.length() && prerelease.charAt(i) >= 'a' && prerelease.charAt(i) <= 'z') {
      i++;
    }
    return prerelease.substring(0, i);
  }

  /** The prerelease number, or -1 when there is none ({@code rc} sorts before {@code rc0}, as in Go). */
  private static int numberOf(String prerelease) {
    String digits = prerelease.substring(kindOf(prerelease).length());
    return digits.isEmpty() ? -1 : decimal(digits);
  }

  /** A decimal without sign or unnecessary leading zero and at most nine digits, else -1. */
  private static int decimal(String digits) {
    if (digits.isEmpty() || digits.length() > MAX_DIGITS || (digits.charAt(0) == '0' && digits.length() > 1)) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(digits);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Reads a version string left to right. */
  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    boolean take(char c) {
      if (!atEnd() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    /** The decimal at the cursor, or -1 when there is none or it is malformed. */
    int number() {
      int start = pos;
      while (!atEnd() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      return decimal(s.substring(start, pos));
    }

    String rest() {
      return s.substring(pos);
    }
  }
}
