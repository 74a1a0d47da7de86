package dev.goenvdoctor.intellij.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code goEnvDoctor} settings the plugin sends (docs/configuration.md): in {@code initializationOptions}
 * and as the answer to {@code workspace/configuration}. In a project the IDE does not trust nothing may run at
 * all, whatever else says so: the shell probe and {@code exec} are off. Plain maps, so they cross from this
 * plugin into LSP4IJ's JSON serialisation whatever JSON library classes each side sees.
 */
public final class ServerSettings {
  /** The section name the server asks for. */
  public static final String SECTION = "goEnvDoctor";

  private ServerSettings() {}

  /** Returns the {@code goEnvDoctor} section for a project trusted ({@code true}) or not. */
  public static Map<String, Object> section(boolean trusted) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("disabledRules", List.of());
    s.put("shellProbe", Map.of("enabled", trusted, "timeoutSeconds", 10));
    s.put("exec", Map.of("enabled", trusted));
    s.put("trusted", trusted);
    s.put("logLevel", "info");
    return s;
  }

  /** Returns {@code {trusted, settings}}, the server's {@code initializationOptions}. */
  public static Map<String, Object> initializationOptions(boolean trusted) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("trusted", trusted);
    o.put("settings", section(trusted));
    return o;
  }

  /**
   * Returns the answer to one {@code workspace/configuration} item: the section for {@code goEnvDoctor} (or
   * for no section), one value for a dotted key below it ({@code goEnvDoctor.exec.enabled}), else null.
   */
  public static Object configuration(String section, boolean trusted) {
    Map<String, Object> all = section(trusted);
    if (section == null || section.isEmpty() || section.equals(SECTION)) {
      return all;
    }
    if (!section.startsWith(SECTION + ".")) {
      return null;
    }
    Object at = all;
    for (String part : section.substring(SECTION.length() + 1).split("\\.")) {
      if (!(at instanceof Map<?, ?> map) || !map.containsKey(part)) {
        return null;
      }
      at = map.get(part);
    }
    return at;
  }
}
