package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.goenvdoctor.fix.FixApplier;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol layer of VS Code's own client (npm vscode-languageserver-protocol), in Node, over stdio. */
class NodeClientTest {
  @TempDir Path tmp;

  private Editors.Run node(LspScenario s, List<String> server, String expectCode) throws Exception {
    Path node = TestTools.systemFile("/usr/bin/node");
    Path protocol = TestTools.npmFile("vscode-languageserver-protocol", "package.json");
    return Editors.run(List.of(node.toString(), Editors.scripts().resolve("lsp-client.js").toString()),
        Map.of("NODE_PATH", protocol.getParent().getParent().toString(), "SERVER_CMD", new Gson().toJson(server),
            "WORKSPACE", s.host(LspScenario.WORKSPACE).toString(), "SETTINGS", s.host(LspScenario.SETTINGS).toString(),
            "EXPECT_CODE", expectCode), tmp, 60);
  }

  @Test
  void diagnosticCodeActionAndFixThroughVsCodesProtocolLayer() throws Exception {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String expected = FixApplier.preview(s.machine.root(),
        TestRules.gorootSetting().check(s.machine.snapshot()).get(0).fixes().get(0)).get(LspScenario.SETTINGS);
    Editors.Run run = node(s, ServerProcess.withTestRules(s), "setting-goroot-invalid");
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    JsonObject result = JsonParser.parseString(run.stdout().strip()).getAsJsonObject();
    assertEquals("[\"initialized\",\"diagnostic\",\"fixed\",\"report\",\"exit\"]", result.get("steps").toString());
    assertEquals(2, result.getAsJsonObject("diagnostic").get("line").getAsInt());
    assertEquals("[\"Remove go.goroot\",\"Disable rule setting-goroot-invalid for this workspace\"]", result.get("actions").toString());
    assertEquals(expected, s.text(LspScenario.SETTINGS), "the file ends as the fix says");
    assertEquals(0, result.get("exitCode").getAsInt());
  }

  @Test
  void theShippedEntryPointSpeaksTheProtocol() throws Exception {
    LspScenario s = LspScenario.brokenGoroot(tmp);
    Editors.Run run = node(s, ServerProcess.shipped("serve", "--stdio", "--root", s.rootDir.toString(), "--env",
        s.envFile().toString()), "");
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    JsonObject result = JsonParser.parseString(run.stdout().strip()).getAsJsonObject();
    assertEquals("[\"initialized\",\"report\",\"exit\"]", result.get("steps").toString());
    assertEquals("[\"goEnvDoctor.refresh\",\"goEnvDoctor.report\"]", result.get("commands").toString());
    assertEquals("[\"/home/u/proj\"]", result.get("workspaceFolders").toString());
    assertTrue(run.stderr().contains("go-env-doctor language server for [/home/u/proj]"), run.stderr());
  }
}
