package dev.goenvdoctor.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.goenvdoctor.lsp.ServerConfig;
import dev.goenvdoctor.lsp.ServerLauncher;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.exec.CountingExecutor;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Keystrokes in an open settings.json against the real server, in-process, on this machine (real root, trusted,
 * shells and {@code go env} really run first). Server-side time: from the moment the server's reader takes the
 * {@code didChange} off its input to the moment it has written and flushed the {@code publishDiagnostics} of that
 * version. Client-side time adds the bench's own hand-off both ways. Processes are counted during the edits.
 */
final class EditLatencyBench {
  record Result(Samples serverSide, Samples clientSide, int spawnsAtStart, int spawnsDuringEdits) {}

  private static final String BROKEN = "{\n  \"editor.tabSize\": 4,\n  \"go.goroot\": \"/nowhere/go\"\n}\n";

  private final TimedInput toServer = new TimedInput();
  private final TimedOutput fromServer = new TimedOutput();
  private final ByteArrayOutputStream unread = new ByteArrayOutputStream();
  private final List<Received> backlog = new ArrayList<>();
  private int nextId = 1;

  private record Received(JsonObject message, long flushedAt) {}

  Result run(StandardHome user, int warmup, int edits) throws IOException {
    CountingExecutor counting = new CountingExecutor(new ProcessExecutor());
    ServerConfig config = ServerConfig.of(Root.system(), user.environment(), LayerSource.PROCESS, user.workspaceFolders(), true)
        .withDefaults(true, 10).withExecutor(counting);
    Thread server = new Thread(() -> ServerLauncher.run(toServer, fromServer, config), "bench-server");
    server.setDaemon(true);
    server.start();

    String folder = "file://" + user.workspace();
    String settings = folder + "/.vscode/settings.json";
    send(Rpc.initialize(nextId++, folder, JsonParser.parseString("{\"trusted\": true}").getAsJsonObject()), -1);
    await(m -> m.has("result"));
    send(Rpc.notification("initialized", null), -1);
    await(Rpc::isProgressEnd); // the shells and go env ran: from here on nothing may run
    int spawnsAtStart = counting.count();

    JsonObject open = JsonParser.parseString("{\"textDocument\": {\"languageId\": \"jsonc\", \"version\": 1}}").getAsJsonObject();
    open.getAsJsonObject("textDocument").addProperty("uri", settings);
    // Broken first: a file that never had a finding gets no publish, so each edit must flip broken <-> healthy.
    open.getAsJsonObject("textDocument").addProperty("text", BROKEN);
    send(Rpc.notification("textDocument/didOpen", open), -1);
    awaitPublish(settings, 1);

    List<Double> serverSide = new ArrayList<>();
    List<Double> clientSide = new ArrayList<>();
    for (int i = 0; i < warmup + edits; i++) {
      int version = i + 2;
      String text = i % 2 == 1 ? BROKEN : "{\n  \"editor.tabSize\": " + (i % 8 + 1) + "\n}\n";
      long sent = System.nanoTime();
      send(didChange(settings, version, text), version);
      Received published = awaitPublish(settings, version);
      long received = System.nanoTime();
      if (i >= warmup) {
        serverSide.add((published.flushedAt() - toServer.takenAt.get(version)) / 1e6);
        clientSide.add((received - sent) / 1e6);
      }
    }
    int spawnsDuringEdits = counting.count() - spawnsAtStart;
    send(Rpc.request(nextId++, "shutdown", null), -1);
    await(m -> m.has("result") || m.has("error"));
    send(Rpc.notification("exit", null), -1);
    toServer.close();
    return new Result(Samples.of(serverSide), Samples.of(clientSide), spawnsAtStart, spawnsDuringEdits);
  }

  private static JsonObject didChange(String uri, int version, String text) {
    JsonObject params = new JsonObject();
    JsonObject doc = new JsonObject();
    doc.addProperty("uri", uri);
    doc.addProperty("version", version);
    params.add("textDocument", doc);
    JsonObject change = new JsonObject();
    change.addProperty("text", text);
    com.google.gson.JsonArray changes = new com.google.gson.JsonArray();
    changes.add(change);
    params.add("contentChanges", changes);
    return Rpc.notification("textDocument/didChange", params);
  }

  private Received awaitPublish(String uri, int version) throws IOException {
    return await(m -> Rpc.method(m).equals("textDocument/publishDiagnostics")
        && m.getAsJsonObject("params").get("uri").getAsString().equals(uri)
        && m.getAsJsonObject("params").has("version")
        && m.getAsJsonObject("params").get("version").getAsInt() == version);
  }

  private void send(JsonObject message, int tag) {
    toServer.send(Rpc.frame(message), tag);
  }

  /** The first message from the server that matches, answering the server's own requests meanwhile. */
  private Received await(Predicate<JsonObject> wanted) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      for (int i = 0; i < backlog.size(); i++) {
        if (wanted.test(backlog.get(i).message())) {
          return backlog.remove(i);
        }
      }
      backlog.clear(); // nothing waited for them: older publishes and log messages
      TimedOutput.Flushed chunk;
      try {
        chunk = fromServer.flushed.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      if (chunk == null) {
        throw new IOException("the server did not answer within 60 s");
      }
      unread.write(chunk.bytes());
      for (JsonObject m : Rpc.all(unread.toByteArray())) {
        if (Rpc.isRequestFromServer(m)) {
          send(Rpc.nullResult(m.get("id")), -1);
        }
        backlog.add(new Received(m, chunk.at()));
      }
      unread.reset();
    }
  }

  /** The server's input: whole messages queued by the bench; remembers when the server took each tagged one. */
  static final class TimedInput extends InputStream {
    private record Chunk(byte[] bytes, int tag) {}

    final Map<Integer, Long> takenAt = new ConcurrentHashMap<>();
    private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    void send(byte[] bytes, int tag) {
      queue.add(new Chunk(bytes, tag));
    }

    @Override
    public void close() {
      queue.add(new Chunk(null, -1));
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos == current.length) {
        if (ended) {
          return -1;
        }
        Chunk c;
        try {
          c = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
        if (c.bytes() == null) {
          ended = true;
          return -1;
        }
        if (c.tag() >= 0) {
          takenAt.put(c.tag(), System.nanoTime());
        }
        current = c.bytes();
        pos = 0;
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  /** The server's output: each flush (lsp4j flushes once per message) is handed over with the time it happened. */
  static final class TimedOutput extends OutputStream {
    record Flushed(long at, byte[] bytes) {}

    final BlockingQueue<Flushed> flushed = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      pending.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      pending.write(b, off, len);
    }

    @Override
    public synchronized void flush() {
      if (pending.size() > 0) {
        flushed.add(new Flushed(System.nanoTime(), pending.toByteArray()));
        pending.reset();
      }
    }
  }
}
