package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.go.DlWrapper;
import dev.goenvdoctor.probe.go.GoInstallation;
import dev.goenvdoctor.probe.go.GoSetting;
import dev.goenvdoctor.probe.go.InstallKind;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.Optional;

/**
 * Replays the go command's toolchain selection for one layer (golang/go src/cmd/go/internal/toolchain/
 * select.go, Select and Exec), without running anything: which toolchain a go command started in the
 * module would end up running, and whether getting it works. Go 1.20 and older never switch. An unset
 * GOTOOLCHAIN (no line in {@code $GOROOT/go.env}) means no switching either.
 */
final class VersionToolchain {
  private VersionToolchain() {}

  /** How GOTOOLCHAIN lets the go command pick a toolchain. */
  enum Mode {
    /** Go 1.20 or older: there is no toolchain switching at all. */
    PRE_SWITCHING,
    /** GOTOOLCHAIN unset everywhere: the local go runs, no switching (select.go returns early). */
    UNSET,
    /** {@code local}: the local go runs, go.mod is not consulted. */
    LOCAL,
    /** {@code goX.Y.Z}: that toolchain runs for every module, go.mod is not consulted. */
    FIXED,
    /** {@code auto}, {@code local+auto}, {@code goX.Y.Z+auto}: switch up as go.mod asks, from PATH or by download. */
    AUTO,
    /** {@code path}, {@code local+path}, {@code goX.Y.Z+path}: switch up, but only to a toolchain on PATH. */
    PATH,
    /** A value the go command rejects ({@code invalid GOTOOLCHAIN}); another rule's business. */
    INVALID
  }

  /** Whether a toolchain other than the local one can be had. */
  enum Availability {
    /** It is the local go. */
    LOCAL,
    /** A command of that name is on PATH (a golang.org/dl wrapper that finished its download, say). */
    ON_PATH,
    /** Already downloaded into the module cache. */
    IN_MODULE_CACHE,
    /** A language version such as {@code go1.22} (Go 1.21 and later): it names no toolchain, so nothing can be had. */
    LANGUAGE_VERSION,
    /** A golang.org/dl wrapper of that name is on PATH but its SDK was never downloaded: it refuses to run. */
    WRAPPER_NOT_DOWNLOADED,
    /** Not on PATH, and GOTOOLCHAIN allows PATH only: {@code cannot find "go1.x.y" in PATH}. */
    NOT_ON_PATH,
    /** Would be downloaded, but GOPROXY=off blocks it. */
    DOWNLOAD_BLOCKED,
    /** Will be downloaded from the module proxy on first use. */
    DOWNLOAD
  }

  /**
   * The outcome for one layer: its mode and GOTOOLCHAIN setting, the minimum toolchain (the local go or
   * the {@code goX.Y.Z} of GOTOOLCHAIN), the toolchain that would run ({@code target}, by name), its
   * version, and whether it can be had.
   */
  record Selection(Mode mode, GoSetting gotoolchain, GoVersion local, GoVersion minimum, String target,
      GoVersion targetVersion, Availability availability) {
    /** True when every go command in the module fails before doing anything. */
    boolean cannotRun() {
      return availability == Availability.WRAPPER_NOT_DOWNLOADED || availability == Availability.NOT_ON_PATH
          || availability == Availability.DOWNLOAD_BLOCKED || availability == Availability.LANGUAGE_VERSION;
    }

    /** True when the go command switches away from the local go. */
    boolean switches() {
      return availability != Availability.LOCAL;
    }
  }

  /**
   * What a go command of {@code layer} (whose go is {@code local}) does in a module whose go line is
   * {@code goLine} and toolchain line {@code toolchainLine}. Empty when the layer's GOTOOLCHAIN is one the
   * go command rejects.
   */
  static Optional<Selection> select(Snapshot snapshot, Layer layer, GoVersion local, GoVersion goLine,
      Optional<GoVersion> toolchainLine) {
    GoSetting setting = VersionFacts.setting(snapshot, layer, "GOTOOLCHAIN");
    String value = setting.value().strip();
    if (local.compareTo(new GoVersion(1, 21, GoVersion.NO_PATCH, "")) < 0) {
      return Optional.of(new Selection(Mode.PRE_SWITCHING, setting, local, local, local.toolchainName(), local, Availability.LOCAL));
    }
    if (value.isEmpty()) {
      return Optional.of(new Selection(Mode.UNSET, setting, local, local, local.toolchainName(), local, Availability.LOCAL));
    }
    if (value.equals("local")) {
      return Optional.of(new Selection(Mode.LOCAL, setting, local, local, local.toolchainName(), local, Availability.LOCAL));
    }
    Mode mode;
    String min;
    if (value.equals("auto") || value.equals("path")) {
      mode = value.equals("auto") ? Mode.AUTO : Mode.PATH;
      min = "local";
    } else if (value.contains("+")) {
      String suffix = value.substring(value.indexOf('+') + 1);
      if (!suffix.equals("auto") && !suffix.equals("path")) {
        return Optional.empty();
      }
      mode = suffix.equals("auto") ? Mode.AUTO : Mode.PATH;
      min = value.substring(0, value.indexOf('+'));
    } else {
      mode = Mode.FIXED;
      min = value;
    }
    GoVersion minimum = local;
    String minimumName = local.toolchainName();
    if (!min.equals("local")) {
      Optional<GoVersion> parsed = min.startsWith("go") ? GoVersion.parse(min) : Optional.empty();
      if (parsed.isEmpty()) {
        return Optional.empty();
      }
      minimum = parsed.get();
      minimumName = min;
    }
    String target = minimumName;
    GoVersion targetVersion = minimum;
    if (mode != Mode.FIXED) {
      if (toolchainLine.isPresent() && toolchainLine.get().compareTo(targetVersion) > 0) {
        targetVersion = toolchainLine.get();
        target = toolchainLine.get().toolchainName();
      }
      if (goLine.compareTo(targetVersion) > 0) {
        // A language version such as 1.22 names no release: the go command asks for 1.22.0 (golang/go#62278).
        targetVersion = needed(goLine, Optional.empty());
        target = targetVersion.toolchainName();
      }
    }
    Availability availability = target.equals(local.toolchainName())
        ? Availability.LOCAL : availability(snapshot, layer, target, targetVersion, mode);
    return Optional.of(new Selection(mode, setting, local, minimum, target, targetVersion, availability));
  }

