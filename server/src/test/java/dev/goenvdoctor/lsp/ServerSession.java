package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shipped server ({@code go-env-doctor --stdio}) as a process on this machine (root {@code /}), driven at the
 * JSON-RPC level like an editor that shows progress and accepts every request the server makes.
 */
final class ServerSession implements AutoCloseable {
  /** How long a cold server process may take to answer initialize on a machine shared with other builds. */
  static final java.time.Duration STARTUP_WAIT = java.time.Duration.ofSeconds(30);

  final Process process;
  final RawConnection rpc;
  private int nextId = 100;

  private ServerSession(Process process) {
    this.process = process;
    this.rpc = RawConnection.process(process).answeringServerRequests();
  }

  /** Starts the server with the editor environment of {@code envFile}, logging to {@code stderr}. */
  static ServerSession start(Path envFile, Path stderr) {
    return new ServerSession(ServerProcess.start(ServerProcess.shipped("--stdio", "--env", envFile.toString()), stderr));
  }

  /** initialize (with work-done progress, the trust and the shell timeout given) and initialized. */
  void initialize(Path workspace, boolean trusted, int shellTimeoutSeconds) {
    rpc.request(1, "initialize", "{\"processId\":null,\"rootUri\":\"" + uri(workspace) + "\",\"capabilities\":"
        + "{\"window\":{\"workDoneProgress\":true}},\"initializationOptions\":{\"trusted\":" + trusted
        + ",\"settings\":{\"shellProbe\":{\"timeoutSeconds\":" + shellTimeoutSeconds + "}}}}");
    rpc.response(1, STARTUP_WAIT);
    rpc.notify("initialized", "{}");
  }

  static String uri(Path p) {
    return p.toUri().toString().replaceAll("/$", "");
  }

  /** Sends a request and returns its response. */
  JsonObject call(String method, String params) {
    int id = nextId++;
    rpc.request(id, method, params);
    return rpc.response(id);
  }

  /** The message of the {@code n}th (1-based) end of a progress report. */
  String progressEnd(int n) {
    List<JsonObject> ends = List.of();
    long deadline = System.nanoTime() + TestClient.WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      ends = rpc.received().stream().filter(m -> m.has("method") && m.get("method").getAsString().equals("$/progress"))
          .map(m -> m.getAsJsonObject("params").getAsJsonObject("value"))
          .filter(v -> v.get("kind").getAsString().equals("end")).toList();
      if (ends.size() >= n) {
        JsonObject end = ends.get(n - 1);
        return end.has("message") ? end.get("message").getAsString() : "";
      }
      TestClient.sleep(10);
    }
    return fail("fewer than " + n + " progress ends within " + TestClient.WAIT + ": " + ends);
  }

  /** Whether some window/logMessage contains {@code text}. */
  boolean logged(String text) {
    return rpc.received().stream().anyMatch(m -> m.has("method") && m.get("method").getAsString().equals("window/logMessage")
        && m.getAsJsonObject("params").get("message").getAsString().contains(text));
  }

  /** The diagnostics published for {@code file} that match {@code text}, waiting for them. */
  JsonObject diagnostics(Path file, String text) {
    String uri = file.toUri().toString();
    return rpc.await(m -> m.has("method") && m.get("method").getAsString().equals("textDocument/publishDiagnostics")
        && m.getAsJsonObject("params").get("uri").getAsString().equals(uri) && m.toString().contains(text),
        "diagnostics of " + file + " with " + text);
  }

  void open(Path file, String text) {
    rpc.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + file.toUri() + "\",\"languageId\":\"jsonc\","
        + "\"version\":1,\"text\":" + new JsonPrimitive(text) + "}}");
  }

  void change(Path file, int version, String text) {
    rpc.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + file.toUri() + "\",\"version\":" + version
        + "},\"contentChanges\":[{\"text\":" + new JsonPrimitive(text) + "}]}");
  }

  /** shutdown and exit; returns the process's exit code. */
  int shutdownAndExit() throws InterruptedException {
    call("shutdown", null);
    rpc.notify("exit", null);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      fail("the server did not exit");
    }
    return process.exitValue();
  }

  static String stderr(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    rpc.close();
    process.destroyForcibly();
  }
}
