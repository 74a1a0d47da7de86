package dev.goenvdoctor.probe.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Copies a scenario from {@code src/test/resources/host/<name>} into a temp dir (see its README). */
final class Scenarios {
  private Scenarios() {}

  /** Copies {@code <name>/root} into {@code dest} and returns {@code dest}. */
  static Path root(String name, Path dest) {
    Path source = resource(name).resolve("root");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = dest.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dest;
  }

  /** The scenario's {@code env} file: {@code KEY=VALUE} lines split at the first {@code =}. */
  static Map<String, String> env(String name) {
    Map<String, String> env = new HashMap<>();
    try {
      for (String line : Files.readAllLines(resource(name).resolve("env"))) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          env.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return env;
  }

  private static Path resource(String name) {
    URL url = Scenarios.class.getResource("/host/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no scenario host/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
