package dev.goenvdoctor.cli;

import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.SettingEntry;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The rules turned off with {@code goEnvDoctor.disabledRules} in the user's or a workspace folder's settings. */
final class SettingsDisabledRules {
  private SettingsDisabledRules() {}

  static Set<String> of(Snapshot snapshot) {
    Set<String> disabled = new LinkedHashSet<>();
    Stream.concat(snapshot.workspace().userSettings().stream(),
            snapshot.workspace().folders().stream().map(FolderFacts::folderSettings).flatMap(java.util.Optional::stream))
        .map(s -> s.entry("goEnvDoctor.disabledRules"))
        .flatMap(java.util.Optional::stream)
        .map(SettingEntry::value)
        .filter(List.class::isInstance)
        .forEach(v -> ((List<?>) v).stream().filter(String.class::isInstance).map(String.class::cast).forEach(disabled::add));
    return disabled;
  }
}
