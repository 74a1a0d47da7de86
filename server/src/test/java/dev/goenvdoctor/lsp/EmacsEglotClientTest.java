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

/** Emacs 28 with eglot (apt emacs-nox, elpa-eglot), in batch mode. eglot always sends an empty didChangeConfiguration. */
class EmacsEglotClientTest {
  @TempDir Path tmp;

  @Test
  void eglotReceivesTheDiagnosticAndAppliesTheFix() throws Exception {
    Path emacs = TestTools.systemFile("/usr/bin/emacs");
    TestTools.systemFile("/usr/share/emacs/site-lisp/elpa/eglot-1.9");
    LspScenario s = LspScenario.brokenGoroot(tmp);
    String expected = FixApplier.preview(s.machine.root(),
        TestRules.gorootSetting().check(s.machine.snapshot()).get(0).fixes().get(0)).get(LspScenario.SETTINGS);
    Path result = tmp.resolve("result.txt");
    Editors.Run run = Editors.run(List.of(emacs.toString(), "--batch", "-Q", "-l", Editors.scripts().resolve("eglot-client.el").toString()),
        Map.of("SERVER_CMD", new Gson().toJson(ServerProcess.withTestRules(s)), "WORKSPACE", s.host(LspScenario.WORKSPACE).toString(),
            "SETTINGS", s.host(LspScenario.SETTINGS).toString(), "EXPECT_CODE", "setting-goroot-invalid", "RESULT", result.toString(),
            "HOME", tmp.toString()),
        tmp, 90);
    String said = Files.exists(result) ? Files.readString(result).strip() : "(no result) exit " + run.exitCode() + " " + run.stderr();
    assertEquals("OK Remove go.goroot", said, run.stdout() + run.stderr());
    assertEquals(expected, s.text(LspScenario.SETTINGS), "the file ends as the fix says");
  }
}
