package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the host facts Go depends on: mounts (noexec temp dirs), ownership of Go's directories,
 * sandboxes (Flatpak, snap, WSL, containers, toolbox), SELinux/AppArmor, identity and distribution.
 * Every file is read through the {@link Root}; nothing is executed. Never throws for bad or hostile
 * input: each piece that cannot be read is reported as unknown with the reason.
 *
 * <p>A scenario root states what only a live process could tell, in the files the kernel would show:
 * its effective uid in {@code /proc/self/status} ({@code Uid:} line; else {@code EUID}/{@code UID} in
 * the environment map, else the owner of HOME) and its machine in {@code /proc/sys/kernel/arch} (as
 * {@code uname -m} prints it). On {@link Root#system()} the uid is this process's (its /proc/self/status, else geteuid()) and GOARCH from
 * the JVM's {@code os.arch}.
 */
public final class HostProbe {
  private HostProbe() {}

  /**
   * Returns the host facts.
   *
   * @param root the machine ({@link Root#system()}) or a scenario directory
   * @param env the environment of the process being explained (the editor's); null means empty
   * @param home the HOME to check; null or blank falls back to {@code HOME} in {@code env}
   * @param dirs directories to check by variable name (GOPATH, GOMODCACHE, GOCACHE, GOTMPDIR, TMPDIR,
   *     as {@code go env} reports them); GOPATH may hold several entries separated by {@code :}. The
   *     GOTMPDIR and TMPDIR given here win over {@code env} when choosing Go's build temp dir. Results
   *     come sorted by name. Null means none.
   * @throws NullPointerException only when {@code root} is null (a caller bug, not bad input)
   */
  public static HostFacts probe(Root root, Map<String, String> env, String home, Map<String, String> dirs) {
    Objects.requireNonNull(root, "root");
    Env vars = new Env(env);
    Map<String, String> asked = new TreeMap<>();
    if (dirs != null) {
      dirs.forEach((k, v) -> {
        if (k != null && v != null && !v.isBlank()) {
          asked.put(k, v.strip());
        }
      });
    }
    Optional<String> homeDir = Optional.ofNullable(home).filter(h -> !h.isBlank()).or(() -> vars.get("HOME"));

    Users users = guard(() -> Users.read(root), e -> Users.none());
    Identity identity = guard(() -> IdentityProbe.probe(root, vars, homeDir, users),
        e -> new Identity(OptionalInt.empty(), "none", Optional.empty(), homeDir, OptionalInt.empty(), Optional.empty(),
            vars.get("SUDO_USER"), vars.get("SUDO_UID"), List.of("identity unknown: " + e)));
    OsInfo os = guard(() -> OsProbe.probe(root, System.getProperty("os.arch")),
        e -> new OsInfo(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), "none", List.of("distribution unknown: " + e)));
    MountTable mounts = guard(() -> MountProbe.read(root),
        e -> new MountTable(List.of(), List.of("mounts unknown: " + e)));
    List<BuildTempDir> temps = guard(() -> buildTempDirs(root, mounts, vars, asked),
        e -> List.of());
    List<DirFacts> dirFacts = new ArrayList<>();
    asked.forEach((name, value) -> {
      List<String> paths = name.equals("GOPATH") ? List.of(value.split(":")) : List.of(value);
      for (String path : paths) {
        if (!path.isEmpty()) {
          dirFacts.add(guard(() -> DirProbe.probe(root, mounts, users, identity.effectiveUid(), name, path),
              e -> unknownDir(name, path, e)));
        }
      }
    });
    Sandboxes sandboxes = guard(() -> SandboxProbe.probe(root, vars),
        e -> new Sandboxes(
            new Sandboxes.Flatpak(false, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of("Flatpak state unknown: " + e)),
            new Sandboxes.Snap(false, Optional.empty(), Optional.empty(), Optional.empty()),
            new Sandboxes.Wsl(false, 0, List.of(), Optional.empty(), false, Optional.empty(), Optional.empty(), "/mnt/",
                List.of(), List.of("WSL state unknown: " + e)),
            new Sandboxes.Container(false, Optional.empty(), Optional.empty(), List.of()),
            new Sandboxes.Toolbox(false, Optional.empty(), Optional.empty(), List.of())));
    Mac mac = guard(() -> MacProbe.probe(root),
        e -> new Mac(new Mac.Selinux(Mac.SelinuxMode.UNKNOWN, e),
            new Mac.AppArmor(Mac.AppArmorState.UNKNOWN, Optional.empty(), Optional.empty(), e)));
    return new HostFacts(identity, os, mounts, temps, dirFacts, sandboxes, mac);
  }

  /**
   * Returns the mount a path lives on, after following its symlinks inside {@code root}; for the
   * mounts of {@link HostFacts#mounts()}, e.g. to ask whether a GOROOT's {@code bin} is on a noexec mount.
   */
  public static PathMount mountOf(Root root, MountTable mounts, String path) {
    try {
      return MountProbe.pathMount(root, mounts, path);
    } catch (RuntimeException e) {
      return new PathMount(path, path, Optional.empty(), "internal error: " + e);
    }
  }

  /** GOTMPDIR, else TMPDIR, else /tmp: the order cmd/go and os.TempDir use for the build work dir. */
  static List<BuildTempDir> buildTempDirs(Root root, MountTable mounts, Env env, Map<String, String> asked) {
    Optional<String> gotmp = Optional.ofNullable(asked.get("GOTMPDIR")).or(() -> env.get("GOTMPDIR"));
    Optional<String> tmpdir = Optional.ofNullable(asked.get("TMPDIR")).or(() -> env.get("TMPDIR"));
    List<BuildTempDir> out = new ArrayList<>();
    gotmp.ifPresent(p -> out.add(tempDir(root, mounts, Optional.of("GOTMPDIR"), p, true)));
    tmpdir.ifPresent(p -> out.add(tempDir(root, mounts, Optional.of("TMPDIR"), p, gotmp.isEmpty())));
    out.add(tempDir(root, mounts, Optional.empty(), "/tmp", gotmp.isEmpty() && tmpdir.isEmpty()));
    return out;
  }

  private static BuildTempDir tempDir(Root root, MountTable mounts, Optional<String> variable, String path, boolean used) {
    List<String> problems = new ArrayList<>();
    String label = variable.map(v -> v + "=" + path).orElse(path);
    if (!path.startsWith("/") && path.indexOf('\0') < 0) {
      String why = label + " is relative: the go command resolves it against its working directory";
      problems.add(why);
      return new BuildTempDir(variable, path, false, used, new PathMount(path, path, Optional.empty(), why), problems);
    }
    PathMount mount = mountOf(root, mounts, path);
    if (!mount.problem().isEmpty()) {
      problems.add(label + ": " + mount.problem());
    }
    boolean exists = MountProbe.badPath(path).isEmpty() && root.isDirectory(path);
    if (!exists) {
      problems.add(label + " is not an existing directory");
    }
    return new BuildTempDir(variable, path, exists, used, mount, problems);
  }

  private static DirFacts unknownDir(String name, String path, String error) {
    return new DirFacts(name, path, false, false, path, OptionalInt.empty(), Optional.empty(), Tristate.UNKNOWN,
        Tristate.UNKNOWN, error, new PathMount(path, path, Optional.empty(), error), List.of(error));
  }

  /** Runs one piece; a bug or a surprise in it becomes that piece's "unknown", never the caller's exception. */
  private static <T> T guard(Supplier<T> piece, Function<String, T> unknown) {
    try {
      return piece.get();
    } catch (RuntimeException e) {
      return unknown.apply("internal error: " + e);
    }
  }
}
