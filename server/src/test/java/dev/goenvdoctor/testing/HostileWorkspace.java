package dev.goenvdoctor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real machine state under a temp directory for the trust and toolchain tests: a HOME with a plain
 * {@code .profile}, an editor environment file, workspaces whose files may name binaries, scripts inside a
 * workspace that leave a marker file when run (and then run the apt Go 1.19, so a trusted run works), and a fake
 * {@code go} outside every workspace that appends its argv, cwd and environment to a record file.
 */
public final class HostileWorkspace {
  /** The real go the scripts hand over to (apt Go 1.19). */
  public static final String REAL_GO = "/usr/lib/go-1.19/bin/go";

  public final Path dir;
  public final Path home;
  public final Path markers;
  public final Path records;
  private final Map<String, String> env = new LinkedHashMap<>();

  /** Returns a hostile machine in {@code dir}, after checking (loudly skipping without) the real bash and go it runs. */
  public static HostileWorkspace withRealTools(Path dir) {
    TestTools.systemFile("/usr/bin/bash");
    TestTools.systemFile(REAL_GO);
    return new HostileWorkspace(dir);
  }

  public HostileWorkspace(Path dir) {
    this.dir = dir;
    this.home = mkdirs(dir.resolve("home"));
    this.markers = mkdirs(dir.resolve("markers"));
    this.records = dir.resolve("go-calls.txt");
    write(home.resolve(".profile"), "export FROM_PROFILE=1\n");
    env.putAll(Map.of("HOME", home.toString(), "USER", "u", "LOGNAME", "u", "SHELL", "/usr/bin/bash", "LANG", "C.UTF-8",
        "PATH", "/usr/bin:/bin"));
  }

  /** Sets (or replaces) one variable of the editor's environment. */
  public HostileWorkspace env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public String env(String name) {
    return env.get(name);
  }

  /** Writes the editor environment as KEY=VALUE lines, for --env. */
  public Path envFile() {
    Path file = dir.resolve("editor.env");
    StringBuilder lines = new StringBuilder();
    env.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
    write(file, lines.toString());
    return file;
  }

  public Map<String, String> environment() {
    return Map.copyOf(env);
  }

  /** A workspace folder {@code name} with a go.mod of {@code goMod}. */
  public Path workspace(String name, String goMod) {
    Path ws = mkdirs(dir.resolve(name));
    write(ws.resolve("go.mod"), goMod);
    return ws;
  }

  /** Writes {@code relative} under {@code folder}. */
  public Path file(Path folder, String relative, String text) {
    Path p = folder.resolve(relative);
    mkdirs(p.getParent());
    write(p, text);
    return p;
  }

  /** An executable script at {@code relative} under {@code folder} that creates markers/{@code marker} and then runs the real go. */
  public Path markerScript(Path folder, String relative, String marker) {
    Path script = file(folder, relative, "#!/bin/sh\n: > '" + markers.resolve(marker) + "'\nexec " + REAL_GO + " \"$@\"\n");
    executable(script);
    return script;
  }

  /** The markers left so far: the names of the scripts that ran. */
  public List<String> markersLeft() {
    try (Stream<Path> files = Files.list(markers)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fake go installation outside every workspace ({@code <dir>/fakego}, with VERSION and pkg/tool like a real
   * GOROOT) whose bin/go appends one record per call to {@link #records} and prints go env JSON. Returns its bin dir.
   */
  public Path recordingGo() {
    Path root = mkdirs(dir.resolve("fakego"));
    write(root.resolve("VERSION"), "go1.23.0\ntime 2024-08-13T15:50:00Z\n");
    mkdirs(root.resolve("pkg/tool/linux_amd64"));
    Path go = file(root, "bin/go", "#!/bin/sh\n"
        + "{ echo 'call'; echo \"cwd=$(pwd)\"; for a in \"$@\"; do echo \"arg=$a\"; done; env | sed 's/^/env:/'; echo 'end'; } >> '"
        + records + "'\n"
        + "printf '{\"GOROOT\": \"%s\", \"GOVERSION\": \"go1.23.0\", \"GOTOOLCHAIN\": \"%s\"}\\n' '" + root + "' \"$GOTOOLCHAIN\"\n");
    executable(go);
    return root.resolve("bin");
  }

  /** One call of the recording go. */
  public record GoCall(String cwd, List<String> argv, Map<String, String> env) {}

  /** The calls the recording go saw, in order. */
  public List<GoCall> goCalls() {
    List<GoCall> calls = new ArrayList<>();
    if (!Files.exists(records)) {
      return calls;
    }
    String cwd = null;
    List<String> argv = null;
    Map<String, String> callEnv = null;
    try {
      for (String line : Files.readAllLines(records)) {
        if (line.equals("call")) {
          cwd = null;
          argv = new ArrayList<>();
          callEnv = new LinkedHashMap<>();
        } else if (line.equals("end") && argv != null) {
          calls.add(new GoCall(cwd, List.copyOf(argv), Map.copyOf(callEnv)));
          argv = null;
        } else if (line.startsWith("cwd=")) {
          cwd = line.substring(4);
        } else if (line.startsWith("arg=") && argv != null) {
          argv.add(line.substring(4));
        } else if (line.startsWith("env:") && callEnv != null && line.indexOf('=') > 4) {
          callEnv.put(line.substring(4, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return calls;
  }

  private static void executable(Path p) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path mkdirs(Path p) {
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path p, String text) {
    try {
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
