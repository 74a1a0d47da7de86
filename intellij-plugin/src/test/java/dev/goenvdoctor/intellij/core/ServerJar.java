package dev.goenvdoctor.intellij.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Real report JSON: runs the built server jar ({@code server/target/go-env-doctor.jar}, packaged before this
 * module by the reactor) on a test scenario of {@code server/src/test/testdata/}. The report's findings come
 * from {@code check --format json} on the same scenario: the same findings, in the same shape, that the server's
 * {@code goEnvDoctor/report} response carries (server test {@code reportCarriesTheFindings...}).
 */
final class ServerJar {
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private ServerJar() {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("ged.serverJar", "../server/target/go-env-doctor.jar"));
    if (!Files.isRegularFile(jar)) {
      fail("the server jar is missing: " + jar.toAbsolutePath() + "; build it first: mvn -B -q -o package -DskipTests -pl server");
    }
    return jar;
  }

  static Path scenario(String name) {
    return Path.of(System.getProperty("ged.testdata", "../server/src/test/testdata")).resolve(name);
  }

  /** The {@code report --json} output for a scenario. */
  static String reportJson(String scenario) {
    return CACHE.computeIfAbsent("report " + scenario, k -> run(scenario, List.of("report", "--json")));
  }

  /** The {@code check --format json} output for a scenario. */
  static String checkJson(String scenario) {
    return CACHE.computeIfAbsent("check " + scenario, k -> run(scenario, List.of("check", "--format", "json")));
  }

  /** The report with its findings, as the tool window gets it from the server. */
  static Report report(String scenario) throws ReportFormatException {
    Report report = ReportParser.parse(reportJson(scenario));
    return report.withFindings(ReportParser.findings(com.google.gson.JsonParser.parseString(checkJson(scenario))
        .getAsJsonObject().get("findings")));
  }

  private static String run(String scenario, List<String> command) {
    Path dir = scenario(scenario);
    try {
      String workspace = Files.readString(dir.resolve("workspace")).lines().findFirst().orElseThrow().trim();
      List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", jar().toString()));
      args.addAll(command);
      args.addAll(List.of("--root", dir.resolve("root").toString(), "--env", dir.resolve("env").toString(), "--workspace", workspace));
      Process p = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      String out = readAll(p.getInputStream());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("the server jar did not finish in 60 s: " + args);
      }
      // check exits 1 when it found something: that is its normal answer here.
      if (p.exitValue() > 1 || out.isBlank()) {
        fail("the server jar failed (exit " + p.exitValue() + "): " + args);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
