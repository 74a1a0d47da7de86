package dev.goenvdoctor.probe.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the host probe learned about the machine around the Go toolchain: who we run as, the
 * distribution, the mounts, the temp dirs Go builds in, the directories the caller asked about, the
 * sandbox we are in, and SELinux/AppArmor. Immutable; pieces that could not be read say why.
 */
public record HostFacts(
    Identity identity,
    OsInfo os,
    MountTable mounts,
    List<BuildTempDir> buildTempDirs,
    List<DirFacts> dirs,
    Sandboxes sandboxes,
    Mac mac) {

  public HostFacts {
    buildTempDirs = List.copyOf(buildTempDirs);
    dirs = List.copyOf(dirs);
  }

  /** The temp dir {@code go build}/{@code go run} would create its {@code go-build*} work dir in. */
  public Optional<BuildTempDir> goBuildTempDir() {
    return buildTempDirs.stream().filter(BuildTempDir::usedByGo).findFirst();
  }

  /** The facts for the directories named {@code name} (GOPATH may give several). */
  public List<DirFacts> dirs(String name) {
    return dirs.stream().filter(d -> d.name().equals(name)).toList();
  }

  /** Every reason a piece of these facts is unknown or incomplete, one line each, for display. */
  public List<String> unknowns() {
    List<String> out = new ArrayList<>();
    out.addAll(identity.problems());
    out.addAll(os.problems());
    out.addAll(mounts.problems());
    for (BuildTempDir t : buildTempDirs) {
      out.addAll(t.problems());
    }
    for (DirFacts d : dirs) {
      d.problems().forEach(p -> out.add(d.name() + ": " + p));
    }
    out.addAll(sandboxes.flatpak().problems());
    out.addAll(sandboxes.wsl().problems());
    if (mac.selinux().mode() == Mac.SelinuxMode.UNKNOWN) {
      out.add("SELinux mode unknown: " + mac.selinux().detail());
    }
    if (mac.appArmor().state() == Mac.AppArmorState.UNKNOWN) {
      out.add("AppArmor confinement unknown: " + mac.appArmor().detail());
    }
    return List.copyOf(out);
  }
}
