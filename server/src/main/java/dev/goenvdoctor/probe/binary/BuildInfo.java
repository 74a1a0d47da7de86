package dev.goenvdoctor.probe.binary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build info a Go linker embeds in a binary, as {@code go version -m} prints it.
 * {@code goVersion} is the Go that BUILT the binary, exactly as recorded ({@code go1.19.8}); {@code path}
 * is the main package ({@code cmd/go}, {@code golang.org/x/tools/gopls}), empty when not recorded;
 * {@code mainModule} the module holding it ({@code mod} line; for gopls this carries its release, e.g.
 * {@code golang.org/x/tools/gopls v0.16.2}), empty when the binary records none (a Go distribution's
 * own commands, or a distribution package built outside module mode); {@code deps} the {@code dep}
 * lines in order; {@code settings} the {@code build key=value} lines in order (a repeated key keeps its
 * last value).
 */
public record BuildInfo(String goVersion, String path, Optional<Module> mainModule, List<Module> deps, Map<String, String> settings) {

  /** Makes the lists and map immutable copies; the settings map keeps the recorded order. */
  public BuildInfo {
    deps = List.copyOf(deps);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** The recorded Go version parsed for comparison; empty when it is not a Go version string. */
  public Optional<GoVersion> parsedGoVersion() {
    return GoVersion.parse(goVersion);
  }

  /** The value of one build setting ({@code GOARCH}, {@code CGO_ENABLED}, {@code -ldflags}, ...), if recorded. */
  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  /**
   * A module as recorded: path, version ({@code v0.16.2}, or {@code (devel)} for a build from a source
   * checkout), checksum ({@code h1:...}, may be empty) and its {@code =>} replacement, if any.
   */
  public record Module(String path, String version, String sum, Optional<Module> replacement) {
    /** Rejects null components. */
    public Module {
      if (path == null || version == null || sum == null || replacement == null) {
        throw new IllegalArgumentException("null module component");
      }
    }

    /** The same module with {@code replacement} as its {@code =>} line. */
    Module replacedBy(Module replacement) {
      return new Module(path, version, sum, Optional.of(replacement));
    }
  }
}
