package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.model.ResolvedGo;
import java.util.Map;

/**
 * What the VS Code Go extension takes from {@code go env} when the go may not run: only GOROOT, worked out
 * from the binary's location (it decides whether GOROOT/bin is prepended to PATH). The other values it
 * copies (GOPATH, GOPROXY, GOBIN, GOMODCACHE) are left out: the go command reads them from the user env
 * file and GOROOT/go.env itself, and rules find them there with their file and line.
 */
final class StaticGoEnv {
  private StaticGoEnv() {}

  static Map<String, String> of(ResolvedGo go) {
    return go.goroot().map(g -> Map.of("GOROOT", g)).orElse(Map.of());
  }
}
