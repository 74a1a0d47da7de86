package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's settings: every shape clients send, bad values, and the rules a workspace file disables. */
class ServerSettingsTest {
  private static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }

  @Test
  void nothingSetMeansDefaultsNotEverythingOff() {
    for (JsonElement empty : List.of(JsonNull.INSTANCE, json("{}"), json("{\"goEnvDoctor\": {}}"), json("[]"), json("\"x\""))) {
      ServerSettings s = ServerSettings.read(10, empty);
      assertEquals(ServerSettings.defaults(10), s, empty.toString());
      assertTrue(s.shellProbeEnabled() && s.execEnabled() && s.disabledRules().isEmpty());
    }
    assertEquals(ServerSettings.defaults(10), ServerSettings.read(10, (JsonElement) null));
  }

  @Test
  void sectionPayloadNestedAndDottedKeysReadTheSame() {
    ServerSettings expected = new ServerSettings(Set.of("tilde-in-path"), false, 15, true, Optional.of(true),
        ServerLog.Level.DEBUG, List.of());
    for (String text : List.of(
        "{\"disabledRules\": [\"tilde-in-path\"], \"shellProbe\": {\"enabled\": false, \"timeoutSeconds\": 15}, \"trusted\": true, \"logLevel\": \"debug\"}",
        "{\"goEnvDoctor\": {\"disabledRules\": [\"tilde-in-path\"], \"shellProbe.enabled\": false, \"shellProbe.timeoutSeconds\": 15, \"trusted\": true, \"logLevel\": \"DEBUG\"}}",
        "{\"goEnvDoctor.disabledRules\": [\"tilde-in-path\"], \"goEnvDoctor.shellProbe.enabled\": false, \"goEnvDoctor.shellProbe.timeoutSeconds\": \"15\", \"goEnvDoctor.trusted\": \"true\", \"goEnvDoctor.logLevel\": \"debug\"}")) {
      assertEquals(expected, ServerSettings.read(10, json(text)), text);
    }
  }

  @Test
  void laterLayersWinKeyByKey() {
    ServerSettings s = ServerSettings.read(10, json("{\"disabledRules\": [\"a\"], \"logLevel\": \"error\"}"),
        json("{\"logLevel\": \"warning\"}"));
    assertEquals(Set.of("a"), s.disabledRules(), "kept from initializationOptions");
    assertEquals(ServerLog.Level.WARNING, s.logLevel(), "the client's configuration wins");
  }

  @Test
  void badValuesBecomeDefaultsAndAreReported() {
    ServerSettings s = ServerSettings.read(10, json("{\"disabledRules\": [\"ok\", 3, \"\", null], \"shellProbe\": {\"enabled\": \"maybe\","
        + " \"timeoutSeconds\": 0}, \"exec\": {\"enabled\": []}, \"trusted\": 1, \"logLevel\": 7}"));
    assertEquals(Set.of("ok"), s.disabledRules());
    assertTrue(s.shellProbeEnabled() && s.execEnabled());
    assertEquals(10, s.shellTimeoutSeconds());
    assertEquals(Optional.empty(), s.trusted(), "an unclear trust value never trusts");
    assertEquals(ServerLog.Level.INFO, s.logLevel());
    assertEquals(8, s.problems().size(), s.problems().toString());
    assertEquals(60, ServerSettings.read(10, json("{\"shellProbe.timeoutSeconds\": 60}")).shellTimeoutSeconds());
    assertEquals(10, ServerSettings.read(10, json("{\"shellProbe.timeoutSeconds\": 61}")).shellTimeoutSeconds());
    assertEquals(Set.of("a", "b"), ServerSettings.read(10, json("{\"disabledRules\": \"a, b\"}")).disabledRules());
  }

  @Test
  void aWorkspaceFileDisablesRulesButNeverGrantsTrust(@TempDir Path tmp) {
    LspScenario s = LspScenario.ubuntu(tmp);
    s.machine.file(LspScenario.SETTINGS, "{\n  // written by \"Disable rule\"\n  \"goEnvDoctor.disabledRules\": [\"tilde-in-path\", 4],\n"
        + "  \"goEnvDoctor.trusted\": true\n}\n");
    s.machine.file("/home/u/.config/Code/User/settings.json", "{ \"goEnvDoctor.disabledRules\": [\"path-missing-dir\"] }\n");
    assertEquals(Set.of("tilde-in-path", "path-missing-dir"), ServerSettings.disabledIn(s.machine.snapshot()));
    assertFalse(s.machine.snapshot().machine().workspaceTrusted());
  }
}
