package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a process with the launcher's heap cap (-Xmx256m), fed what no well-behaved client sends: frames
 * with broken headers, a hundred megabytes that are not a frame, a length larger than anything it accepts, and
 * storms of cancels and changes. It never dies, answers every request it was sent exactly once, and logs a line
 * for what it dropped rather than echo the junk.
 */
class ServerSurvivesProtocolAbuseTest {
  @TempDir Path tmp;
  private Process server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  private RawConnection start(LspScenario s) {
    List<String> command = new ArrayList<>(ServerProcess.withTestRules(s));
    command.add(1, "-Xmx256m"); // the heap bin/go-env-doctor gives the server
    server = ServerProcess.start(command, tmp.resolve("stderr.txt"));
    return RawConnection.process(server);
  }

  private static String init(LspScenario s) {
    return "{\"processId\":null,\"rootUri\":\"" + s.uri(LspScenario.WORKSPACE) + "\",\"capabilities\":{}}";
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void badHeadersJunkAndOversizedFramesAreDroppedAndEveryRealRequestIsAnswered() throws Exception {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    RawConnection c = start(s);
    c.request(1, "initialize", init(s));
    c.response(1, ServerSession.STARTUP_WAIT);
    c.notify("initialized", "{}");

    Map<String, byte[]> abuse = new java.util.LinkedHashMap<>();
    abuse.put("a length that overflows an int", ascii("Content-Length: 99999999999\r\n\r\n"));
    abuse.put("a negative length", ascii("Content-Length: -5\r\n\r\n"));
    abuse.put("a body without a header", ascii("{\"jsonrpc\":\"2.0\",\"id\":999,\"method\":\"shutdown\"}\r\n\r\n"));
    abuse.put("a header in lower case", ascii("content-length: 2\r\n\r\n"));
    abuse.put("only line ends", ascii("\r\n\r\n\n\n"));
    byte[] noNewline = new byte[120_000_000];
    Arrays.fill(noNewline, (byte) 'x');
    abuse.put("120 MB without a line end", noNewline);
    abuse.put("20 MB of short lines and no blank one", ascii("junk: line\r\n".repeat(20_000_000 / 12)));
    abuse.put("a body that is not JSON", ascii("Content-Length: 5\r\n\r\nhello"));
    abuse.put("a JSON body that is not JSON-RPC", ascii("Content-Length: 7\r\n\r\n[1,2,3]"));
    int id = 10;
    for (Map.Entry<String, byte[]> e : abuse.entrySet()) {
      c.sendRaw(e.getValue(), ascii("\r\n\r\n"));
      c.request(id, "goEnvDoctor/report", null);
      assertEquals(1, c.response(id).getAsJsonObject("result").get("schemaVersion").getAsInt(), "after " + e.getKey());
      assertTrue(server.isAlive(), "after " + e.getKey());
      id++;
    }
    // A real 10 MB message is fine: a settings.json that big is opened and checked.
    String big = "{\"go.goroot\": \"/usr/local/go1.22\", \"pad\": \"" + "y".repeat(10_000_000) + "\"}";
    c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + s.uri(LspScenario.SETTINGS)
        + "\",\"languageId\":\"jsonc\",\"version\":7,\"text\":" + new com.google.gson.JsonPrimitive(big) + "}}");
    String bigDiagnostics = lastPublished(c, s.uri(LspScenario.SETTINGS), 7).toString();
    assertTrue(bigDiagnostics.contains("setting-goroot-invalid"), bigDiagnostics.length() > 3000 ? bigDiagnostics.substring(0, 3000) : bigDiagnostics);
    assertFalse(c.received().stream().anyMatch(m -> m.has("id") && m.get("id").getAsInt() == 999),
        "a body without a header is not a request");

    // Longer than the server accepts: the body is skipped, so what follows it inside the claimed length is lost;
    // closing the input then ends the server normally, without a heap error.
    c.sendRaw(ascii("Content-Length: 2000000000\r\n\r\n{}"));
    c.closeInput();
    assertTrue(server.waitFor(10, TimeUnit.SECONDS), "the server ends when its input closes");
    assertEquals(1, server.exitValue(), "input closed without exit: code 1");
    String stderr = Files.readString(tmp.resolve("stderr.txt"));
    assertFalse(stderr.contains("OutOfMemoryError"), stderr.length() > 2000 ? stderr.substring(0, 2000) : stderr);
    assertTrue(stderr.length() < 64_000, "the junk is not echoed into the log: " + stderr.length() + " characters");
    assertTrue(stderr.contains("[go-env-doctor warn] JSON-RPC input: 120000004 bytes without a blank line are not a JSON-RPC header; dropped"), stderr);
    assertTrue(stderr.contains("[go-env-doctor warn] JSON-RPC input: a frame without a valid Content-Length was dropped: 'Content-Length: 99999999999'"), stderr);
    assertTrue(stderr.contains("[go-env-doctor warn] JSON-RPC input: a frame of 2000000000 bytes is larger than 67108864; its body is skipped"), stderr);
  }

