package dev.goenvdoctor.bench;

import com.google.gson.JsonObject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** One way to start the server: its arguments after {@code serve --stdio}, its environment, and whether to wait for the shell probe. */
  record Variant(String name, List<String> args, Map<String, String> env, boolean refined) {}

  /** The hello-world floor and each variant's figures. */
  record Runs(Samples hello, Map<String, Result> variants) {}

  /**
   * Round after round ({@code warmup} untimed, then {@code runs} timed), the hello-world {@code jar} through the
   * launcher, then each variant once: the floor and the figures see the same machine load.
   */
  Runs measure(Path jar, Map<String, String> helloEnv, List<Variant> variants, int warmup, int runs) throws IOException {
    List<Double> hello = new ArrayList<>();
    Map<String, List<double[]>> samples = new LinkedHashMap<>();
    variants.forEach(v -> samples.put(v.name(), new ArrayList<>()));
    for (int round = 0; round < warmup + runs; round++) {
      double h = helloWorld(jar, helloEnv);
      if (round >= warmup) {
        hello.add(h);
      }
      for (Variant v : variants) {
        double[] r = once(v.args(), v.env(), v.refined());
        if (round >= warmup) {
          samples.get(v.name()).add(r);
        }
      }
    }
    Map<String, Result> out = new LinkedHashMap<>();
    for (Variant v : variants) {
      List<double[]> r = samples.get(v.name());
      out.put(v.name(), new Result(column(r, 0), column(r, 1), v.refined() ? column(r, 2) : null, v.refined() ? column(r, 3) : null));
    }
    return new Runs(Samples.of(hello), out);
  }

  private static Samples column(List<double[]> rows, int i) {
    return Samples.of(rows.stream().map(r -> r[i]).toList());
  }

  /** The launcher running {@code jar} (its {@code GO_ENV_DOCTOR_JAR} switch) to its exit; milliseconds. */
  private double helloWorld(Path jar, Map<String, String> env) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().put("GO_ENV_DOCTOR_JAR", jar.toString());
    long start = System.nanoTime();
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    try {
      if (p.waitFor() != 0 || !out.equals("hello")) {
        throw new IOException("hello-world through the launcher failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return (System.nanoTime() - start) / 1e6;
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
