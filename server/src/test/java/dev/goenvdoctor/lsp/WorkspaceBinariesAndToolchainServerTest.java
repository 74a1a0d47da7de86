package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.goenvdoctor.probe.go.GoEnvRunner;
import dev.goenvdoctor.testing.HostileWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full session with the shipped server process on this machine, against a workspace whose settings point
 * {@code go.alternateTools.go}, {@code go.goroot} and {@code go.toolsEnvVars.PATH} at scripts of its own that leave
 * a marker when run: untrusted, nothing of the workspace runs through initialize, edits, code actions, a refresh
 * and the report; trusted, its go runs and the server says so. Every go env the server runs is local and in /.
 */
class WorkspaceBinariesAndToolchainServerTest {
  @TempDir Path tmp;
  private HostileWorkspace m;
  private Path ws;
  private Path settings;

  @BeforeEach
  void machine() {
    m = HostileWorkspace.withRealTools(tmp);
    ws = m.workspace("ws", "module example.com/ws\n\ngo 1.19\n");
    m.markerScript(ws, "tools/go", "alternate-go");
    m.markerScript(ws, "tools/gopls", "alternate-gopls");
    m.markerScript(ws, "goroot/bin/go", "goroot-go");
    m.markerScript(ws, "pathbin/go", "path-go");
    settings = m.file(ws, ".vscode/settings.json", "{\n  \"go.alternateTools\": { \"go\": \"" + ws + "/tools/go\", \"gopls\": \""
        + ws + "/tools/gopls\" },\n  \"go.goroot\": \"" + ws + "/goroot\",\n  \"go.toolsEnvVars\": { \"PATH\": \"" + ws
        + "/pathbin:/usr/bin:/bin\" },\n  \"goEnvDoctor.trusted\": true\n}\n");
  }

  /** initialize, a settings edit, a code action, a refresh and the report; returns the report's machine facts. */
  private JsonObject fullSession(ServerSession s, boolean trusted, List<String> progressEnds) throws Exception {
    s.initialize(ws, trusted, 5);
    progressEnds.add(s.progressEnd(1));
    String text = Files.readString(settings);
    s.open(settings, text);
    s.change(settings, 2, text.replace("\"go.goroot\"", "\"go.gopath\": \"" + ws + "/gopath\",\n  \"go.goroot\""));
    s.call("textDocument/codeAction", "{\"textDocument\":{\"uri\":\"" + settings.toUri() + "\"},\"range\":{\"start\":"
        + "{\"line\":0,\"character\":0},\"end\":{\"line\":9,\"character\":0}},\"context\":{\"diagnostics\":[]}}");
    s.call("workspace/executeCommand", "{\"command\":\"goEnvDoctor.refresh\",\"arguments\":[]}");
    progressEnds.add(s.progressEnd(2));
    JsonObject report = s.call("goEnvDoctor/report", null).getAsJsonObject("result");
    assertEquals(0, s.shutdownAndExit());
    return report.getAsJsonObject("machine");
  }

  @Test
  void untrustedNothingOfTheWorkspaceRunsInAWholeSession() throws Exception {
    List<String> ends = new ArrayList<>();
    JsonObject machine;
    try (ServerSession s = ServerSession.start(m.envFile(), tmp.resolve("stderr.txt"))) {
      machine = fullSession(s, false, ends);
    }
    assertEquals(List.of(), m.markersLeft(), "the workspace's scripts never ran");
    assertFalse(machine.get("workspaceTrusted").getAsBoolean(), "the workspace's own goEnvDoctor.trusted is ignored");
    assertEquals("[]", machine.get("workspaceGoRan").toString());
    assertEquals(List.of("Done", "Done"), ends);
  }

  @Test
  void trustedTheWorkspacesGoRunsAndTheServerSaysSo() throws Exception {
    List<String> ends = new ArrayList<>();
    JsonObject machine;
    boolean logged;
    try (ServerSession s = ServerSession.start(m.envFile(), tmp.resolve("stderr.txt"))) {
      machine = fullSession(s, true, ends);
      logged = s.logged("Ran the workspace's go " + ws + "/tools/go because the workspace is trusted.");
    }
    assertEquals(List.of("alternate-go"), m.markersLeft(), "the go the Go extension would run (tools are never run)");
    assertEquals("[\"" + ws + "/tools/go\"]", machine.get("workspaceGoRan").toString());
    for (String end : ends) {
      assertEquals("Done. Ran the workspace's go " + ws + "/tools/go because the workspace is trusted.", end);
    }
    assertTrue(logged, "and it is in the log");
  }

  @Test
  void everyGoEnvTheServerRunsIsLocalInTheRootDirectoryWithExactlyItsArguments() throws Exception {
    Path bin = m.recordingGo();
    m.env("PATH", bin + ":/usr/bin:/bin").env("GOTOOLCHAIN", "auto");
    m.file(m.home, ".config/go/env", "GOTOOLCHAIN=go1.99.0+auto\n");
    Path pinned = m.workspace("pinned", "module a\n\ngo 1.21\n\ntoolchain go1.99.0\n");
    m.file(pinned, ".vscode/settings.json", "{ \"go.toolsEnvVars\": { \"GOTOOLCHAIN\": \"go1.99.0\" } }\n");
    try (ServerSession s = ServerSession.start(m.envFile(), tmp.resolve("stderr.txt"))) {
      s.initialize(pinned, true, 5);
      assertEquals("Done", s.progressEnd(1));
      s.call("workspace/executeCommand", "{\"command\":\"goEnvDoctor.refresh\",\"arguments\":[]}");
      s.progressEnd(2);
      assertEquals(0, s.shutdownAndExit());
    }
    List<HostileWorkspace.GoCall> calls = m.goCalls();
    assertTrue(calls.size() >= 2, "go env ran for each build: " + calls.size());
    List<String> argv = new ArrayList<>(List.of("env", "-json"));
    argv.addAll(GoEnvRunner.DEFAULT_NAMES);
    for (HostileWorkspace.GoCall call : calls) {
      assertEquals("local", call.env().get("GOTOOLCHAIN"));
      assertEquals("/", call.cwd());
      assertEquals(argv, call.argv());
    }
  }
}
