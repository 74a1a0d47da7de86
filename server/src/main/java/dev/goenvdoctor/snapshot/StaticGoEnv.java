package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoEnvFile;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.probe.go.GoSetting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code go env} would print for the few variables the VS Code Go extension reads (GOROOT, GOPATH,
 * GOPROXY, GOBIN, GOMODCACHE), worked out from files when the go may not run: the environment, then the
 * user env file, then GOROOT/go.env, then the go command's defaults.
 */
final class StaticGoEnv {
  private static final String DEFAULT_PROXY = "https://proxy.golang.org,direct";

  private StaticGoEnv() {}

  static Map<String, String> of(Root root, ResolvedGo go, Map<String, String> env, GoEnvFile userFile) {
    Optional<GoRoot> goroot = go.goroot().map(g -> GoRoot.inspect(root, g));
    Map<String, String> values = new LinkedHashMap<>();
    go.goroot().ifPresent(g -> values.put("GOROOT", g));
    String home = env.getOrDefault("HOME", "");
    String gopath = setting("GOPATH", env, userFile, goroot).orElse(home.isEmpty() ? "" : home + "/go");
    values.put("GOPATH", gopath);
    values.put("GOPROXY", setting("GOPROXY", env, userFile, goroot).orElse(DEFAULT_PROXY));
    values.put("GOBIN", setting("GOBIN", env, userFile, goroot).orElse(""));
    String first = gopath.split(":", -1)[0];
    values.put("GOMODCACHE", setting("GOMODCACHE", env, userFile, goroot).orElse(first.isEmpty() ? "" : first + "/pkg/mod"));
    return values;
  }

  private static Optional<String> setting(String name, Map<String, String> env, GoEnvFile userFile, Optional<GoRoot> goroot) {
    return Optional.of(GoSetting.lookup(name, env, userFile, goroot).value()).filter(v -> !v.isBlank());
  }
}
