package dev.goenvdoctor.layers;

import java.util.Map;
import java.util.Optional;

/**
 * The settings the VS Code Go extension reads to pick and run {@code go} and gopls, already merged
 * across user and workspace scopes (workspace wins, as in VS Code).
 */
public record VsCodeGoSettings(
    Optional<Setting> goroot,
    Optional<Setting> alternateGo,
    Optional<Setting> alternateGopls,
    Optional<Setting> gopath,
    Optional<Setting> toolsGopath,
    Map<String, Setting> toolsEnvVars,
    boolean terminalActivateEnvironment,
    boolean useLanguageServer) {

  public VsCodeGoSettings {
    toolsEnvVars = Map.copyOf(toolsEnvVars);
  }

  public static VsCodeGoSettings defaults() {
    return new VsCodeGoSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Map.of(), true, true);
  }
}
