package dev.goenvdoctor.layers;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.workspace.SettingEntry;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Go extension's settings from the user's and a folder's settings.json, as VS Code merges
 * them: a folder value wins over a user value, and object settings ({@code go.toolsEnvVars},
 * {@code go.alternateTools}) are merged key by key.
 */
public final class VsCodeSettingsMerger {
  private VsCodeSettingsMerger() {}

  public static VsCodeGoSettings merge(Optional<SettingsFile> user, Optional<SettingsFile> folder) {
    Map<String, Setting> toolsEnv = new LinkedHashMap<>();
    user.ifPresent(u -> collectObject(u, "go.toolsEnvVars", false, toolsEnv));
    folder.ifPresent(f -> collectObject(f, "go.toolsEnvVars", true, toolsEnv));
    return new VsCodeGoSettings(
        string(user, folder, List.of("go.goroot")),
        string(user, folder, List.of("go.alternateTools", "go")),
        string(user, folder, List.of("go.alternateTools", "gopls")),
        string(user, folder, List.of("go.gopath")),
        string(user, folder, List.of("go.toolsGopath")),
        toolsEnv,
        bool(user, folder, "go.terminal.activateEnvironment", true),
        bool(user, folder, "go.useLanguageServer", true));
  }

  private static Optional<Setting> string(Optional<SettingsFile> user, Optional<SettingsFile> folder, List<String> path) {
    Optional<Setting> fromFolder = folder.flatMap(f -> f.entry(path)).flatMap(e -> setting(e, true));
    return fromFolder.or(() -> user.flatMap(u -> u.entry(path)).flatMap(e -> setting(e, false)));
  }

  private static Optional<Setting> setting(SettingEntry entry, boolean fromWorkspace) {
    return entry.stringValue().map(v -> Setting.of(entry.displayName(), v, provenance(entry), fromWorkspace));
  }

  private static boolean bool(Optional<SettingsFile> user, Optional<SettingsFile> folder, String key, boolean fallback) {
    Optional<Object> value = folder.flatMap(f -> f.entry(key)).map(SettingEntry::value)
        .or(() -> user.flatMap(u -> u.entry(key)).map(SettingEntry::value));
    return value.filter(Boolean.class::isInstance).map(Boolean.class::cast).orElse(fallback);
  }

  private static void collectObject(SettingsFile file, String key, boolean fromWorkspace, Map<String, Setting> into) {
    for (SettingEntry entry : file.entries()) {
      if (entry.path().size() == 2 && entry.path().get(0).equals(key)) {
        // A non-string value (a number, a boolean) is passed through by the extension as it is.
        String value = entry.stringValue().orElse(entry.value() == null ? "" : String.valueOf(entry.value()));
        into.put(entry.path().get(1), Setting.of(entry.displayName(), value, provenance(entry), fromWorkspace));
      }
    }
  }

  static Provenance provenance(SettingEntry entry) {
    return new Provenance(entry.keyLocation(), "\"" + entry.path().get(entry.path().size() - 1) + "\": " + entry.sourceText());
  }
}
