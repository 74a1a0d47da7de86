package dev.goenvdoctor.intellij.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the plugin sends the server: nothing may run in a project the IDE does not trust. */
class ServerSettingsTest {
  @Test
  void untrustedProjectTurnsShellAndExecOff() {
    Map<String, Object> s = ServerSettings.section(false);
    assertEquals(Map.of("enabled", false, "timeoutSeconds", 10), s.get("shellProbe"));
    assertEquals(Map.of("enabled", false), s.get("exec"));
    assertEquals(false, s.get("trusted"));
    assertEquals(Map.of("trusted", false, "settings", s), ServerSettings.initializationOptions(false));
  }

  @Test
  void trustedProjectLetsThemRun() {
    Map<String, Object> s = ServerSettings.section(true);
    assertEquals(Map.of("enabled", true, "timeoutSeconds", 10), s.get("shellProbe"));
    assertEquals(Map.of("enabled", true), s.get("exec"));
    assertEquals(List.of(), s.get("disabledRules"));
    assertEquals("info", s.get("logLevel"));
  }

  @Test
  void workspaceConfigurationAnswersBySection() {
    assertEquals(ServerSettings.section(true), ServerSettings.configuration("goEnvDoctor", true));
    assertEquals(ServerSettings.section(false), ServerSettings.configuration(null, false));
    assertEquals(false, ServerSettings.configuration("goEnvDoctor.exec.enabled", false));
    assertEquals(10, ServerSettings.configuration("goEnvDoctor.shellProbe.timeoutSeconds", true));
    assertNull(ServerSettings.configuration("goEnvDoctor.nothing.here", true));
    assertNull(ServerSettings.configuration("go.goroot", true), "another extension's section is not ours to answer");
  }
}
