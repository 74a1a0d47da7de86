package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol's life cycle, and input no well-behaved client sends: the server answers with JSON-RPC errors and stays up. */
class LifecycleAndRobustnessTest {
  @TempDir Path tmp;

  private static final String INIT = "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}";

  @Test
  void requestsBeforeInitializeAreRefusedAndNotificationsDropped() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    try (RawConnection c = RawConnection.inProcess(s.config())) {
      c.request(1, "textDocument/codeAction", "{\"textDocument\":{\"uri\":\"" + s.uri(LspScenario.SETTINGS)
          + "\"},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"context\":{\"diagnostics\":[]}}");
      assertEquals(Optional.of(-32002), c.errorCode(1), "ServerNotInitialized");
      c.request(2, "shutdown", null);
      assertEquals(Optional.of(-32002), c.errorCode(2));
      c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + s.uri(LspScenario.SETTINGS)
          + "\",\"languageId\":\"jsonc\",\"version\":1,\"text\":\"{}\"}}");
      c.request(3, "initialize", INIT);
      assertTrue(c.response(3).getAsJsonObject("result").has("capabilities"));
      c.request(4, "initialize", INIT);
      assertEquals(Optional.of(-32600), c.errorCode(4), "a second initialize is an invalid request");
      assertFalse(c.received().stream().anyMatch(m -> m.has("id") && m.get("id").getAsInt() == 0));
    }
  }

  @Test
  void malformedFramesBrokenJsonAndUnknownMethodsGetErrorsAndTheServerStaysUp() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    try (RawConnection c = RawConnection.inProcess(s.config())) {
      c.request(1, "initialize", INIT);
      c.response(1);
      c.notify("initialized", "{}");
      c.request(2, "goEnvDoctor/unknown", "{}");
      assertEquals(Optional.of(-32601), c.errorCode(2), "MethodNotFound");
      c.notify("foo/bar", "{}");
      c.notify("$/cancelRequest", "{\"id\":999}");
      // Frames whose header is not a length: skipped (a frame without a length has no body to skip).
      c.sendRaw("Content-Length: abc\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      c.sendRaw("X-Junk: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      // A body that is not JSON, and parameters of the wrong shape.
      String broken = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/codeAction\",\"params\":{";
      c.sendRaw(("Content-Length: " + broken.length() + "\r\n\r\n" + broken).getBytes(StandardCharsets.US_ASCII));
      assertEquals(Optional.of(-32700), c.errorCode(3), "ParseError");
      c.request(4, "textDocument/codeAction", "[1,2]");
      assertEquals(Optional.of(-32700), c.errorCode(4));
      c.request(5, "textDocument/codeAction", "{\"textDocument\":{\"uri\":\"http://example.com/x\"},\"range\":null}");
      assertEquals("[]", c.response(5).get("result").toString(), "a URI that is not a file has no actions");
      c.request(6, "workspace/executeCommand", "{\"command\":null}");
      assertEquals(Optional.of(-32602), c.errorCode(6));
      // Still up and answering.
      c.request(7, "goEnvDoctor/report", null);
      assertEquals(1, c.response(7).getAsJsonObject("result").get("schemaVersion").getAsInt());
      c.request(8, "shutdown", null);
      c.response(8);
      c.request(9, "goEnvDoctor/report", null);
      assertEquals(Optional.of(-32600), c.errorCode(9), "requests after shutdown are invalid");
      c.notify("exit", null);
      assertEquals(0, TestClient.join(c.exit), "exit after shutdown: 0");
    }
  }

  @Test
  void exitWithoutShutdownIsCodeOneAndAClosedInputEndsTheServer() {
    LspScenario s = LspScenario.ubuntu(tmp);
    try (RawConnection c = RawConnection.inProcess(s.config())) {
      c.request(1, "initialize", INIT);
      c.response(1);
      c.notify("exit", null);
      assertEquals(1, TestClient.join(c.exit));
    }
    try (RawConnection c = RawConnection.inProcess(s.config())) {
      c.request(1, "initialize", INIT);
      c.response(1);
      c.closeInput();
      assertEquals(1, TestClient.join(c.exit), "the editor closed our stdin: the server ends");
    }
  }

  @Test
  void aThousandRapidChangesWithCancelledRequests() throws Exception {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String settings = s.uri(LspScenario.SETTINGS);
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.open(settings, "jsonc");
      client.awaitSlugs(settings, "setting-goroot-invalid");
      List<CompletableFuture<List<Either<Command, CodeAction>>>> asked = new ArrayList<>();
      int last = 0;
      for (int i = 0; i < 1000; i++) {
        last = client.change(settings, i % 3 == 0 ? LspScenario.BROKEN_SETTINGS : i % 3 == 1 ? "{}\n" : "{ \"go.goroot\": ");
        if (i % 10 == 0) {
          CompletableFuture<List<Either<Command, CodeAction>>> f = client.server.getTextDocumentService().codeAction(
              new CodeActionParams(new TextDocumentIdentifier(settings), new Range(new Position(0, 0), new Position(9, 0)),
                  new CodeActionContext(List.of())));
          if (i % 20 == 0) {
            f.cancel(true);
          }
          asked.add(f);
        }
      }
      int finalVersion = last; // i = 999: 999 % 3 == 0, the broken settings
      PublishDiagnosticsParams p = client.awaitDiagnostics(settings, d -> d.getVersion() == finalVersion);
      assertEquals(List.of("setting-goroot-invalid"), TestClient.slugs(p));
      TestClient.assertVersionsNeverGoBack(client.allPublished(), settings);
      int answered = 0;
      for (CompletableFuture<List<Either<Command, CodeAction>>> f : asked) {
        if (!f.isCancelled()) {
          f.get(10, TimeUnit.SECONDS);
          answered++;
        }
      }
      assertEquals(50, answered, "every request that was not cancelled got its answer");
      JsonObject report = TestClient.join(client.server.report()).getAsJsonObject();
      assertEquals(1, report.get("schemaVersion").getAsInt());
      assertEquals(0, client.shutdownAndExit());
    }
  }
}
