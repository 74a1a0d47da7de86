package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.testing.TestTools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real editor-like parent (a Node script) starts the server on pipes it alone holds, initializes it, and is
 * then killed with SIGKILL: the server must be gone within 2 s, whether the client gave its processId (the
 * watcher sees the death) or not (only the closed stdin tells).
 */
class ServerEndsWithItsParentTest {
  private static final String PARENT = """
      const { spawn } = require('child_process');
      const server = spawn(process.argv[1], JSON.parse(process.env.SERVER_ARGS), { stdio: ['pipe', 'pipe', 'inherit'] });
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize',
        params: { processId: process.env.GIVE_PID === 'yes' ? process.pid : null, rootUri: null, capabilities: {} } });
      server.stdin.write('Content-Length: ' + Buffer.byteLength(body) + '\\r\\n\\r\\n' + body);
      let seen = '';
      server.stdout.on('data', d => {
        seen += d.toString();
        if (seen.includes('"id":1')) { process.stdout.write('ready ' + server.pid + '\\n'); seen = ''; }
      });
      setInterval(() => {}, 1000);
      """;

  @TempDir Path tmp;
  private final List<ProcessHandle> started = new ArrayList<>();

  @AfterEach
  void killWhatIsLeft() {
    started.forEach(ProcessHandle::destroyForcibly);
  }

  @ParameterizedTest(name = "processId given: {0}")
  @ValueSource(strings = {"yes", "no"})
  void theServerIsGoneWithinTwoSecondsOfItsParentsSigkill(String givePid) throws Exception {
    Path node = TestTools.systemFile("/usr/bin/node");
    LspScenario s = LspScenario.brokenGoroot(tmp);
    List<String> server = ServerProcess.withTestRules(s);
    ProcessBuilder pb = new ProcessBuilder(node.toString(), "-e", PARENT, server.get(0))
        .redirectError(tmp.resolve("stderr.txt").toFile());
    pb.environment().put("SERVER_ARGS", new com.google.gson.Gson().toJson(server.subList(1, server.size())));
    pb.environment().put("GIVE_PID", givePid);
    Process parent = pb.start();
    started.add(parent.toHandle());
    BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
    String ready = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(30, TimeUnit.SECONDS);
    assertTrue(ready != null && ready.startsWith("ready "), "the parent started and initialized the server: " + ready
        + " " + Files.readString(tmp.resolve("stderr.txt")));
    long pid = Long.parseLong(ready.substring(6).trim());
    ProcessHandle.of(pid).ifPresent(started::add);

    parent.destroyForcibly(); // SIGKILL: the parent gets no chance to close anything itself
    long killed = System.nanoTime();
    while (ProcessLifecycle.running(pid) && System.nanoTime() - killed < 5_000_000_000L) {
      Thread.sleep(10);
    }
    long millis = (System.nanoTime() - killed) / 1_000_000;
    assertTrue(!ProcessLifecycle.running(pid) && millis < 2000, "server " + pid + " still running " + millis + " ms after its parent's SIGKILL");
  }

  /** Whether a pid is a live process: gone, or a zombie nobody reaped yet, counts as ended. */
  static final class ProcessLifecycle {
    private ProcessLifecycle() {}

    static boolean running(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        char state = stat.charAt(stat.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
      } catch (java.io.IOException e) {
        return false;
      }
    }
  }
}
