package dev.goenvdoctor.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the class data sharing archive that ships next to the jar ({@code target/go-env-doctor.jsa}, used by
 * {@code bin/go-env-doctor}); the build runs it after the shade step. It records the classes that a
 * {@code report} and a {@code check} of a scenario, a {@code report --no-exec} of this machine and a language server
 * session (diagnostics, a code action, an edit, the report request) load, then has the JVM dump them into a static archive: a later start maps them, already parsed and
 * verified, instead of loading them from the jar.
 *
 * <p>The archive belongs to the JVM build that made it (the one running the build) and to this very jar (its
 * path, size and time): another JVM or a rebuilt jar ignores it and loads classes normally. The JVM does not
 * check that the file is whole (a truncated archive crashes a JDK 17 at start), so it is written under a
 * temporary name, checked with {@code -Xshare:on}, and only then moved into place. When anything fails the build
 * goes on without an archive: it is an optimisation, never a requirement.
 *
 * <p>Arguments: {@code JAVA JAR ARCHIVE SCENARIO_DIR WORK_DIR JVM_FLAG...}.
 */
final class CdsTraining {
  private static final long STEP_SECONDS = 120;

  private final String java;
  private final Path jar;
  private final Path work;
  private final List<String> flags;

  private CdsTraining(String java, Path jar, Path work, List<String> flags) {
    this.java = java;
    this.jar = jar;
    this.work = work;
    this.flags = flags;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: CdsTraining JAVA JAR ARCHIVE SCENARIO_DIR WORK_DIR [JVM_FLAG...]");
      System.exit(2);
    }
    Path archive = Path.of(args[2]);
    Files.deleteIfExists(archive); // an archive of an older jar is useless next to this one
    CdsTraining training = new CdsTraining(args[0], Path.of(args[1]), Path.of(args[4]), List.of(args).subList(5, args.length));
    try {
      long start = System.nanoTime();
      training.build(Path.of(args[3]), archive);
      System.out.printf("CDS archive %s (%d MB) in %.1f s%n", archive, Files.size(archive) >> 20, (System.nanoTime() - start) / 1e9);
    } catch (Exception | AssertionError e) {
      System.err.println();
      System.err.println("*** No CDS archive: " + e.getMessage() + " (details in " + training.work + "). go-env-doctor works"
          + " without it and starts slower. ***");
      System.err.println();
    }
    System.exit(0);
  }

  private void build(Path scenario, Path archive) throws Exception {
    deleteTree(work);
    Files.createDirectories(work);
    String workspace = Files.readString(scenario.resolve("workspace")).strip();
    List<String> machine = List.of("--root", scenario.resolve("root").toString(), "--env", scenario.resolve("env").toString(),
        "--workspace", workspace);
    Path reportList = record("report", join(List.of("report", "--no-exec"), machine));
    Path checkList = record("check", join(List.of("check", "--no-exec"), machine));
    // This machine itself, read only (--no-exec): the probes take other paths on the real root than in a scenario.
    Path hereList = record("report-here", List.of("report", "--no-exec", "--workspace", work.toString()));
    Path serveList = work.resolve("serve.classlist");
    serve(serveList);

    Set<String> classes = new LinkedHashSet<>();
    for (Path list : List.of(reportList, checkList, hereList, serveList)) {
      classes.addAll(Files.readAllLines(list));
    }
    Path classList = work.resolve("go-env-doctor.classlist");
    Files.write(classList, classes);

    Path temporary = work.resolve("go-env-doctor.jsa");
    run("dump", join(flags, List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList,
        "-XX:SharedArchiveFile=" + temporary, "-jar", jar.toString())), 0);
    // -Xshare:on fails instead of falling back when the archive cannot be mapped.
    Path version = run("check-archive", join(flags, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + temporary, "-jar",
        jar.toString(), "--version")), 0);
    if (!Files.readString(version).startsWith("go-env-doctor ")) {
      throw new IOException("the JVM with the new archive printed " + Files.readString(version));
    }
    Files.move(temporary, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Runs the jar with {@code args} and returns the list of the classes it loaded. */
  private Path record(String name, List<String> args) throws Exception {
    Path list = work.resolve(name + ".classlist");
    List<String> command = join(flags, List.of("-XX:DumpLoadedClassList=" + list, "-jar", jar.toString()));
    // 0: nothing found, 1: findings; both are a normal run.
    run(name, join(command, args), 0, 1);
    return list;
  }

  /** A language server session as an editor has it, on a scenario with a broken go.goroot in settings.json. */
  private void serve(Path list) throws Exception {
    LspScenario s = LspScenario.brokenGoroot(work.resolve("lsp"));
    List<String> command = join(join(List.of(java), flags), List.of("-XX:DumpLoadedClassList=" + list, "-jar", jar.toString(),
        "serve", "--stdio", "--root", s.rootDir.toString(), "--env", s.envFile().toString()));
    Process p = new ProcessBuilder(command).redirectError(work.resolve("serve.stderr").toFile()).start();
    try (RawConnection c = RawConnection.process(p)) {
      String settings = s.uri(LspScenario.SETTINGS);
      // A process id, as editors send it: the server's watcher of its editor is part of every real session.
      c.request(1, "initialize", "{\"processId\":" + ProcessHandle.current().pid() + ",\"rootUri\":\"" + s.uri(LspScenario.WORKSPACE)
          + "\",\"capabilities\":{\"workspace\":{\"workspaceEdit\":{\"documentChanges\":true}},\"window\":{\"workDoneProgress\":true}},"
          + "\"initializationOptions\":{\"trusted\":false}}");
      c.response(1);
      c.notify("initialized", "{}");
      JsonObject published = c.await(m -> isDiagnostics(m, settings), "diagnostics for " + settings);
      JsonArray diagnostics = published.getAsJsonObject("params").getAsJsonArray("diagnostics");
      c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + settings + "\",\"languageId\":\"jsonc\",\"version\":1,"
          + "\"text\":" + new com.google.gson.Gson().toJson(LspScenario.BROKEN_SETTINGS) + "}}");
      c.request(2, "textDocument/codeAction", "{\"textDocument\":{\"uri\":\"" + settings + "\"},\"range\":"
          + diagnostics.get(0).getAsJsonObject().get("range") + ",\"context\":{\"diagnostics\":" + diagnostics + "}}");
      c.response(2);
      c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + settings + "\",\"version\":2},\"contentChanges\":"
          + "[{\"text\":\"{\\n  \\\"go.goroot\\\": \\\"/nowhere\\\"\\n}\\n\"}]}");
      c.await(m -> isDiagnostics(m, settings) && m.getAsJsonObject("params").has("version")
          && m.getAsJsonObject("params").get("version").getAsInt() == 2, "diagnostics for the edited " + settings);
      c.request(3, "goEnvDoctor/report", null);
      c.response(3);
      c.request(4, "shutdown", null);
      c.response(4);
      c.notify("exit", null);
      if (!p.waitFor(STEP_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("the training server did not exit cleanly");
      }
    } finally {
      p.destroyForcibly();
    }
  }

  private static boolean isDiagnostics(JsonObject m, String uri) {
    return m.has("method") && m.get("method").getAsString().equals("textDocument/publishDiagnostics")
        && m.getAsJsonObject("params").get("uri").getAsString().equals(uri);
  }

  /** Runs java with {@code args}, its output in the work directory; returns the stdout file. */
  private Path run(String name, List<String> args, int... okCodes) throws Exception {
    Path out = work.resolve(name + ".out");
    List<String> command = join(List.of(java), args);
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(work.resolve(name + ".stderr").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    if (!p.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(name + " did not finish within " + STEP_SECONDS + " s");
    }
    for (int ok : okCodes) {
      if (p.exitValue() == ok) {
        return out;
      }
    }
    throw new IOException(name + " exited with " + p.exitValue() + ": " + String.join(" ", command));
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
