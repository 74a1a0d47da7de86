package dev.goenvdoctor.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The few JSON-RPC messages the benchmarks send, with LSP's Content-Length framing, and a frame reader. */
final class Rpc {
  private Rpc() {}

  static byte[] frame(JsonObject message) {
    byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
    byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[header.length + body.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(body, 0, out, header.length, body.length);
    return out;
  }

  static JsonObject request(int id, String method, JsonElement params) {
    JsonObject m = notification(method, params);
    m.addProperty("id", id);
    return m;
  }

  static JsonObject notification(String method, JsonElement params) {
    JsonObject m = new JsonObject();
    m.addProperty("jsonrpc", "2.0");
    m.addProperty("method", method);
    m.add("params", params == null ? new JsonObject() : params);
    return m;
  }

  /** The answer a client gives to a request of the server it does not care about (progress creation, registration). */
  static JsonObject nullResult(JsonElement id) {
    JsonObject m = new JsonObject();
    m.addProperty("jsonrpc", "2.0");
    m.add("id", id);
    m.add("result", JsonNull.INSTANCE);
    return m;
  }

  /**
   * {@code initialize} of a small client: versioned diagnostics and work-done progress (so the end of the shell
   * probe is visible), the given workspace folder (none when null) and initialization options.
   */
  static JsonObject initialize(int id, String folderUri, JsonObject initializationOptions) {
    JsonObject params = JsonParser.parseString("""
        {"processId": null, "capabilities": {
          "textDocument": {"publishDiagnostics": {"versionSupport": true}},
          "window": {"workDoneProgress": true}}}""").getAsJsonObject();
    if (folderUri != null) {
      JsonObject folder = new JsonObject();
      folder.addProperty("uri", folderUri);
      folder.addProperty("name", "proj");
      com.google.gson.JsonArray folders = new com.google.gson.JsonArray();
      folders.add(folder);
      params.add("workspaceFolders", folders);
    }
    if (initializationOptions != null) {
      params.add("initializationOptions", initializationOptions);
    }
    return request(id, "initialize", params);
  }

  /** Reads one framed message; throws EOFException at the end of the stream. */
  static JsonObject read(InputStream in) throws IOException {
    int length = -1;
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the server closed its output");
      }
      if (b != '\n') {
        line.write(b);
        continue;
      }
      String header = line.toString(StandardCharsets.US_ASCII).strip();
      line.reset();
      if (header.isEmpty()) {
        break;
      }
      if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(header.substring(15).strip());
      }
    }
    if (length < 0) {
      throw new IOException("a message without Content-Length");
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("the server closed its output mid-message");
    }
    return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
  }

  /** Every whole message in {@code bytes} (what the server wrote between two flushes). */
  static List<JsonObject> all(byte[] bytes) throws IOException {
    InputStream in = new java.io.ByteArrayInputStream(bytes);
    List<JsonObject> out = new ArrayList<>();
    while (in.available() > 0) {
      out.add(read(in));
    }
    return out;
  }

  static String method(JsonObject m) {
    return m.has("method") ? m.get("method").getAsString() : "";
  }

  static boolean isRequestFromServer(JsonObject m) {
    return m.has("method") && m.has("id");
  }

  /** True for {@code $/progress} with {@code kind: end}: the shell probe finished. */
  static boolean isProgressEnd(JsonObject m) {
    return method(m).equals("$/progress") && m.getAsJsonObject("params").getAsJsonObject("value").get("kind").getAsString().equals("end");
  }
}
