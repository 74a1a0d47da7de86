package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.probe.Root;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the SELinux mode from {@code /sys/fs/selinux/enforce} and this process's AppArmor label from
 * {@code /proc/self/attr/apparmor/current} (kernels with LSM stacking), else {@code /proc/self/attr/current}.
 * The older file is shared by every LSM, so its text counts as AppArmor only in AppArmor's own shapes:
 * {@code unconfined} or {@code <profile> (<mode>)}.
 */
final class MacProbe {
  static final String SELINUX_ENFORCE = "/sys/fs/selinux/enforce";
  static final String APPARMOR_CURRENT = "/proc/self/attr/apparmor/current";
  static final String LSM_CURRENT = "/proc/self/attr/current";
  static final String APPARMOR_MODULE = "/sys/module/apparmor";
  private static final Pattern PROFILE = Pattern.compile("(.+) \\(([A-Za-z_-]+)\\)");

  private MacProbe() {}

  static Mac probe(Root root) {
    return new Mac(selinux(root), appArmor(root));
  }

  static Mac.Selinux selinux(Root root) {
    HostFile enforce = HostFile.small(root, SELINUX_ENFORCE);
    if (enforce.missing()) {
      return new Mac.Selinux(Mac.SelinuxMode.NOT_ENABLED, SELINUX_ENFORCE + " does not exist");
    }
    String value = enforce.text().map(String::strip).orElse(null);
    if (value == null) {
      return new Mac.Selinux(Mac.SelinuxMode.UNKNOWN, enforce.problem());
    }
    return switch (value) {
      case "1" -> new Mac.Selinux(Mac.SelinuxMode.ENFORCING, SELINUX_ENFORCE + " is 1");
      case "0" -> new Mac.Selinux(Mac.SelinuxMode.PERMISSIVE, SELINUX_ENFORCE + " is 0");
      default -> new Mac.Selinux(Mac.SelinuxMode.UNKNOWN, SELINUX_ENFORCE + " holds '" + shorten(value) + "', not 0 or 1");
    };
  }

  static Mac.AppArmor appArmor(Root root) {
    HostFile own = HostFile.small(root, APPARMOR_CURRENT);
    Optional<String> ownText = label(own);
    if (ownText.isPresent()) {
      return fromLabel(ownText.get(), APPARMOR_CURRENT).orElse(new Mac.AppArmor(
          Mac.AppArmorState.UNKNOWN, Optional.empty(), Optional.empty(),
          APPARMOR_CURRENT + " holds '" + shorten(ownText.get()) + "', not an AppArmor label"));
    }
    HostFile shared = HostFile.small(root, LSM_CURRENT);
    Optional<String> sharedText = label(shared);
    if (sharedText.isPresent()) {
      Optional<Mac.AppArmor> parsed = fromLabel(sharedText.get(), LSM_CURRENT);
      if (parsed.isPresent()) {
        return parsed.get();
      }
    }
    if (!root.exists(APPARMOR_MODULE)) {
      String why = sharedText.map(t -> LSM_CURRENT + " holds another security module's label '" + shorten(t) + "'")
          .orElse("no AppArmor label readable");
      return new Mac.AppArmor(Mac.AppArmorState.NOT_ENABLED, Optional.empty(), Optional.empty(),
          why + " and " + APPARMOR_MODULE + " does not exist");
    }
    String why = sharedText.isPresent()
        ? LSM_CURRENT + " holds '" + shorten(sharedText.get()) + "', not an AppArmor label"
        : own.problem() + "; " + shared.problem();
    return new Mac.AppArmor(Mac.AppArmorState.UNKNOWN, Optional.empty(), Optional.empty(), why);
  }

  /** The label text without the trailing NUL/newline the kernel adds. */
  private static Optional<String> label(HostFile file) {
    return file.text().map(t -> t.replace("\0", "").strip()).filter(t -> !t.isEmpty());
  }

  static Optional<Mac.AppArmor> fromLabel(String label, String file) {
    if (label.equals("unconfined")) {
      return Optional.of(new Mac.AppArmor(Mac.AppArmorState.UNCONFINED, Optional.empty(), Optional.empty(),
          file + " is 'unconfined'"));
    }
    Matcher m = PROFILE.matcher(label);
    if (m.matches()) {
      // A profile in "unconfined" mode (flags=(unconfined), used by Ubuntu for some apps) restricts nothing.
      Mac.AppArmorState state = m.group(2).equals("unconfined") ? Mac.AppArmorState.UNCONFINED : Mac.AppArmorState.CONFINED;
      return Optional.of(new Mac.AppArmor(state, Optional.of(m.group(1)), Optional.of(m.group(2)),
          file + " is '" + shorten(label) + "'"));
    }
    return Optional.empty();
  }

  private static String shorten(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "...";
  }
}
