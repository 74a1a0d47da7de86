package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Builds a machine in a temp directory: files, executables, symlinks and Go trees at machine paths. */
final class Fixture {
  /** Not a script: the resolver must treat it as a binary. */
  static final String FAKE_ELF = "\u007fELF fake go binary\n";

  private final Path base;

  Fixture(Path base) {
    this.base = base;
  }

  Root root() {
    return Root.of(base);
  }

  Path host(String machinePath) {
    return base.resolve(machinePath.substring(1));
  }

  Fixture dir(String machinePath) {
    try {
      Files.createDirectories(host(machinePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Fixture file(String machinePath, String content) {
    Path p = host(machinePath);
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Fixture exec(String machinePath, String content) {
    file(machinePath, content);
    return mode(machinePath, "rwxr-xr-x");
  }

  Fixture mode(String machinePath, String permissions) {
    try {
      Files.setPosixFilePermissions(host(machinePath), PosixFilePermissions.fromString(permissions));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Fixture link(String machinePath, String target) {
    Path p = host(machinePath);
    try {
      Files.createDirectories(p.getParent());
      Files.createSymbolicLink(p, Path.of(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A release-shaped Go tree: bin/go, bin/gofmt, pkg/tool/linux_amd64, src/runtime, VERSION (if given). */
  Fixture goRoot(String dir, String versionFile) {
    exec(dir + "/bin/go", FAKE_ELF);
    exec(dir + "/bin/gofmt", FAKE_ELF);
    dir(dir + "/pkg/tool/linux_amd64");
    dir(dir + "/src/runtime");
    if (versionFile != null) {
      file(dir + "/VERSION", versionFile);
    }
    return this;
  }

  /** Copies a test resource from {@code goinstall/} to a machine path. */
  Fixture resource(String name, String machinePath, boolean executable) {
    try (InputStream in = Fixture.class.getResourceAsStream("/goinstall/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource goinstall/" + name);
      }
      file(machinePath, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return executable ? mode(machinePath, "rwxr-xr-x") : this;
  }
}
