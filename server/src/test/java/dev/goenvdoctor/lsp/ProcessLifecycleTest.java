package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a process: the shipped entry point, its stdout guard, its end when stdin closes or the editor dies. */
class ProcessLifecycleTest {
  @TempDir Path tmp;
  private final List<ProcessHandle> started = new ArrayList<>();

  @AfterEach
  void killWhatIsLeft() {
    started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
    started.forEach(ProcessHandle::destroyForcibly);
  }

  private Process start(List<String> command) {
    Process p = ServerProcess.start(command, tmp.resolve("stderr.txt"));
    started.add(p.toHandle());
    return p;
  }

  private static String init(LspScenario s, Object pid) {
    return "{\"processId\":" + pid + ",\"rootUri\":\"" + s.uri(LspScenario.WORKSPACE) + "\",\"capabilities\":{}}";
  }

  @Test
  void stdioAloneIsServeAndAShutdownExitsZero() throws Exception {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    Process p = start(ServerProcess.shipped("--stdio", "--root", s.rootDir.toString(), "--env", s.envFile().toString()));
    RawConnection c = RawConnection.process(p);
    c.request(1, "initialize", init(s, "null"));
    assertEquals("go-env-doctor", c.response(1).getAsJsonObject("result").getAsJsonObject("serverInfo").get("name").getAsString());
    c.notify("initialized", "{}");
    c.request(2, "goEnvDoctor/report", null);
    JsonObject report = c.response(2).getAsJsonObject("result");
    assertEquals("[\"/home/u/proj\"]", report.getAsJsonObject("machine").get("workspaceFolders").toString());
    assertEquals(s.rootDir.toString(), report.getAsJsonObject("machine").get("root").getAsString());
    c.request(3, "shutdown", null);
    c.response(3);
    c.notify("exit", null);
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    assertFalse(c.received().stream().anyMatch(m -> m.has("streamError")), "every frame on stdout was JSON-RPC");
  }

  @Test
  void strayPrintsGoToStderrNotIntoTheStream() throws Exception {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    Process p = start(ServerProcess.withTestRules(s, "--stray-print"));
    RawConnection c = RawConnection.process(p);
    c.request(1, "initialize", init(s, "null"));
    c.response(1);
    c.notify("initialized", "{}");
    JsonObject published = c.await(m -> "textDocument/publishDiagnostics".equals(m.has("method") ? m.get("method").getAsString() : "")
        && m.getAsJsonObject("params").get("uri").getAsString().equals(s.uri(LspScenario.SETTINGS)), "diagnostics");
    assertTrue(published.toString().contains("setting-goroot-invalid"));
    c.closeInput();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), "stdin closed: the server ends");
    assertEquals(1, p.exitValue(), "ended without shutdown");
    assertFalse(c.received().stream().anyMatch(m -> m.has("streamError")), "the stray prints did not corrupt the stream: " + c.received());
    assertTrue(Files.readString(tmp.resolve("stderr.txt")).contains("a stray print from a rule"));
  }

  @Test
  void theServerExitsWithinTwoSecondsOfItsEditorDying() throws Exception {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    // The "editor": a shell that starts the server as its child and stays its parent. The server talks over
    // named pipes that this test holds open, so its input does not close when the shell dies: only the
    // watcher of initialize's processId can end it.
    Path in = fifo("to-server");
    Path out = fifo("from-server");
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\" < \"$IN\" > \"$OUT\"; :", "sh"));
    command.addAll(ServerProcess.withTestRules(s));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(tmp.resolve("stderr.txt").toFile());
    pb.environment().put("IN", in.toString());
    pb.environment().put("OUT", out.toString());
    Process editor = pb.start();
    started.add(editor.toHandle());
    var toServer = java.util.concurrent.CompletableFuture.supplyAsync(() -> open(() -> new java.io.FileOutputStream(in.toFile())));
    var fromServer = java.util.concurrent.CompletableFuture.supplyAsync(() -> open(() -> new java.io.BufferedInputStream(new java.io.FileInputStream(out.toFile()))));
    RawConnection c = RawConnection.streams(fromServer.get(10, TimeUnit.SECONDS), toServer.get(10, TimeUnit.SECONDS));
    c.request(1, "initialize", init(s, editor.pid()));
    c.response(1);
    c.notify("initialized", "{}");
    c.request(2, "goEnvDoctor/report", null);
    c.response(2);
    Optional<ProcessHandle> server = editor.toHandle().children().findFirst();
    assertTrue(server.isPresent() && server.get().info().command().orElse("").endsWith("java"), "the server is the shell's child");
    started.add(server.get());
    editor.destroyForcibly().waitFor();
    long killed = System.nanoTime();
    // Terminated: gone, or a zombie waiting for init to reap it (its orphaned parent no longer can).
    long pid = server.get().pid();
    while (!terminated(pid) && System.nanoTime() - killed < 5_000_000_000L) {
      Thread.sleep(10);
    }
    long millis = (System.nanoTime() - killed) / 1_000_000;
    boolean ended = terminated(pid);
    assertTrue(ended && millis < 2000, "server still alive " + millis + " ms after its editor died");
    assertTrue(Files.readString(tmp.resolve("stderr.txt")).contains("is gone; exiting"), "it noticed the editor's death");
    c.close();
  }

  private static boolean terminated(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state == 'Z' || state == 'X';
    } catch (java.io.IOException e) {
      return true;
    }
  }

  private Path fifo(String name) throws Exception {
    Path p = tmp.resolve(name);
    assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
    return p;
  }

  private interface Opener<T> {
    T open() throws java.io.IOException;
  }

  private static <T> T open(Opener<T> opener) {
    try {
      return opener.open();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
