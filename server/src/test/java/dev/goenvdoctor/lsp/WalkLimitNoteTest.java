package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace walk that stops at a limit is told to the user once, not left silent. */
class WalkLimitNoteTest {
  @TempDir Path tmp;

  @Test
  void aWalkStoppedByTheDepthLimitIsShownOnce() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    s.machine.file(LspScenario.WORKSPACE + "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/go.mod", "module deep\n\ngo 1.22\n");
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.command("goEnvDoctor.refresh");
      client.awaitPublishCount(1);
      List<String> shown = client.logs.stream().filter(m -> m.getType() == MessageType.Warning)
          .map(MessageParams::getMessage).filter(m -> m.contains("read only part of")).toList();
      String expected = "go-env-doctor read only part of /home/u/proj: it looked no more than 16 directories deep; go.mod "
          + "files and version pins further down were not checked. Open the folder you work in to check it whole.";
      assertEquals(List.of(expected, expected), shown, "once in the log, once as a message, and not again on refresh");
    }
  }

  @Test
  void aWholeWalkSaysNothing() {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    try (TestClient client = TestClient.start(s.config())) {
      client.initialize(TestClient.vscodeLike(), null, s.uri(LspScenario.WORKSPACE));
      client.initialized();
      client.command("goEnvDoctor.refresh");
      client.awaitPublishCount(1);
      assertTrue(client.logs.stream().noneMatch(m -> m.getMessage().contains("read only part of")), client.logs.toString());
    }
  }
}
