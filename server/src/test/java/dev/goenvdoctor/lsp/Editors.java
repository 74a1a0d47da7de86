package dev.goenvdoctor.lsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real editor's script (server/src/test/editors) against the server and returns what it printed. */
final class Editors {
  private Editors() {}

  /** The directory of the editor scripts: surefire runs in the module directory. */
  static Path scripts() {
    return Path.of(System.getProperty("user.dir")).resolve("src/test/editors");
  }

  record Run(int exitCode, String stdout, String stderr) {}

  static Run run(List<String> command, Map<String, String> env, Path workDir, int timeoutSeconds) throws IOException, InterruptedException {
    Path out = workDir.resolve("editor-stdout.txt");
    Path err = workDir.resolve("editor-stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
    }
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    return new Run(p.isAlive() ? -1 : p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
