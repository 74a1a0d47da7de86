package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * JSON-RPC at the byte level, for what a well-behaved client never sends: broken frames, broken JSON, requests
 * out of order. Runs the server in-process (on pipes) or talks to a server process's stdin and stdout.
 */
final class RawConnection implements AutoCloseable {
  final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final OutputStream toServer;
  private final List<JsonObject> received = new ArrayList<>();
  private final Thread reader;
  private volatile boolean answer;

  private RawConnection(InputStream fromServer, OutputStream toServer) {
    this.toServer = toServer;
    this.reader = new Thread(() -> read(fromServer), "raw-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** A server in this JVM. */
  static RawConnection inProcess(ServerConfig config) {
    try {
      Pipe in = Pipe.open();
      Pipe out = Pipe.open();
      RawConnection c = new RawConnection(Channels.newInputStream(out.source()), Channels.newOutputStream(in.sink()));
      Thread server = new Thread(() -> {
        try {
          c.exit.complete(ServerLauncher.run(Channels.newInputStream(in.source()), Channels.newOutputStream(out.sink()), config));
        } catch (Throwable t) {
          c.exit.completeExceptionally(t);
        }
      }, "raw-server");
      server.setDaemon(true);
      server.start();
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server at the other end of two streams (named pipes, say). */
  static RawConnection streams(InputStream fromServer, OutputStream toServer) {
    return new RawConnection(fromServer, toServer);
  }

  /** A server process: its stdout and stdin. */
  static RawConnection process(Process p) {
    RawConnection c = new RawConnection(p.getInputStream(), p.getOutputStream());
    p.onExit().thenAccept(done -> c.exit.complete(done.exitValue()));
    return c;
  }

  void send(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    sendRaw(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
  }

  void request(int id, String method, String params) {
    send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}");
  }

  void notify(String method, String params) {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}");
  }

  /**
   * From now on answers each request the server sends (progress creation, registrations: null; configuration: a
   * list of nulls), as a client that accepts everything.
   */
  RawConnection answeringServerRequests() {
    answer = true;
    return this;
  }

  synchronized void sendRaw(byte[]... parts) {
    try {
      for (byte[] p : parts) {
        toServer.write(p);
      }
      toServer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void closeInput() {
    try {
      toServer.close();
    } catch (IOException e) {
      // already closed
    }
  }

  /** The response to request {@code id}. */
  JsonObject response(int id) {
    return await(m -> m.has("id") && !m.has("method") && m.get("id").isJsonPrimitive() && m.get("id").getAsInt() == id,
        "a response to request " + id);
  }

  /** The error code of the response to {@code id}, or empty when it succeeded. */
  Optional<Integer> errorCode(int id) {
    JsonObject r = response(id);
    return r.has("error") ? Optional.of(r.getAsJsonObject("error").get("code").getAsInt()) : Optional.empty();
  }

  /** The response to request {@code id}, waiting up to {@code wait} (a cold JVM on a busy machine may need long). */
  JsonObject response(int id, java.time.Duration wait) {
    return await(m -> m.has("id") && !m.has("method") && m.get("id").isJsonPrimitive() && m.get("id").getAsInt() == id,
        "a response to request " + id, wait);
  }

  JsonObject await(Predicate<JsonObject> condition, String what) {
    return await(condition, what, TestClient.WAIT);
  }

  JsonObject await(Predicate<JsonObject> condition, String what, java.time.Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (received) {
      while (true) {
        for (JsonObject m : received) {
          if (condition.test(m)) {
            return m;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return fail("no " + what + " within " + wait + "; received " + received);
        }
        try {
          received.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  List<JsonObject> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private void read(InputStream in) {
    try {
      while (true) {
        int length = -1;
        String line = readLine(in);
        if (line == null) {
          return;
        }
        while (!line.isEmpty()) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
          line = readLine(in);
          if (line == null) {
            throw new IOException("end of stream inside a header");
          }
        }
        if (length < 0) {
          throw new IOException("a frame without Content-Length");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
          return;
        }
        JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        JsonObject message = json.getAsJsonObject();
        synchronized (received) {
          received.add(message);
          received.notifyAll();
        }
        if (answer && message.has("method") && message.has("id")) {
          String result = message.get("method").getAsString().equals("workspace/configuration") ? "[null]" : "null";
          send("{\"jsonrpc\":\"2.0\",\"id\":" + message.get("id") + ",\"result\":" + result + "}");
        }
      }
    } catch (IOException | RuntimeException e) {
      synchronized (received) {
        JsonObject broken = new JsonObject();
        broken.addProperty("streamError", e.toString());
        received.add(broken);
        received.notifyAll();
      }
    }
  }

  /** A header line without its line end; null at the end of the stream before any byte of a line. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String s = line.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
    if (line.size() > 0) {
      throw new IOException("end of stream inside a line");
    }
    return null;
  }

  @Override
  public void close() {
    closeInput();
  }
}
