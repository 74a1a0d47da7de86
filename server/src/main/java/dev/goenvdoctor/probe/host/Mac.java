package dev.goenvdoctor.probe.host;

import java.util.Optional;

/**
 * Mandatory access control around this process: the SELinux mode and the AppArmor confinement. A
 * confined editor (a snap, a distribution profile) may be denied running a Go binary it found.
 */
public record Mac(Selinux selinux, AppArmor appArmor) {

  /** SELinux modes; NOT_ENABLED when the kernel exposes no {@code /sys/fs/selinux/enforce}. */
  public enum SelinuxMode { ENFORCING, PERMISSIVE, NOT_ENABLED, UNKNOWN }

  /** The SELinux mode and, in {@code detail}, the file and value it was read from or why it is unknown. */
  public record Selinux(SelinuxMode mode, String detail) {}

  /** Whether this process runs under an AppArmor profile. */
  public enum AppArmorState { UNCONFINED, CONFINED, NOT_ENABLED, UNKNOWN }

  /**
   * The AppArmor state, with the profile name ({@code snap.code.code}) and its mode ({@code enforce},
   * {@code complain}, ...) when a profile is attached. A profile in {@code unconfined} mode counts as
   * UNCONFINED but keeps its name. {@code detail} names the file read or why the state is unknown.
   */
  public record AppArmor(AppArmorState state, Optional<String> profile, Optional<String> mode, String detail) {}
}
