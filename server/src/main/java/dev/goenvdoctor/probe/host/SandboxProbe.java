package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Detects Flatpak, snap, WSL, containers and toolbox/distrobox from marker files and variables. */
final class SandboxProbe {
  static final String FLATPAK_INFO = "/.flatpak-info";
  static final String WSL_CONF = "/etc/wsl.conf";
  static final String DOCKERENV = "/.dockerenv";
  static final String CONTAINERENV = "/run/.containerenv";
  static final String TOOLBOXENV = "/run/.toolboxenv";
  static final String PID1_CGROUP = "/proc/1/cgroup";
  private static final String DEFAULT_AUTOMOUNT_ROOT = "/mnt/";

  /** Substrings of /proc/1/cgroup lines that name a container manager (cgroup v1 paths). */
  private static final List<Map.Entry<String, String>> CGROUP_HINTS = List.of(
      Map.entry("/docker/", "docker"),
      Map.entry("/docker-", "docker"),
      Map.entry("/kubepods", "kubernetes"),
      Map.entry("/libpod-", "podman"),
      Map.entry("/lxc/", "lxc"),
      Map.entry("lxc.payload", "lxc"),
      Map.entry("/containerd", "containerd"));

  private SandboxProbe() {}

  static Sandboxes probe(Root root, Env env) {
    return new Sandboxes(flatpak(root, env), snap(env), wsl(root, env), container(root, env), toolbox(root, env));
  }

  static Sandboxes.Flatpak flatpak(Root root, Env env) {
    Optional<String> idEnv = env.get("FLATPAK_ID");
    List<String> sdkExtensions = env.get("FLATPAK_ENABLE_SDK_EXT")
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
    List<String> problems = new ArrayList<>();
    HostFile info = HostFile.small(root, FLATPAK_INFO);
    if (info.missing()) {
      idEnv.ifPresent(id -> problems.add("FLATPAK_ID=" + id + " is set but " + FLATPAK_INFO
          + " does not exist: the variable was inherited from outside a sandbox"));
      return new Sandboxes.Flatpak(false, Optional.empty(), Optional.empty(), idEnv, sdkExtensions, problems);
    }
    Optional<String> appId = Optional.empty();
    Optional<String> runtime = Optional.empty();
    if (info.readable()) {
      IniFile ini = IniFile.parse(FLATPAK_INFO, info.text().orElse(""));
      appId = ini.value("Application", "name");
      runtime = ini.value("Application", "runtime").or(() -> ini.value("Runtime", "runtime"));
      if (appId.isEmpty()) {
        problems.add(FLATPAK_INFO + " has no [Application] name=");
      }
      if (runtime.isEmpty()) {
        problems.add(FLATPAK_INFO + " names no runtime");
      }
    } else {
      problems.add(info.problem());
    }
    return new Sandboxes.Flatpak(true, appId, runtime, idEnv, sdkExtensions, problems);
  }

  static Sandboxes.Snap snap(Env env) {
    Optional<String> dir = env.get("SNAP");
    Optional<String> name = env.get("SNAP_NAME");
    return new Sandboxes.Snap(dir.isPresent() || name.isPresent(), name, env.get("SNAP_REVISION"), dir);
  }

  static Sandboxes.Wsl wsl(Root root, Env env) {
    List<String> evidence = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int generation = 0;
    for (String file : List.of(OsProbe.OSRELEASE, OsProbe.VERSION)) {
      Optional<String> text = HostFile.small(root, file).text().map(String::strip);
      if (text.isEmpty()) {
        continue;
      }
      String t = text.get();
      if (t.toLowerCase(Locale.ROOT).contains("microsoft") || t.contains("WSL")) {
        evidence.add(file + ": " + firstLine(t));
        if (generation == 0) {
          generation = generationOf(t);
        }
      }
    }
    Optional<String> distro = env.get("WSL_DISTRO_NAME");
    distro.ifPresent(d -> evidence.add("WSL_DISTRO_NAME=" + d));
    Optional<String> interop = env.get("WSL_INTEROP");
    interop.ifPresent(i -> evidence.add("WSL_INTEROP=" + i));

    Optional<Boolean> append = Optional.empty();
    Optional<Location> appendAt = Optional.empty();
    String automountRoot = DEFAULT_AUTOMOUNT_ROOT;
    HostFile conf = HostFile.small(root, WSL_CONF);
    if (conf.readable()) {
      IniFile ini = IniFile.parse(WSL_CONF, conf.text().orElse(""));
      Optional<IniFile.Entry> entry = ini.last("interop", "appendWindowsPath", true);
      if (entry.isPresent()) {
        appendAt = Optional.of(ini.locationOf(entry.get()));
        String v = entry.get().value().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
          append = Optional.of(v.equals("true"));
        } else {
          problems.add(appendAt.get().display() + ": appendWindowsPath=" + entry.get().value() + " is neither true nor false");
        }
      }
      Optional<String> mountRoot = ini.last("automount", "root", true).map(IniFile.Entry::value)
          .map(v -> v.replaceAll("^\"|\"$", "")).filter(v -> v.startsWith("/"));
      if (mountRoot.isPresent()) {
        automountRoot = mountRoot.get().endsWith("/") ? mountRoot.get() : mountRoot.get() + "/";
      }
    } else if (!conf.missing()) {
      problems.add(conf.problem());
    }

