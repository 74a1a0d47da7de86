package dev.goenvdoctor.probe.host;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps machine names ({@code uname -m}, Java's {@code os.arch}) to Go's GOARCH names. */
final class GoArch {
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("x86_64", "amd64"),
      Map.entry("amd64", "amd64"),
      Map.entry("i386", "386"),
      Map.entry("i486", "386"),
      Map.entry("i586", "386"),
      Map.entry("i686", "386"),
      Map.entry("x86", "386"),
      Map.entry("aarch64", "arm64"),
      Map.entry("arm64", "arm64"),
      Map.entry("arm", "arm"),
      Map.entry("armv5tel", "arm"),
      Map.entry("armv6l", "arm"),
      Map.entry("armv7l", "arm"),
      Map.entry("armv8l", "arm"),
      Map.entry("ppc64le", "ppc64le"),
      Map.entry("ppc64", "ppc64"),
      Map.entry("s390x", "s390x"),
      Map.entry("riscv64", "riscv64"),
      Map.entry("loongarch64", "loong64"),
      Map.entry("mips", "mips"),
      Map.entry("mipsel", "mipsle"),
      Map.entry("mips64", "mips64"),
      Map.entry("mips64el", "mips64le"));

  private GoArch() {}

  static Optional<String> fromMachine(String machine) {
    return Optional.ofNullable(NAMES.get(machine.strip().toLowerCase(Locale.ROOT)));
  }
}
