package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.model.Location;
import java.util.List;
import java.util.Optional;

/**
 * What this process runs inside: a Flatpak sandbox, a snap, WSL, a container, a toolbox/distrobox.
 * Each part says whether it was detected and the evidence, so a finding can show why we think so.
 */
public record Sandboxes(Flatpak flatpak, Snap snap, Wsl wsl, Container container, Toolbox toolbox) {

  /**
   * A Flatpak sandbox: {@code /.flatpak-info} exists. {@code appId} is its {@code [Application] name},
   * {@code runtime} the runtime ref ({@code runtime/org.freedesktop.Sdk/x86_64/23.08}),
   * {@code flatpakIdEnv} the {@code FLATPAK_ID} variable, {@code enabledSdkExtensions} the
   * comma-separated {@code FLATPAK_ENABLE_SDK_EXT} (e.g. {@code golang}).
   */
  public record Flatpak(
      boolean inside,
      Optional<String> appId,
      Optional<String> runtime,
      Optional<String> flatpakIdEnv,
      List<String> enabledSdkExtensions,
      List<String> problems) {
    public Flatpak {
      enabledSdkExtensions = List.copyOf(enabledSdkExtensions);
      problems = List.copyOf(problems);
    }

    /** The runtime's id ({@code org.freedesktop.Sdk}) without the {@code runtime/} prefix, arch and branch. */
    public Optional<String> runtimeId() {
      return runtime.map(r -> r.startsWith("runtime/") ? r.substring("runtime/".length()) : r)
          .map(r -> r.contains("/") ? r.substring(0, r.indexOf('/')) : r)
          .filter(r -> !r.isEmpty());
    }
  }

  /** Running as (or started from) a snap: the {@code SNAP}, {@code SNAP_NAME}, {@code SNAP_REVISION} variables. */
  public record Snap(boolean inside, Optional<String> name, Optional<String> revision, Optional<String> directory) {}

  /**
   * Windows Subsystem for Linux. {@code generation} is 1 or 2 when the kernel release tells, else 0.
   * {@code appendWindowsPath} is the {@code [interop]} setting of {@code /etc/wsl.conf} when present,
   * with its line; {@code windowsPathEntries} are the PATH entries under the automount root
   * ({@code /mnt/c/...} by default; {@code [automount] root} changes it).
   */
  public record Wsl(
      boolean detected,
      int generation,
      List<String> evidence,
      Optional<String> distroName,
      boolean interopSocket,
      Optional<Boolean> appendWindowsPath,
      Optional<Location> appendWindowsPathLocation,
      String automountRoot,
      List<String> windowsPathEntries,
      List<String> problems) {
    public Wsl {
      evidence = List.copyOf(evidence);
      windowsPathEntries = List.copyOf(windowsPathEntries);
      problems = List.copyOf(problems);
    }

    /** True when WSL appends the Windows PATH: the setting, or WSL's default (true) when unset. */
    public boolean windowsPathAppended() {
      return appendWindowsPath.orElse(true);
    }
  }

  /** A container: {@code engine} (docker, podman, lxc, ...) and {@code name} when known, with the evidence. */
  public record Container(boolean detected, Optional<String> engine, Optional<String> name, List<String> evidence) {
    public Container {
      evidence = List.copyOf(evidence);
    }
  }

  /** A toolbox or distrobox container ({@code kind}), with its name when known. */
  public record Toolbox(boolean detected, Optional<String> kind, Optional<String> name, List<String> evidence) {
    public Toolbox {
      evidence = List.copyOf(evidence);
    }
  }
}