    List<String> windowsEntries = new ArrayList<>();
    for (String entry : env.get("PATH").orElse("").split(":")) {
      if (isWindowsEntry(entry, automountRoot)) {
        windowsEntries.add(entry);
      }
    }
    boolean detected = !evidence.isEmpty();
    return new Sandboxes.Wsl(detected, generation, evidence, distro, interop.isPresent(), append, appendAt,
        automountRoot, windowsEntries, problems);
  }

  /** 2 for {@code ...-microsoft-standard[-WSL2]} kernels, 1 for WSL1's {@code ...-Microsoft}, else 0. */
  static int generationOf(String kernelText) {
    if (kernelText.contains("WSL2") || kernelText.contains("microsoft-standard")) {
      return 2;
    }
    return kernelText.contains("-Microsoft") ? 1 : 0;
  }

  /** An entry such as {@code /mnt/c/Program Files/Go/bin}: a drive letter right under the automount root. */
  static boolean isWindowsEntry(String entry, String automountRoot) {
    if (!entry.startsWith(automountRoot) || entry.length() < automountRoot.length() + 1) {
      return false;
    }
    char drive = entry.charAt(automountRoot.length());
    boolean letter = (drive >= 'a' && drive <= 'z') || (drive >= 'A' && drive <= 'Z');
    int after = automountRoot.length() + 1;
    return letter && (entry.length() == after || entry.charAt(after) == '/');
  }

  static Sandboxes.Container container(Root root, Env env) {
    List<String> evidence = new ArrayList<>();
    String engine = null;
    String name = null;
    if (root.exists(DOCKERENV)) {
      evidence.add(DOCKERENV + " exists");
      engine = "docker";
    }
    HostFile containerenv = HostFile.small(root, CONTAINERENV);
    if (!containerenv.missing()) {
      evidence.add(CONTAINERENV + " exists");
      Map<String, String> kv = ShellStyleKeyValues.parse(containerenv.text().orElse(""));
      String declared = kv.getOrDefault("engine", "");
      if (!declared.isEmpty() && engine == null) {
        engine = declared.contains("-") ? declared.substring(0, declared.indexOf('-')) : declared;
      }
      name = Optional.ofNullable(kv.get("name")).filter(n -> !n.isEmpty()).orElse(null);
    }
    Optional<String> containerVar = env.get("container");
    // Flatpak sets container=flatpak: that sandbox is reported as Flatpak, not as a container.
    if (containerVar.isPresent() && !containerVar.get().equals("flatpak")) {
      evidence.add("container=" + containerVar.get() + " in the environment");
      if (engine == null) {
        engine = containerVar.get();
      }
    }
    Optional<Map.Entry<String, String>> hint = HostFile.small(root, PID1_CGROUP).text().flatMap(SandboxProbe::cgroupHint);
    if (hint.isPresent()) {
      evidence.add(PID1_CGROUP + " names " + hint.get().getKey() + ": " + hint.get().getValue());
      if (engine == null) {
        engine = hint.get().getKey();
      }
    }
    return new Sandboxes.Container(!evidence.isEmpty(), Optional.ofNullable(engine), Optional.ofNullable(name), evidence);
  }

  /** The first container manager named in PID 1's cgroup paths, with that line. */
  static Optional<Map.Entry<String, String>> cgroupHint(String cgroupText) {
    for (String line : cgroupText.split("\n")) {
      for (Map.Entry<String, String> hint : CGROUP_HINTS) {
        if (line.contains(hint.getKey())) {
          return Optional.of(Map.entry(hint.getValue(), shorten(line.strip())));
        }
      }
    }
    return Optional.empty();
  }

  static Sandboxes.Toolbox toolbox(Root root, Env env) {
    List<String> evidence = new ArrayList<>();
    Optional<String> containerId = env.get("CONTAINER_ID");
    boolean marker = root.exists(TOOLBOXENV);
    if (marker) {
      evidence.add(TOOLBOXENV + " exists");
    }
    containerId.ifPresent(id -> evidence.add("CONTAINER_ID=" + id));
    if (evidence.isEmpty()) {
      return new Sandboxes.Toolbox(false, Optional.empty(), Optional.empty(), evidence);
    }
    // distrobox-enter exports CONTAINER_ID=<name> (and its init also creates /run/.toolboxenv).
    if (containerId.isPresent()) {
      return new Sandboxes.Toolbox(true, Optional.of("distrobox"), containerId, evidence);
    }
    Optional<String> name = HostFile.small(root, CONTAINERENV).text()
        .map(ShellStyleKeyValues::parse).map(kv -> kv.get("name")).filter(n -> !n.isEmpty());
    return new Sandboxes.Toolbox(true, Optional.of("toolbox"), name, evidence);
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return shorten(nl < 0 ? text : text.substring(0, nl));
  }

  private static String shorten(String s) {
    return s.length() <= 160 ? s : s.substring(0, 160) + "...";
  }
}
