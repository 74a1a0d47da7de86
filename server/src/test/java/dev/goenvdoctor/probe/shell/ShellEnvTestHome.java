package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.Executor;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A temporary HOME with startup files, and the probe runs the tests make in it. */
final class ShellEnvTestHome {
  private final Path home;

  ShellEnvTestHome(Path home) {
    this.home = home;
  }

  Path path() {
    return home;
  }

  /** Writes {@code relativePath} (such as ".bashrc" or ".config/fish/config.fish") under HOME. */
  ShellEnvTestHome write(String relativePath, String content) {
    try {
      Path file = home.resolve(relativePath);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a file from src/test/resources/shellenv/ to {@code relativePath} under HOME. */
  ShellEnvTestHome copyResource(String resource, String relativePath) {
    try (InputStream in = ShellEnvTestHome.class.getResourceAsStream("/shellenv/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource shellenv/" + resource);
      }
      return write(relativePath, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ShellEnvTestHome mkdir(String relativePath) {
    try {
      Files.createDirectories(home.resolve(relativePath));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base environment of a fresh session for a user whose HOME is this directory. */
  Map<String, String> session(String shell) {
    return SessionEnvironment.from(
        Map.of("HOME", home.toString(), "USER", "tester", "LOGNAME", "tester", "SHELL", shell, "LANG", "C.UTF-8",
            "PATH", "/editor/only/bin:/usr/bin:/bin"),
        Map.of());
  }

  ShellEnvRequest request(String shell, ShellMode mode, Duration timeout) {
    return new ShellEnvRequest(shell, mode, session(shell), home.toString(), timeout);
  }

  ShellEnvResult probe(String shell, ShellMode mode) throws InterruptedException {
    return new ShellEnvProbe(new ProcessExecutor()).probe(request(shell, mode, ShellEnvRequest.DEFAULT_TIMEOUT));
  }

  /** An executor that remembers the last raw result, to look at what the shell printed. */
  static final class Recording implements Executor {
    private final Executor delegate = new ProcessExecutor();
    final AtomicReference<ExecResult> last = new AtomicReference<>();

    @Override
    public ExecResult run(ExecRequest request) throws InterruptedException {
      ExecResult result = delegate.run(request);
      last.set(result);
      return result;
    }
  }
}
