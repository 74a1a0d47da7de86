package dev.goenvdoctor.testing;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.FixtureGo;
import dev.goenvdoctor.probe.exec.RefusingExecutor;
import dev.goenvdoctor.rules.Rule;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.snapshot.SnapshotBuilder;
import dev.goenvdoctor.snapshot.SnapshotRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine state built in a temp directory for a test, read the way {@code --root} reads one (nothing
 * runs). Starts as a fresh Ubuntu 22.04 account {@code u} with Debian's skel files, an
 * {@code /etc/environment}, and a workspace {@code /home/u/proj} whose go.mod says {@code go 1.22}.
 * Paths are machine paths. Example:
 * <pre>
 *   Snapshot s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
 *       .append("/home/u/.bashrc", "export PATH=$PATH:/usr/local/go/bin\n").snapshot();
 * </pre>
 */
public final class Scenario {
  public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin";

  private final Root root;
  private final Map<String, String> env = new LinkedHashMap<>();
  private String workspace = "/home/u/proj";

  private Scenario(Path dir) {
    this.root = Root.of(dir);
  }

  public static Scenario empty(Path dir) {
    return new Scenario(dir);
  }

  public static Scenario ubuntu(Path dir) {
    Scenario s = new Scenario(dir)
        .file("/etc/environment", "PATH=\"" + DEFAULT_PATH + "\"\n")
        .file("/etc/os-release", "NAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nID=ubuntu\nPRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\n")
        .file("/proc/sys/kernel/arch", "x86_64\n")
        .file("/home/u/.profile", read("/etc/skel/.profile"))
        .file("/home/u/.bashrc", read("/etc/skel/.bashrc"))
        .file("/home/u/proj/go.mod", "module example.com/proj\n\ngo 1.22\n");
    s.env.putAll(Map.of("HOME", "/home/u", "USER", "u", "LOGNAME", "u", "SHELL", "/bin/bash", "LANG", "C.UTF-8", "PATH", DEFAULT_PATH));
    return s;
  }

  public Root root() {
    return root;
  }

  public Path host(String machinePath) {
    return root.hostPath(machinePath);
  }

  public Scenario file(String machinePath, String text) {
    try {
      Path p = host(machinePath);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Scenario append(String machinePath, String text) {
    try {
      Path p = host(machinePath);
      Files.createDirectories(p.getParent());
      Files.writeString(p, Files.exists(p) ? Files.readString(p) + text : text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Scenario executable(String machinePath, byte[] content) {
    try {
      Path p = host(machinePath);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Scenario symlink(String machinePath, String target) {
    try {
      Path p = host(machinePath);
      Files.createDirectories(p.getParent());
      Files.deleteIfExists(p);
      Files.createSymbolicLink(p, Path.of(target));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Scenario dir(String machinePath) {
    try {
      Files.createDirectories(host(machinePath));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Go tree at {@code dir}: bin/go (an ELF file with the build info of {@code version}), VERSION, pkg/tool, src/runtime. */
  public Scenario goRoot(String dir, String version) {
    return executable(dir + "/bin/go", FixtureGo.image(version))
        .file(dir + "/VERSION", version + "\ntime 2024-01-01T00:00:00Z\n")
        .file(dir + "/pkg/tool/linux_amd64/.keep", "")
        .file(dir + "/src/runtime/.keep", "");
  }

  /** Ubuntu's apt layout: /usr/lib/go-X.Y with /usr/bin/go and /usr/lib/go symlinks, owned by dpkg. */
  public Scenario aptGo(String minor, String version) {
    String dir = "/usr/lib/go-" + minor;
    return goRoot(dir, version)
        .symlink("/usr/bin/go", "../lib/go-" + minor + "/bin/go")
        .symlink("/usr/lib/go", "go-" + minor)
        .file("/var/lib/dpkg/info/golang-" + minor + "-go.list", "/.\n/usr\n/usr/lib\n" + dir + "\n" + dir + "/bin\n" + dir + "/bin/go\n");
  }

  /** A Go tool binary (gopls, dlv) built with {@code goVersion}. */
  public Scenario goTool(String machinePath, String goVersion, String mainPath) {
    return executable(machinePath, FixtureGo.image(goVersion, mainPath));
  }

  public Scenario env(String key, String value) {
    if (value == null) {
      env.remove(key);
    } else {
      env.put(key, value);
    }
    return this;
  }

  public Scenario workspace(String machinePath) {
    this.workspace = machinePath;
    return this;
  }

  public String workspace() {
    return workspace;
  }

  /** The snapshot, read without running anything. */
  public Snapshot snapshot() {
    return SnapshotBuilder.withDaemonThreads(new RefusingExecutor()).build(new SnapshotRequest(root, env, LayerSource.ENV_FILE,
        List.of(workspace), false, false, Duration.ofSeconds(1)));
  }

  public List<Finding> findings(Rule rule) {
    return rule.check(snapshot());
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
