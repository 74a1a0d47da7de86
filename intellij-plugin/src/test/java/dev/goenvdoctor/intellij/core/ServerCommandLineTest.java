package dev.goenvdoctor.intellij.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's command line, and the real server started with it speaking LSP on stdout. */
class ServerCommandLineTest {
  @TempDir Path tmp;

  private Path pluginWithServer() throws IOException {
    Path jar = tmp.resolve("go-env-doctor-plugin").resolve(ServerCommandLine.SERVER_JAR);
    Files.createDirectories(jar.getParent());
    Files.copy(ServerJar.jar(), jar);
    return tmp.resolve("go-env-doctor-plugin");
  }

  private static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  @Test
  void argumentsAreTheLauncherFlagsAndTheJarInsideThePlugin() throws Exception {
    Path plugin = pluginWithServer();
    List<String> expected = new ArrayList<>();
    expected.add(javaHome().resolve("bin/java").toString());
    expected.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "-Xms8m", "-Xmx256m", "-XX:-UsePerfData",
        "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", plugin.resolve("lib/server/go-env-doctor.jar").toString(), "serve", "--stdio"));
    assertEquals(expected, ServerCommandLine.arguments(javaHome(), plugin));
    String launcher = Files.readString(ServerJar.jar().getParent().getParent().getParent().resolve("bin/go-env-doctor"));
    ServerCommandLine.JVM_FLAGS.forEach(f -> assertTrue(launcher.contains(f), "bin/go-env-doctor uses " + f));
  }

  @Test
  void aClassDataSharingArchiveBesideTheJarIsUsedWhenPresent() throws Exception {
    Path plugin = pluginWithServer();
    Path archive = plugin.resolve("lib/server/go-env-doctor.jsa");
    Files.writeString(archive, "not an archive of this Java");
    List<String> args = ServerCommandLine.arguments(javaHome(), plugin);
    int jar = args.indexOf("-jar");
    assertEquals(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), args.subList(jar - 2, jar));
  }

  @Test
  void missingJarOrJavaIsSaidPlainly() throws Exception {
    IllegalStateException noJar = assertThrows(IllegalStateException.class, () -> ServerCommandLine.arguments(javaHome(), tmp));
    assertTrue(noJar.getMessage().startsWith("the go-env-doctor server jar is missing from the plugin: " + tmp.resolve("lib/server/go-env-doctor.jar")),
        noJar.getMessage());
    IllegalStateException noJava = assertThrows(IllegalStateException.class, () -> ServerCommandLine.arguments(tmp, pluginWithServer()));
    assertEquals("no Java at " + tmp.resolve("bin/java") + " (the IDE's java.home): the go-env-doctor server cannot start", noJava.getMessage());
  }

  @Test
  void theServerStartedWithTheseArgumentsAnswersInitializeOnACleanStdout() throws Exception {
    Path plugin = pluginWithServer();
    // An archive this Java cannot use: -Xshare:auto skips it, and any JVM warning must stay off stdout.
    Files.writeString(plugin.resolve("lib/server/go-env-doctor.jsa"), "not an archive of this Java");
    Process p = new ProcessBuilder(ServerCommandLine.arguments(javaHome(), plugin)).directory(tmp.toFile())
        .redirectError(tmp.resolve("stderr.txt").toFile()).start();
    try {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("processId", null);
      params.put("capabilities", Map.of("workspace", Map.of("configuration", true)));
      params.put("initializationOptions", ServerSettings.initializationOptions(false));
      send(p.getOutputStream(), request(1, "initialize", params));
      JsonObject initialized = response(p.getInputStream(), 1);
      assertEquals(1, initialized.get("id").getAsInt(), initialized.toString());
      JsonObject capabilities = initialized.getAsJsonObject("result").getAsJsonObject("capabilities");
      assertTrue(capabilities.has("codeActionProvider"), capabilities.toString());
      assertTrue(capabilities.getAsJsonObject("executeCommandProvider").get("commands").toString().contains("goEnvDoctor.refresh"));
      send(p.getOutputStream(), request(2, "shutdown", null));
      JsonObject shutdown = response(p.getInputStream(), 2);
      assertTrue(shutdown.has("result") && !shutdown.has("error"), shutdown.toString());
      send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server exits after exit");
      assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("stderr.txt")));
    } finally {
      p.destroyForcibly();
    }
  }

  private static String request(int id, String method, Object params) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jsonrpc", "2.0");
    m.put("id", id);
    m.put("method", method);
    if (params != null) {
      m.put("params", params);
    }
    return new Gson().newBuilder().serializeNulls().create().toJson(m);
  }

  private static void send(OutputStream out, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Reads messages up to the response to request {@code id} (log messages and requests may come first). */
  private static JsonObject response(InputStream in, int id) throws IOException {
    for (int i = 0; i < 50; i++) {
      JsonObject m = read(in);
      if (m.has("id") && !m.has("method") && m.get("id").getAsInt() == id) {
        return m;
      }
    }
    throw new IOException("no response to request " + id);
  }

  /** Reads one message; the very first bytes on stdout must be an LSP header, never a JVM warning. */
  private static JsonObject read(InputStream in) throws IOException {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0 || header.size() > 1024) {
        throw new IOException("no LSP header on stdout; got: " + header.toString(StandardCharsets.UTF_8));
      }
      header.write(b);
    }
    String h = header.toString(StandardCharsets.US_ASCII);
    assertTrue(h.startsWith("Content-Length: "), "stdout carries only LSP messages: " + h);
    int length = Integer.parseInt(h.lines().filter(l -> l.startsWith("Content-Length: ")).findFirst().orElseThrow().substring(16).trim());
    return JsonParser.parseString(new String(in.readNBytes(length), StandardCharsets.UTF_8)).getAsJsonObject();
  }
}
