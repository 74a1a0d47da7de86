package dev.goenvdoctor.bench;

import com.google.gson.JsonObject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Start-up of the shipped server as a user's editor starts it: {@code bin/go-env-doctor serve --stdio} (the
 * launcher, so its JVM flags and class data sharing archive count), timed from process start to the first
 * {@code publishDiagnostics}, with the resident memory read from {@code /proc/<pid>/status} at that moment.
 * The floor is a hello-world main started by the same launcher (same flags, no archive).
 */
final class ColdStartBench {
  /** Times to the first publish, and RSS in MiB then; refined figures when the shell probe ran (else null). */
  record Result(Samples firstPublish, Samples rssAtFirstPublish, Samples refined, Samples rssAfterRefinement) {}

  private final Path launcher;
  private final Path tmp;

  ColdStartBench(Path launcher, Path tmp) {
    this.launcher = launcher;
    this.tmp = tmp;
  }

  /** A jar with a hello-world main, compiled now, for the launcher's own floor. */
  Path helloJar() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("hello-src"));
    Files.writeString(src.resolve("Hello.java"), "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null || javac.run(null, null, null, "--release", "17", "-d", src.toString(), src.resolve("Hello.java").toString()) != 0) {
      throw new IOException("cannot compile the hello-world floor (a JDK is needed, not a JRE)");
    }
    Path jar = tmp.resolve("hello.jar");
    java.util.jar.Manifest manifest = new java.util.jar.Manifest();
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, "Hello");
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new java.util.jar.JarEntry("Hello.class"));
      out.write(Files.readAllBytes(src.resolve("Hello.class")));
      out.closeEntry();
    }
    return jar;
  }

  /** The launcher running {@code jar} (its {@code GO_ENV_DOCTOR_JAR} switch) to its exit. */
  Samples helloWorld(Path jar, Map<String, String> env, int warmup, int runs) {
    return Samples.measure(warmup, runs, () -> {
      ProcessBuilder pb = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
      pb.environment().clear();
      pb.environment().putAll(env);
      pb.environment().put("GO_ENV_DOCTOR_JAR", jar.toString());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (p.waitFor() != 0 || !out.equals("hello")) {
        throw new IOException("hello-world through the launcher failed: " + out);
      }
      return out;
    });
  }

  /**
   * Starts {@code serve --stdio args} {@code runs} times (after {@code warmup} untimed starts) with {@code env};
   * waits for the end of the shell probe too when {@code refined}.
   */
  Result serve(List<String> args, Map<String, String> env, boolean refined, int warmup, int runs) throws IOException {
    List<Double> first = new ArrayList<>();
    List<Double> rssFirst = new ArrayList<>();
    List<Double> done = new ArrayList<>();
    List<Double> rssDone = new ArrayList<>();
    for (int i = 0; i < warmup + runs; i++) {
      double[] r = once(args, env, refined);
      if (i >= warmup) {
        first.add(r[0]);
        rssFirst.add(r[1]);
        if (refined) {
          done.add(r[2]);
          rssDone.add(r[3]);
        }
      }
    }
    return new Result(Samples.of(first), Samples.of(rssFirst), refined ? Samples.of(done) : null,
        refined ? Samples.of(rssDone) : null);
  }

  private double[] once(List<String> args, Map<String, String> env, boolean refined) throws IOException {
    List<String> command = new ArrayList<>(List.of(launcher.toString(), "serve", "--stdio"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().clear();
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    try {
      OutputStream in = p.getOutputStream();
      InputStream out = new BufferedInputStream(p.getInputStream());
      in.write(Rpc.frame(Rpc.initialize(1, null, null)));
      in.flush();
      await(out, in, m -> isResponse(m, 1));
      in.write(Rpc.frame(Rpc.notification("initialized", null)));
      in.flush();
      await(out, in, m -> Rpc.method(m).equals("textDocument/publishDiagnostics"));
      double firstMs = (System.nanoTime() - start) / 1e6;
      double firstRss = rssMiB(p.pid());
      double doneMs = 0;
      double doneRss = 0;
      if (refined) {
        await(out, in, Rpc::isProgressEnd);
        doneMs = (System.nanoTime() - start) / 1e6;
        doneRss = rssMiB(p.pid());
      }
      in.write(Rpc.frame(Rpc.request(2, "shutdown", null)));
      in.flush();
      await(out, in, m -> isResponse(m, 2));
      in.write(Rpc.frame(Rpc.notification("exit", null)));
      in.close();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        throw new IOException("the server did not exit after shutdown and exit");
      }
      return new double[] {firstMs, firstRss, doneMs, doneRss};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      p.destroyForcibly();
    }
  }

  private static JsonObject await(InputStream out, OutputStream in, Predicate<JsonObject> wanted) throws IOException {
    while (true) {
      JsonObject m = Rpc.read(out);
      if (Rpc.isRequestFromServer(m)) {
        in.write(Rpc.frame(Rpc.nullResult(m.get("id"))));
        in.flush();
      }
      if (wanted.test(m)) {
        return m;
      }
    }
  }

  private static boolean isResponse(JsonObject m, int id) {
    return !m.has("method") && m.has("id") && m.get("id").getAsString().equals(Integer.toString(id));
  }

  /** VmRSS of a process, in MiB. */
  static double rssMiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IOException("no VmRSS for process " + pid);
  }
}
