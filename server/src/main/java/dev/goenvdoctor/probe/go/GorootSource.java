package dev.goenvdoctor.probe.go;

/** Where the GOROOT a go command uses comes from, in cmd/go's order of precedence. */
public enum GorootSource {
  /** A non-empty {@code GOROOT} in the process environment. */
  ENVIRONMENT,
  /** A wrapper or version manager exported {@code GOROOT} before running go (golang.org/dl, goenv, asdf, mise). */
  SET_BY_WRAPPER,
  /** {@code GOROOT=} in the user env file ({@code go env -w GOROOT=...}). */
  USER_ENV_FILE,
  /** Derived from the executable's own location ({@code <exe>/../..} holds {@code pkg/tool}). */
  EXECUTABLE_LOCATION,
  /** The default compiled into the binary; only the binary itself can tell. */
  BUILT_IN_DEFAULT,
  /** Nothing runs, so there is no GOROOT. */
  NONE
}
