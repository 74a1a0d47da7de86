package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import dev.goenvdoctor.fix.FixApplier;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless Neovim 0.7 (apt neovim) with its built-in LSP client. */
class NeovimClientTest {
  @TempDir Path tmp;

  @Test
  void neovimReceivesTheDiagnosticAndAppliesTheFix() throws Exception {
    Path nvim = TestTools.systemFile("/usr/bin/nvim");
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String expected = FixApplier.preview(s.machine.root(),
        TestRules.gorootSetting().check(s.machine.snapshot()).get(0).fixes().get(0)).get(LspScenario.SETTINGS);
    Path result = tmp.resolve("result.txt");
    Editors.Run run = Editors.run(List.of(nvim.toString(), "--headless", "-u", "NONE", "-i", "NONE", "-n",
            "-c", "luafile " + Editors.scripts().resolve("nvim-client.lua")),
        Map.of("SERVER_CMD", new Gson().toJson(ServerProcess.withTestRules(s)), "WORKSPACE", s.host(LspScenario.WORKSPACE).toString(),
            "SETTINGS", s.host(LspScenario.SETTINGS).toString(), "EXPECT_CODE", "setting-goroot-invalid", "RESULT", result.toString(),
            "HOME", tmp.toString(), "XDG_STATE_HOME", tmp.resolve("state").toString(), "XDG_DATA_HOME", tmp.resolve("data").toString()),
        tmp, 60);
    String said = Files.exists(result) ? Files.readString(result).strip() : "(no result) exit " + run.exitCode() + " " + run.stderr();
    assertEquals("OK Remove go.goroot", said, run.stdout() + run.stderr());
    assertEquals(expected, s.text(LspScenario.SETTINGS), "the file ends as the fix says");
  }
}
