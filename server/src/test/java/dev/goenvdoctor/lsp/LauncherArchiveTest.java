package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/go-env-doctor with a class data sharing archive next to the jar that does not fit (garbage, empty, made for
 * another jar, older than the jar): the tool still works, and stdout, the language server's channel, carries
 * nothing but its output. The jar here is built from the compiled classes (the shaded one exists only after the
 * package phase), with its dependencies on its manifest's Class-Path.
 */
class LauncherArchiveTest {
  private static final Path LAUNCHER = Path.of(System.getProperty("user.dir")).resolve("../bin/go-env-doctor").normalize();

  @TempDir Path tmp;
  private Path jar;
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void buildJar() throws Exception {
    jar = tmp.resolve("dist/go-env-doctor.jar");
    writeJar(jar);
  }

  @AfterEach
  void killWhatIsLeft() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void garbageInTheArchiveIsIgnored() throws Exception {
    byte[] garbage = new byte[64 * 1024];
    new Random(7).nextBytes(garbage);
    Files.write(archive(), garbage);
    assertVersionOnly(launch("--version"));
  }

  @Test
  void anEmptyArchiveIsIgnored() throws Exception {
    Files.write(archive(), new byte[0]);
    assertVersionOnly(launch("--version"));
  }

  @Test
  void anArchiveOfAnotherJarWarnsOnStderrAndTheServerSpeaksCleanJsonRpc() throws Exception {
    archiveOfAnotherJar();
    Result version = launch("--version");
    assertVersionOnly(version);
    assertTrue(version.err.contains("shared archive"), "the JVM's warning went to stderr: " + version.err);

    LspScenario s = LspScenario.brokenGoroot(tmp.resolve("scenario"));
    Process p = start(List.of("serve", "--stdio", "--root", s.rootDir.toString(), "--env", s.envFile().toString()),
        tmp.resolve("serve.stderr"));
    try (RawConnection c = RawConnection.process(p)) {
      c.request(1, "initialize", "{\"processId\":null,\"rootUri\":\"" + s.uri(LspScenario.WORKSPACE) + "\",\"capabilities\":{}}");
      c.response(1);
      c.notify("initialized", "{}");
      c.await(m -> m.has("method") && m.get("method").getAsString().equals("textDocument/publishDiagnostics")
          && m.getAsJsonObject("params").get("uri").getAsString().equals(s.uri(LspScenario.SETTINGS)), "diagnostics");
      c.request(2, "shutdown", null);
      c.response(2);
      c.notify("exit", null);
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the server exits");
      assertEquals(0, p.exitValue());
      assertFalse(c.received().stream().anyMatch(m -> m.has("streamError")), "every byte on stdout was JSON-RPC: " + c.received());
    }
    assertTrue(Files.readString(tmp.resolve("serve.stderr")).contains("shared archive"), "the warning went to stderr");
  }

  @Test
  void anArchiveOlderThanTheJarIsNotTried() throws Exception {
    archiveOfAnotherJar();
    Files.setLastModifiedTime(archive(), FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
    Result version = launch("--version");
    assertVersionOnly(version);
    assertFalse(version.err.contains("shared archive"), "the launcher left the archive out: " + version.err);
  }

  /** Puts next to the jar an archive the JVM dumped for a copy of it (same classes, another file). */
  private void archiveOfAnotherJar() throws Exception {
    Path other = tmp.resolve("other/go-env-doctor.jar");
    writeJar(other);
    Path otherArchive = tmp.resolve("other/go-env-doctor.jsa");
    Process dump = new ProcessBuilder(ServerProcess.java(), "-XX:ArchiveClassesAtExit=" + otherArchive, "-jar", other.toString(),
        "--version").redirectErrorStream(true).redirectOutput(tmp.resolve("dump.log").toFile()).start();
    started.add(dump);
    assertTrue(dump.waitFor(60, TimeUnit.SECONDS) && dump.exitValue() == 0, Files.readString(tmp.resolve("dump.log")));
    assertTrue(Files.size(otherArchive) > 0, "the JVM dumped an archive: " + Files.readString(tmp.resolve("dump.log")));
    Files.copy(otherArchive, archive());
  }

  private Path archive() {
    return jar.resolveSibling("go-env-doctor.jsa");
  }

  private static void assertVersionOnly(Result r) {
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.matches("go-env-doctor \\S+\\n"), "stdout is the version and nothing else: [" + r.out + "] stderr: " + r.err);
  }

  private record Result(int code, String out, String err) {}

  private Result launch(String... args) throws Exception {
    Path out = tmp.resolve("launch.out");
    Path err = tmp.resolve("launch.err");
    ProcessBuilder pb = launcher(List.of(args)).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    started.add(p);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher finished");
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Process start(List<String> args, Path stderr) throws IOException {
    Process p = launcher(args).redirectError(stderr.toFile()).start();
    started.add(p);
    return p;
  }

  private ProcessBuilder launcher(List<String> args) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", LAUNCHER.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("GO_ENV_DOCTOR_JAR", jar.toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    return pb;
  }

  /**
   * A jar of the main classes whose manifest names the entry point and, relative to the jar, every jar of the test
   * classpath (class data sharing archives only jars, never directories).
   */
  private static void writeJar(Path target) throws Exception {
    Path classes = Path.of(dev.goenvdoctor.cli.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> classPath = new ArrayList<>();
    for (String entry : ServerProcess.classpath().split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath();
      if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        classPath.add(new URI(null, null, target.getParent().toAbsolutePath().relativize(p).toString(), null).getRawPath());
      }
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.goenvdoctor.cli.Main");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "test");
    Files.createDirectories(target.getParent());
    try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString()));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }
}
