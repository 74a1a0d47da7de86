package dev.goenvdoctor.probe.binary;

import java.util.Optional;

/**
 * What one file turned out to be, read without running it. {@code path} is the path as asked (a
 * machine path, or a label for bytes); {@code realPath} the file after following symlinks;
 * {@code kind} the verdict; {@code message} one sentence for a person (never empty, says what is wrong
 * for every kind but {@link Kind#GO_BINARY}); {@code elf} the header facts whenever an ELF header could
 * be read (also for a malformed file or one without build info); {@code buildInfo} only for
 * {@link Kind#GO_BINARY}; {@code interpreter} the {@code #!} line of a script without {@code #!} and the
 * surrounding blanks ({@code /usr/bin/env bash}; a trailing carriage return of a CRLF file is kept).
 */
public record BinaryInspection(
    String path,
    String realPath,
    Kind kind,
    String message,
    Optional<ElfFacts> elf,
    Optional<BuildInfo> buildInfo,
    Optional<String> interpreter) {

  /** The verdicts, from best to worst. */
  public enum Kind {
    /** An ELF file with Go build info: the Go version that built it is known. */
    GO_BINARY,
    /** A valid ELF file without Go build info (not built by Go, packed, or post-processed). */
    ELF_WITHOUT_BUILD_INFO,
    /** A script ({@code #!} line): goenv and asdf shims, wrapper scripts. */
    SCRIPT,
    /** Some other file: text, a Windows or macOS executable, random bytes, an empty file. */
    NOT_ELF,
    /** Missing, a dangling symlink, a directory, a device, or not readable. */
    UNREADABLE,
    /** Starts like ELF but is truncated or damaged (including damaged Go build info). */
    MALFORMED_ELF
  }

  /** Rejects null components and an empty message. */
  public BinaryInspection {
    if (path == null || realPath == null || kind == null || message == null || message.isEmpty()
        || elf == null || buildInfo == null || interpreter == null) {
      throw new IllegalArgumentException("incomplete inspection");
    }
  }

  /** True when the build info was read. */
  public boolean isGoBinary() {
    return kind == Kind.GO_BINARY;
  }

  /** The Go version that built the file, parsed for comparison; empty when unknown. */
  public Optional<GoVersion> goVersion() {
    return buildInfo.flatMap(BuildInfo::parsedGoVersion);
  }

  /** {@code "<path>: <message>"}, for a line of output. */
  public String summary() {
    return path + ": " + message;
  }
}
