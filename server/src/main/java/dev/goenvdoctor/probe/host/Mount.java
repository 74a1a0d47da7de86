package dev.goenvdoctor.probe.host;

import java.util.List;

/**
 * One line of {@code /proc/self/mountinfo}, with octal escapes already decoded ({@code \040} is a
 * space). {@code mountOptions} are the per-mount flags (where {@code noexec} and {@code nosuid} live);
 * {@code superOptions} belong to the filesystem and can make it read-only for every mount of it.
 */
public record Mount(
    int id,
    int parentId,
    String root,
    String mountPoint,
    List<String> mountOptions,
    List<String> optionalFields,
    String fsType,
    String source,
    List<String> superOptions) {

  public Mount {
    mountOptions = List.copyOf(mountOptions);
    optionalFields = List.copyOf(optionalFields);
    superOptions = List.copyOf(superOptions);
  }

  /** True when programs on this mount cannot be executed (what breaks {@code go run} in a temp dir). */
  public boolean noexec() {
    return mountOptions.contains("noexec");
  }

  /** True when this mount or its filesystem is read-only. */
  public boolean readOnly() {
    return mountOptions.contains("ro") || superOptions.contains("ro");
  }

  /** True when set-user-id bits are ignored on this mount. */
  public boolean nosuid() {
    return mountOptions.contains("nosuid");
  }

  /** True when the machine path {@code realPath} (already free of symlinks) lies on or below this mount point. */
  public boolean covers(String realPath) {
    if (mountPoint.equals("/")) {
      return realPath.startsWith("/");
    }
    return realPath.equals(mountPoint) || realPath.startsWith(mountPoint + "/");
  }
}
