package dev.goenvdoctor.probe.go;

import java.util.List;
import java.util.Optional;

/**
 * Every Go found on the machine: installations (unique by real path, in discovery order) and
 * golang.org/dl wrapper binaries.
 */
public record InstallationScan(List<GoInstallation> installations, List<DlWrapper> dlWrappers) {
  public InstallationScan {
    installations = List.copyOf(installations);
    dlWrappers = List.copyOf(dlWrappers);
  }

  /** The installation whose real path is {@code realPath}, if any. */
  public Optional<GoInstallation> byRealPath(String realPath) {
    return installations.stream().filter(i -> i.realPath().equals(realPath)).findFirst();
  }
}
