package dev.goenvdoctor.probe.go;

/** What the {@code go} found on PATH really is. */
public enum CommandKind {
  /** A go binary (ELF) that runs itself. */
  GO_BINARY,
  /** A golang.org/dl wrapper ({@code go1.22.5}, {@code gotip}) that runs {@code ~/sdk/<name>/bin/go}. */
  GOLANG_DL_WRAPPER,
  /** {@code /snap/bin/go}, a symlink to {@code /usr/bin/snap}, which runs the current revision of the go snap. */
  SNAP,
  /** A goenv shim (a bash script in {@code $GOENV_ROOT/shims}). */
  GOENV_SHIM,
  /** An asdf shim (a bash script calling {@code asdf exec}). */
  ASDF_SHIM,
  /** A mise shim (a symlink to the mise binary). */
  MISE_SHIM,
  /** A script we do not interpret; what it runs is unknown. */
  UNKNOWN_SCRIPT,
  /** No executable {@code go} in any PATH entry. */
  NOT_FOUND
}
