package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoInstallation;
import dev.goenvdoctor.probe.host.Sandboxes;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The editor runs inside Flatpak and its Go extension finds no go: the host's Go is not visible in the
 * sandbox. Only remedies that work there are offered: the Go SDK extension, a native editor package, and
 * {@code flatpak-spawn --host} for the integrated terminal.
 */
final class FlatpakEditorRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("flatpak-editor", "GED701", Severity.ERROR,
      "The editor runs in Flatpak and cannot see the host's Go.");
  static final String FLATPAK_INFO = "/.flatpak-info";
  static final String SDK_EXTENSION = "org.freedesktop.Sdk.Extension.golang";
  static final String SDK_GO = "/usr/lib/sdk/golang/bin/go";
  private static final String VSCODE_APP = "com.visualstudio.code";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Sandboxes.Flatpak flatpak = snapshot.host().sandboxes().flatpak();
    if (!flatpak.inside()) {
      return List.of();
    }
    Optional<Layer> extension = snapshot.layer(LayerId.VSCODE_GO).filter(GoEnvironmentLookup::known)
        .or(() -> snapshot.layer(LayerId.EDITOR).filter(GoEnvironmentLookup::known));
    if (extension.isEmpty() || extension.get().go().isPresent()) {
      return List.of(); // unknown, or the sandbox has a go (the SDK extension, say): nothing to report
    }
    Root root = GoEnvironmentLookup.rootOf(snapshot);
    String home = snapshot.machine().home();
    Optional<String> appId = flatpak.appId().or(flatpak::flatpakIdEnv);
    String editor = appId.map(id -> id.equals(VSCODE_APP) ? "VS Code (" + id + ")" : "The editor (" + id + ")")
        .orElse("The editor");
    String runtime = flatpak.runtimeId().map(id -> ", runtime " + id + branch(flatpak).map(b -> " " + b).orElse(""))
        .orElse("");
    String path = snapshot.layer(LayerId.EDITOR).map(l -> l.environment().getOrDefault("PATH", "")).orElse("");
    StringBuilder message = new StringBuilder(editor).append(" runs in Flatpak").append(runtime).append("; its PATH is ")
        .append(path.isEmpty() ? "empty" : path).append(" and the Go extension finds no go. The sandbox has its own /usr:"
            + " Go installed on the host (/usr/bin, /usr/lib/go-*, /usr/local/go) is not visible in it.");
    String visible = snapshot.installations().installations().stream().filter(GoInstallation::isGoRoot)
        .map(i -> GoEnvironmentText.path(i.goroot(), home) + i.version().map(v -> " (" + v + ")").orElse(""))
        .limit(3).collect(Collectors.joining(", "));
    if (!visible.isEmpty()) {
      message.append(" Go trees visible from inside: ").append(visible).append('.');
    }
    boolean enabled = flatpak.enabledSdkExtensions().contains("golang");
    boolean installed = root.isExecutableFile(SDK_GO);
    if (!enabled) {
      message.append(" FLATPAK_ENABLE_SDK_EXT does not include golang.");
    } else if (!installed) {
      message.append(" FLATPAK_ENABLE_SDK_EXT includes golang, but ").append(SDK_GO).append(" does not exist: the SDK")
          .append(" extension ").append(SDK_EXTENSION).append(" is not installed for this runtime's branch.");
    } else {
      message.append(" FLATPAK_ENABLE_SDK_EXT includes golang and ").append(SDK_GO).append(" exists, but it is not on")
          .append(" the editor's PATH: restart the editor.");
    }
    message.append(" Install the Go SDK extension and enable it (commands below, run on the host), or install the")
        .append(" editor from a native package. The integrated terminal can reach host tools with flatpak-spawn --host,")
        .append(" but the Go extension and gopls still run inside the sandbox.");
    Findings finding = Findings.of(INFO, message.toString()).at(Anchors.primary(snapshot, false))
        .evidence(infoLine(root, flatpak));
    if (!installed) {
      finding.command("flatpak install flathub " + SDK_EXTENSION + branch(flatpak).map(b -> "//" + b).orElse(""));
    }
    if (!enabled) {
      appId.ifPresent(id -> finding.command("flatpak override --user --env=FLATPAK_ENABLE_SDK_EXT=golang "
          + GoEnvironmentText.quote(id)));
    }
    return List.of(finding.build());
  }

  /** The runtime's branch ({@code 23.08} of {@code runtime/org.freedesktop.Sdk/x86_64/23.08}). */
  static Optional<String> branch(Sandboxes.Flatpak flatpak) {
    return flatpak.runtime().map(r -> r.startsWith("runtime/") ? r.substring("runtime/".length()) : r)
        .map(r -> r.split("/", -1)).filter(parts -> parts.length == 3 && parts[2].matches("[A-Za-z0-9._-]+"))
        .map(parts -> parts[2]);
  }

  /** The {@code name=} line of /.flatpak-info: the file that marks the sandbox. */
  private static Optional<Provenance> infoLine(Root root, Sandboxes.Flatpak flatpak) {
    Optional<String> text = root.readText(FLATPAK_INFO, 64 * 1024);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String[] lines = text.get().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().startsWith("name=")) {
        return Optional.of(new Provenance(Location.ofLine(FLATPAK_INFO, i, lines[i]), lines[i].strip()));
      }
    }
    return Optional.of(new Provenance(Location.ofLine(FLATPAK_INFO, 0, lines[0]), lines[0].strip()));
  }
}
