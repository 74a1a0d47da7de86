package dev.goenvdoctor.model;

import java.util.List;

/**
 * The environment variables that decide which Go runs and how, in the order reports list them. Only
 * these (and PATH) leave the machine in reports: the rest of an environment may hold secrets.
 */
public final class GoVariables {
  public static final List<String> REPORTED = List.of(
      "GOROOT", "GOPATH", "GOBIN", "GOTOOLCHAIN", "GOFLAGS", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GOPRIVATE",
      "GONOPROXY", "GOINSECURE", "GOENV", "GOMODCACHE", "GOCACHE", "GOTMPDIR", "TMPDIR", "CGO_ENABLED", "CC",
      "GO111MODULE", "GOOS", "GOARCH", "GOEXPERIMENT", "GODEBUG", "GOTELEMETRY");

  private GoVariables() {}

  /** True for PATH and the variables above. */
  public static boolean isReported(String name) {
    return name.equals("PATH") || REPORTED.contains(name);
  }
}
