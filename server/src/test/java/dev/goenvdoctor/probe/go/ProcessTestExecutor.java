package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.Executor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A plain ProcessBuilder executor for this package's tests (the production executor lives in
 * another package): complete environment, no stdin, output to temp files, descendants killed on
 * timeout.
 */
final class ProcessTestExecutor implements Executor {
  int runs;

  @Override
  public ExecResult run(ExecRequest request) throws InterruptedException {
    runs++;
    long start = System.nanoTime();
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("goenv-out", ".txt");
      err = Files.createTempFile("goenv-err", ".txt");
      ProcessBuilder pb = new ProcessBuilder(request.command());
      pb.environment().clear();
      pb.environment().putAll(request.environment());
      pb.directory(new File(request.workingDirectory()));
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.redirectOutput(out.toFile());
      pb.redirectError(err.toFile());
      Process process;
      try {
        process = pb.start();
      } catch (IOException e) {
        return new ExecResult(-1, new byte[0], "", false, false, since(start), Optional.of(e.getMessage()));
      }
      boolean done = process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
      }
      byte[] stdout;
      boolean truncated;
      try (InputStream in = Files.newInputStream(out)) {
        stdout = in.readNBytes(request.maxStdoutBytes());
        truncated = in.read() >= 0;
      }
      String stderr;
      try (InputStream in = Files.newInputStream(err)) {
        stderr = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      }
      return new ExecResult(done ? process.exitValue() : -1, stdout, stderr, !done, truncated, since(start), Optional.empty());
    } catch (IOException e) {
      return new ExecResult(-1, new byte[0], "", false, false, since(start), Optional.of(e.toString()));
    } finally {
      delete(out);
      delete(err);
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a leftover temp file is harmless
      }
    }
  }
}
