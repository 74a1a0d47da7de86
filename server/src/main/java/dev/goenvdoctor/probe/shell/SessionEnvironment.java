package dev.goenvdoctor.probe.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a desktop login starts from, before any shell startup file runs: what pam_env and
 * the display manager give a fresh session. The probed shells start from it, so the {@code login}
 * and {@code terminal} layers show what the startup files add.
 *
 * <p>The editor's own PATH (and every other variable not listed here) is deliberately left out: the
 * editor inherited it from a session that already ran those startup files (or from a terminal), so
 * starting the probe from it would hide exactly the difference we look for.
 *
 * <p>Built from: the variables of {@code /etc/environment} (as pam_env sets them: plain KEY=VALUE,
 * no expansion, surrounding quotes already removed by the caller's parser); then the session's identity,
 * locale and display variables taken from the editor's environment (they describe this session and
 * would be the same in a fresh one); then PATH from /etc/environment, else the default PATH below;
 * and {@code TERM=dumb} (no terminal is attached).
 */
public final class SessionEnvironment {
  /** PATH of a session whose /etc/environment sets none. */
  public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private static final List<String> SESSION_VARIABLES = List.of(
      "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "XDG_RUNTIME_DIR", "DISPLAY", "WAYLAND_DISPLAY",
      "DBUS_SESSION_BUS_ADDRESS");

  private SessionEnvironment() {}

  /**
   * Returns the base environment of a fresh desktop session for the user running the editor.
   * {@code etcEnvironment} holds the parsed {@code /etc/environment} (empty when absent).
   */
  public static Map<String, String> from(Map<String, String> editorEnvironment, Map<String, String> etcEnvironment) {
    Map<String, String> session = new HashMap<>();
    etcEnvironment.forEach((name, value) -> putIfValid(session, name, value));
    editorEnvironment.forEach((name, value) -> {
      if (SESSION_VARIABLES.contains(name) || name.startsWith("LC_")) {
        putIfValid(session, name, value);
      }
    });
    String etcPath = etcEnvironment.get("PATH");
    session.put("PATH", etcPath != null ? etcPath : DEFAULT_PATH);
    session.put("TERM", "dumb");
    return Map.copyOf(session);
  }

  private static void putIfValid(Map<String, String> session, String name, String value) {
    // A name with '=' or a NUL anywhere cannot be passed to a process; skip it rather than fail the probe.
    if (name != null && value != null && !name.isEmpty() && name.indexOf('=') < 0 && name.indexOf('\0') < 0
        && value.indexOf('\0') < 0) {
      session.put(name, value);
    }
  }
}
