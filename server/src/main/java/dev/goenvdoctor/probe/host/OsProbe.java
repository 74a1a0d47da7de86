package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads os-release ({@code /etc/os-release}, else {@code /usr/lib/os-release}, as os-release(5) says),
 * the kernel release ({@code /proc/sys/kernel/osrelease}, else {@code /proc/version}) and the GOARCH.
 * The real root takes GOARCH from the JVM's {@code os.arch}; a scenario root states its machine in
 * {@code /proc/sys/kernel/arch} (what {@code uname -m} prints, e.g. {@code aarch64}), so a scenario
 * never borrows the test machine's architecture.
 */
final class OsProbe {
  static final String ARCH_FILE = "/proc/sys/kernel/arch";
  static final String OSRELEASE = "/proc/sys/kernel/osrelease";
  static final String VERSION = "/proc/version";

  private OsProbe() {}

  static OsInfo probe(Root root, String javaOsArch) {
    List<String> problems = new ArrayList<>();
    Map<String, String> release = Map.of();
    Optional<String> releaseFile = Optional.empty();
    HostFile etc = HostFile.small(root, "/etc/os-release");
    HostFile usr = etc.readable() ? etc : HostFile.small(root, "/usr/lib/os-release");
    if (usr.readable()) {
      release = ShellStyleKeyValues.parse(usr.text().orElse(""));
      releaseFile = Optional.of(usr.path());
      if (!release.containsKey("ID")) {
        problems.add(usr.path() + " has no ID= line");
      }
    } else {
      problems.add("distribution unknown: " + etc.problem() + " and " + usr.problem());
    }

    Optional<String> kernel = kernelRelease(root, problems);

    Optional<String> machine;
    String archSource;
    if (root.isSystem()) {
      machine = Optional.ofNullable(javaOsArch).filter(s -> !s.isBlank());
      archSource = "os.arch";
    } else {
      HostFile arch = HostFile.small(root, ARCH_FILE);
      machine = arch.text().map(String::strip).filter(s -> !s.isEmpty());
      archSource = ARCH_FILE;
      if (machine.isEmpty()) {
        problems.add("GOARCH unknown: " + (arch.readable() ? ARCH_FILE + " is empty" : arch.problem()));
      }
    }
    Optional<String> goArch = machine.flatMap(GoArch::fromMachine);
    if (machine.isPresent() && goArch.isEmpty()) {
      problems.add("GOARCH unknown: machine '" + machine.get() + "' (from " + archSource + ") has no Go name");
    }

    List<String> idLike = Optional.ofNullable(release.get("ID_LIKE"))
        .map(s -> Arrays.stream(s.strip().split("\\s+")).filter(x -> !x.isEmpty()).toList())
        .orElse(List.of());
    return new OsInfo(
        value(release, "ID"),
        idLike,
        value(release, "VERSION_ID"),
        value(release, "VERSION_CODENAME"),
        value(release, "PRETTY_NAME"),
        releaseFile,
        kernel,
        machine,
        goArch,
        archSource,
        problems);
  }

  private static Optional<String> kernelRelease(Root root, List<String> problems) {
    HostFile osrelease = HostFile.small(root, OSRELEASE);
    Optional<String> direct = osrelease.text().map(String::strip).filter(s -> !s.isEmpty());
    if (direct.isPresent()) {
      return direct;
    }
    HostFile version = HostFile.small(root, VERSION);
    Optional<String> fromVersion = version.text().flatMap(OsProbe::releaseFromVersion);
    if (fromVersion.isEmpty()) {
      String first = osrelease.readable() ? OSRELEASE + " is empty" : osrelease.problem();
      problems.add("kernel release unknown: " + first + "; " + VERSION
          + (version.readable() ? " does not start with 'Linux version <release>'" : ": " + version.problem()));
    }
    return fromVersion;
  }

  /** {@code Linux version 5.15.90.1-microsoft-standard-WSL2 (...)} gives the third word. */
  static Optional<String> releaseFromVersion(String text) {
    String[] words = text.strip().split("\\s+");
    return words.length >= 3 && words[0].equals("Linux") && words[1].equals("version")
        ? Optional.of(words[2])
        : Optional.empty();
  }

  private static Optional<String> value(Map<String, String> release, String key) {
    return Optional.ofNullable(release.get(key)).map(String::strip).filter(s -> !s.isEmpty());
  }
}
