package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one directory is as a Go root, read through a {@link Root} without running anything.
 *
 * @param path the directory as asked (machine path)
 * @param chain how {@code path} resolved (symlinks followed)
 * @param notGoRootReason empty when the directory is a Go root; otherwise why not: {@code missing},
 *     {@code not a directory}, {@code no bin/go}, ...
 * @param versionFile the {@code VERSION} file, when present and non-empty
 * @param goEnv the entries of {@code $GOROOT/go.env} (Go 1.21+: GOPROXY, GOSUMDB, GOTOOLCHAIN defaults)
 * @param hasGoEnvFile whether {@code go.env} exists at all
 * @param goBinary how {@code <path>/bin/go} resolved
 * @param goBinaryExecutable whether {@code bin/go} is a regular file this process may execute
 * @param problems what is wrong with this root, in words a user can act on
 */
public record GoRoot(
    String path,
    SymlinkChain chain,
    Optional<String> notGoRootReason,
    Optional<GoVersionFile> versionFile,
    List<GoEnvEntry> goEnv,
    boolean hasGoEnvFile,
    SymlinkChain goBinary,
    boolean goBinaryExecutable,
    List<String> problems) {

  public GoRoot {
    goEnv = List.copyOf(goEnv);
    problems = List.copyOf(problems);
  }

  /** Inspects {@code dir} (a machine path). Never throws: unreadable parts become problems. */
  public static GoRoot inspect(Root root, String dir) {
    String path = Root.normalize(dir);
    SymlinkChain chain = root.resolve(path);
    String goPath = Root.join(path, "bin/go");
    SymlinkChain goBinary = root.resolve(goPath);
    Optional<String> reason = notGoRootReason(root, path, chain, goBinary);
    List<String> problems = new ArrayList<>();
    reason.ifPresent(r -> problems.add(path + " is not a Go root: " + r));

    Optional<GoVersionFile> versionFile = Optional.empty();
    List<GoEnvEntry> goEnv = List.of();
    boolean hasGoEnvFile = false;
    boolean executable = false;
    if (chain.ok() && root.isDirectory(path)) {
      versionFile = readVersion(root, path, problems);
      String goEnvPath = Root.join(path, "go.env");
      hasGoEnvFile = root.isRegularFile(goEnvPath);
      if (hasGoEnvFile) {
        goEnv = TextFiles.lines(root, goEnvPath).map(lines -> GoEnvEntry.parse(goEnvPath, lines)).orElse(List.of());
      } else if (versionFile.isPresent() && GoVersions.atLeast(versionFile.get().version(), 1, 21)) {
        problems.add("no " + goEnvPath + ": Go 1.21 and later keep their GOPROXY, GOSUMDB and GOTOOLCHAIN defaults there");
      }
      versionFile.ifPresent(v -> leftoverPackages(root, path, v.version()).ifPresent(problems::add));
      executable = root.isExecutableFile(goPath);
      if (goBinary.ok() && root.isRegularFile(goPath) && !executable) {
        problems.add(goPath + " is not executable");
      }
    }
    return new GoRoot(path, chain, reason, versionFile, goEnv, hasGoEnvFile, goBinary, executable, problems);
  }

  /** True when the directory holds {@code bin/go} and {@code pkg/tool} or {@code src/runtime}. */
  public boolean isGoRoot() {
    return notGoRootReason.isEmpty();
  }

  /** The version from the {@code VERSION} file ({@code go1.22.5}), when there is one. */
  public Optional<String> version() {
    return versionFile.map(GoVersionFile::version);
  }

  /** The value {@code go.env} gives {@code key}, when it sets it. */
  public Optional<GoEnvEntry> goEnvValue(String key) {
    return GoEnvEntry.last(goEnv, key);
  }

  /** The real directory (symlinks resolved); the path itself when it does not resolve. */
  public String realPath() {
    return chain.realPath();
  }

  private static Optional<String> notGoRootReason(Root root, String path, SymlinkChain chain, SymlinkChain goBinary) {
    if (chain.status() == SymlinkChain.Status.LOOP) {
      return Optional.of("symlink loop at " + chain.realPath());
    }
    if (!chain.ok()) {
      return Optional.of(chain.viaSymlink() ? "missing (dangling symlink to " + chain.realPath() + ")" : "missing");
    }
    if (!root.isDirectory(path)) {
      return Optional.of("not a directory");
    }
    if (!goBinary.ok()) {
      return Optional.of(root.isSymlink(Root.join(path, "bin/go")) || goBinary.viaSymlink()
          ? "bin/go is a dangling symlink to " + goBinary.realPath()
          : "no bin/go");
    }
    if (!root.isDirectory(Root.join(path, "pkg/tool")) && !root.isDirectory(Root.join(path, "src/runtime"))) {
      return Optional.of("no pkg/tool or src/runtime");
    }
    return Optional.empty();
  }

  /**
   * Go 1.20 and later ship no precompiled packages in {@code $GOROOT/pkg/<goos>_<goarch>} and never
   * write there (Go 1.20 release notes), so such a directory in a newer tree was left by an older Go
   * unpacked into the same place: a mixed tree.
   */
  private static Optional<String> leftoverPackages(Root root, String path, String version) {
    if (!GoVersions.atLeast(version, 1, 20)) {
      return Optional.empty();
    }
    String pkg = Root.join(path, "pkg");
    for (String name : root.list(pkg)) {
      if (name.matches("[a-z0-9]+_[a-z0-9]+(_[a-z]+)?") && root.isDirectory(Root.join(pkg, name))) {
        return Optional.of(Root.join(pkg, name) + " exists, but Go 1.20 and later ship no precompiled packages there: "
            + "likely left by an older Go unpacked into the same directory (a mixed tree); the official install "
            + "removes the old tree first");
      }
    }
    return Optional.empty();
  }

  private static Optional<GoVersionFile> readVersion(Root root, String path, List<String> problems) {
    String file = Root.join(path, "VERSION");
    if (!root.isRegularFile(file)) {
      problems.add("no " + file + ": the version can only be read from the go binary");
      return Optional.empty();
    }
    Optional<List<String>> lines = TextFiles.lines(root, file);
    if (lines.isEmpty() || lines.get().isEmpty() || lines.get().get(0).isBlank()) {
      problems.add(file + " is empty or unreadable");
      return Optional.empty();
    }
    List<String> all = lines.get();
    String first = all.get(0).strip();
    GoVersionFile version = new GoVersionFile(first, TextFiles.provenance(file, 0, all.get(0)), all.subList(1, all.size()));
    if (!version.isRelease()) {
      problems.add(file + " says '" + first + "', not a Go release version");
    }
    return Optional.of(version);
  }
}
