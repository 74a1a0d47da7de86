package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.probe.Root;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** A machine state as a directory: copied from test resources or written by the test, then simulated. */
final class StartupScenario {
  final Path dir;
  final Map<String, String> env = new HashMap<>();
  int uid = 1000;

  private StartupScenario(Path dir) {
    this.dir = dir;
    env.put("HOME", "/home/u");
    env.put("USER", "u");
    env.put("LOGNAME", "u");
    env.put("PATH", "/usr/bin:/bin");
  }

  static StartupScenario empty(Path tmp) {
    return new StartupScenario(tmp);
  }

  /** Copies {@code startup/<name>/root} from the test resources. */
  static StartupScenario copy(String name, Path tmp) {
    try {
      Path source = Path.of(StartupScenario.class.getResource("/startup/" + name + "/root").toURI());
      try (Stream<Path> all = Files.walk(source)) {
        for (Path p : all.toList()) {
          Path target = tmp.resolve(source.relativize(p).toString());
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return new StartupScenario(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  StartupScenario write(String machinePath, String text) {
    try {
      Path p = dir.resolve(machinePath.substring(1));
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  StartupScenario writeBytes(String machinePath, byte[] bytes) {
    try {
      Path p = dir.resolve(machinePath.substring(1));
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  StartupScenario executable(String machinePath) {
    write(machinePath, "#!/bin/sh\n");
    try {
      Files.setPosixFilePermissions(dir.resolve(machinePath.substring(1)),
          PosixFilePermissions.fromString("rwxr-xr-x"));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  StartupScenario mkdir(String machinePath) {
    try {
      Files.createDirectories(dir.resolve(machinePath.substring(1)));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(String machinePath) {
    try {
      return Files.readString(dir.resolve(machinePath.substring(1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  StartupScenario env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Root root() {
    return Root.of(dir);
  }

  StaticShellResult run(ShellKind kind, ShellMode mode) {
    return StaticShellEvaluator.evaluate(StaticShellRequest.of(root(), kind, mode, env).withUid(uid));
  }

  /** The 0-based line of the first line containing {@code text} in a file of the scenario. */
  int lineOf(String machinePath, String text) {
    String[] lines = read(machinePath).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(text)) {
        return i;
      }
    }
    throw new AssertionError(text + " not in " + machinePath);
  }
}
