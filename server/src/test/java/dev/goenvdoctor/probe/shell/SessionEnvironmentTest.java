package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionEnvironmentTest {
  private static final Map<String, String> EDITOR = Map.ofEntries(
      Map.entry("HOME", "/home/u"), Map.entry("USER", "u"), Map.entry("LOGNAME", "u"), Map.entry("SHELL", "/usr/bin/zsh"),
      Map.entry("LANG", "de_DE.UTF-8"), Map.entry("LC_TIME", "en_GB.UTF-8"), Map.entry("XDG_RUNTIME_DIR", "/run/user/1000"),
      Map.entry("WAYLAND_DISPLAY", "wayland-0"), Map.entry("DISPLAY", ":0"),
      Map.entry("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus"),
      Map.entry("PATH", "/home/u/sdk/go1.22.0/bin:/usr/bin"), Map.entry("GOROOT", "/home/u/sdk/go1.22.0"),
      Map.entry("TERM", "xterm-256color"), Map.entry("VSCODE_PID", "4242"));

  @Test
  void keepsTheSessionIdentityAndDropsTheEditorsPathAndGoVariables() {
    Map<String, String> session = SessionEnvironment.from(EDITOR, Map.of());

    Map<String, String> expected = new HashMap<>(EDITOR);
    expected.remove("GOROOT");
    expected.remove("VSCODE_PID");
    expected.put("PATH", SessionEnvironment.DEFAULT_PATH);
    expected.put("TERM", "dumb");
    assertEquals(expected, session);
  }

  @Test
  void etcEnvironmentGivesPathAndItsOtherVariables() {
    Map<String, String> etc = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin:/snap/bin", "GOPROXY", "direct", "HOME", "/wrong");

    Map<String, String> session = SessionEnvironment.from(EDITOR, etc);

    assertEquals("/usr/local/bin:/usr/bin:/bin:/snap/bin", session.get("PATH"));
    assertEquals("direct", session.get("GOPROXY"));
    assertEquals("/home/u", session.get("HOME"), "the session's own HOME wins");
  }

  @Test
  void unusableNamesAreSkippedNotFatal() {
    Map<String, String> etc = new HashMap<>();
    etc.put("BAD=NAME", "x");
    etc.put("", "empty");
    etc.put("NUL", "a\0b");

    Map<String, String> session = SessionEnvironment.from(Map.of(), etc);

    assertEquals(Map.of("PATH", SessionEnvironment.DEFAULT_PATH, "TERM", "dumb"), session);
  }
}