  /** Whether {@code target} can be had by a go command of {@code layer}: on PATH, in the module cache, or by download. */
  static Availability availability(Snapshot snapshot, Layer layer, String target, GoVersion version, Mode mode) {
    Optional<Root> root = VersionFacts.root(snapshot);
    for (PathEntry entry : layer.path()) {
      if (!entry.dir().startsWith("/")) {
        continue;
      }
      String candidate = Root.join(Root.normalize(entry.dir()), target);
      Optional<DlWrapper> wrapper = snapshot.installations().dlWrappers().stream()
          .filter(w -> w.path().equals(candidate)).findFirst();
      if (wrapper.isPresent()) {
        return wrapper.get().downloaded() ? Availability.ON_PATH : Availability.WRAPPER_NOT_DOWNLOADED;
      }
      if (root.isPresent() && root.get().isExecutableFile(candidate)) {
        return Availability.ON_PATH;
      }
    }
    if (mode == Mode.PATH) {
      return Availability.NOT_ON_PATH;
    }
    if (version.isLanguageVersion()) {
      return Availability.LANGUAGE_VERSION; // select.go Exec: "is a language version but not a toolchain version"
    }
    if (inModuleCache(snapshot, target, version)) {
      return Availability.IN_MODULE_CACHE;
    }
    GoSetting proxy = VersionFacts.setting(snapshot, layer, "GOPROXY");
    return proxy.value().strip().equals("off") ? Availability.DOWNLOAD_BLOCKED : Availability.DOWNLOAD;
  }

  /**
   * The toolchain a module asks for when the local go is too old: its toolchain line, or its go line when
   * that is newer; a language version such as {@code 1.22} means its first release, {@code go1.22.0}.
   */
  static GoVersion needed(GoVersion goLine, Optional<GoVersion> toolchainLine) {
    GoVersion fromGoLine = goLine.isLanguageVersion() ? new GoVersion(goLine.major(), goLine.minor(), 0, "") : goLine;
    return toolchainLine.filter(t -> t.compareTo(fromGoLine) > 0).orElse(fromGoLine);
  }

  /** True when {@code golang.org/toolchain@v0.0.1-<target>.<os>-<arch>} is unpacked in the module cache. */
  static boolean inModuleCache(Snapshot snapshot, String target, GoVersion version) {
    for (GoInstallation i : snapshot.installations().installations()) {
      if (i.kind() != InstallKind.TOOLCHAIN_MODULE || !i.isGoRoot()) {
        continue;
      }
      boolean byName = i.realPath().contains("/toolchain@v0.0.1-" + target + ".");
      boolean byVersion = i.version().flatMap(GoVersion::parse).map(v -> v.compareTo(version) == 0).orElse(false);
      if (byName || byVersion) {
        return true;
      }
    }
    return false;
  }

  /**
   * The go command's own error when the module is too new for the go that runs (gover.TooNewError):
   * {@code go: go.mod requires go >= 1.22 (running go 1.21.0; GOTOOLCHAIN=local)}; the GOTOOLCHAIN part
   * only when it is set and not {@code auto}.
   */
  static String tooNewError(String shortPath, String required, GoVersion running, String gotoolchain) {
    String explain = gotoolchain.isEmpty() || gotoolchain.equals("auto") ? "" : "; GOTOOLCHAIN=" + gotoolchain;
    return "go: " + shortPath + " requires go >= " + required + " (running go " + running + explain + ")";
  }

  /** The module the go command downloads for {@code target} on this host's (else that go's) architecture. */
  static String module(Snapshot snapshot, ResolvedGo go, String target) {
    Optional<String> hostArch = snapshot.host() == null ? Optional.empty() : snapshot.host().os().goArch();
    return toolchainModule(target, hostArch.or(go::arch).orElse("<arch>"));
  }

  /** The module the go command downloads for {@code target} on linux/{@code goarch}. */
  static String toolchainModule(String target, String goarch) {
    return "golang.org/toolchain@v0.0.1-" + target + ".linux-" + goarch;
  }
}