  @Test
  void stormsOfCancelsAndChangesGetOneAnswerPerRequestAndTheLastVersionWins() throws Exception {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    RawConnection c = start(s);
    c.request(1, "initialize", init(s));
    c.response(1, ServerSession.STARTUP_WAIT);
    c.notify("initialized", "{}");
    String uri = s.uri(LspScenario.SETTINGS);
    c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"jsonc\",\"version\":1,\"text\":\"{}\"}}");
    List<Integer> asked = new ArrayList<>();
    int version = 1;
    for (int i = 0; i <= 2000; i++) {
      String text = i % 2 == 0 ? "{ \\\"go.goroot\\\": \\\"/nowhere/" + i + "\\\" }" : "{ \\\"go.goroot\\\": ";
      version++;
      c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + version
          + "},\"contentChanges\":[{\"text\":\"" + text + "\"}]}");
      if (i % 4 == 0) {
        int id = 100 + i;
        c.request(id, "textDocument/codeAction", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"range\":{\"start\":"
            + "{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":5}},\"context\":{\"diagnostics\":[]}}");
        asked.add(id);
        c.notify("$/cancelRequest", "{\"id\":" + id + "}");
      }
      // cancels of what was never asked, of answered requests, with ids of every shape
      c.notify("$/cancelRequest", List.of("{\"id\":" + (50_000 + i) + "}", "{\"id\":\"x" + i + "\"}", "{\"id\":null}", "{}",
          "{\"id\":1}").get(i % 5));
    }
    int lastVersion = version; // i = 2000: go.goroot is /nowhere/2000
    c.request(5, "goEnvDoctor/report", null);
    c.response(5);
    JsonObject last = lastPublished(c, uri, lastVersion);
    assertTrue(last.toString().contains("setting-goroot-invalid") && last.toString().contains("/nowhere/2000"),
        "the last text's own finding is shown: " + last);
    Map<Integer, Integer> answers = new HashMap<>();
    for (int id : asked) {
      JsonObject r = c.response(id);
      answers.merge(id, 1, Integer::sum);
      Optional<Integer> code = r.has("error") ? Optional.of(r.getAsJsonObject("error").get("code").getAsInt()) : Optional.empty();
      assertTrue(code.isEmpty() || code.get() == -32800, "a result or RequestCancelled: " + r);
    }
    long responses = c.received().stream().filter(m -> m.has("id") && !m.has("method")).count();
    assertEquals(asked.size() + 2, responses, "exactly one response per request (initialize, report and the code actions)");
    assertTrue(server.isAlive());
    c.request(6, "shutdown", null);
    c.response(6);
    c.notify("exit", null);
    assertTrue(server.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, server.exitValue());
  }

  /** The diagnostics published for {@code version} of {@code uri}; fails with the versions that were published. */
  private static JsonObject lastPublished(RawConnection c, String uri, int version) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L; // generous: the machine's two cores are shared
    List<String> versions = List.of();
    while (System.nanoTime() < deadline) {
      List<JsonObject> published = c.received().stream()
          .filter(m -> m.has("method") && m.get("method").getAsString().equals("textDocument/publishDiagnostics"))
          .map(m -> m.getAsJsonObject("params")).filter(p -> p.get("uri").getAsString().equals(uri)).toList();
      versions = published.stream().map(p -> String.valueOf(p.get("version"))).toList();
      for (JsonObject p : published) {
        if (p.has("version") && p.get("version").getAsInt() == version) {
          return p;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no diagnostics for version " + version + " of " + uri + "; published versions " + versions);
  }

  @Test
  void exitBeforeInitializeEndsTheProcessWithCodeOne() throws Exception {
    RawConnection c = start(LspScenario.ubuntu(tmp));
    c.notify("initialized", "{}");
    c.request(1, "textDocument/codeAction", "{}");
    assertEquals(-32002, c.response(1, ServerSession.STARTUP_WAIT).getAsJsonObject("error").get("code").getAsInt(),
        "ServerNotInitialized");
    c.notify("exit", null);
    assertTrue(server.waitFor(10, TimeUnit.SECONDS));
    assertEquals(1, server.exitValue());
  }
}
