package dev.goenvdoctor.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.snapshot.Snapshot;

/**
 * The client's settings (section {@code goEnvDoctor}), read fault-tolerantly: a missing or bad value is its
 * default (and a bad one is reported in {@code problems}), never "everything off".
 *
 * @param disabledRules rule slugs or codes not to run
 * @param shellProbeEnabled whether the user's shell may run to read its environment
 * @param shellTimeoutSeconds how long the shell may take (1 to 60)
 * @param execEnabled whether anything may run at all (shells, {@code go env})
 * @param trusted the client's word on workspace trust, when it gave one
 * @param logLevel how much the server logs
 * @param problems what was wrong with the given values, for the log
 */
record ServerSettings(Set<String> disabledRules, boolean shellProbeEnabled, int shellTimeoutSeconds, boolean execEnabled,
    Optional<Boolean> trusted, ServerLog.Level logLevel, List<String> problems) {

  static final String SECTION = "goEnvDoctor";
  static final int MAX_TIMEOUT = 60;

  ServerSettings {
    disabledRules = Set.copyOf(disabledRules);
    problems = List.copyOf(problems);
  }

  static ServerSettings defaults(int shellTimeoutSeconds) {
    return new ServerSettings(Set.of(), true, shellTimeoutSeconds, true, Optional.empty(), ServerLog.Level.INFO, List.of());
  }

  /**
   * Reads settings from the layers given, later ones winning key by key: each is a {@code goEnvDoctor}
   * section, a payload holding one ({@code {"goEnvDoctor": {...}}}), or dotted keys; null or empty means
   * "nothing set here".
   */
  static ServerSettings read(int defaultTimeout, JsonElement... layers) {
    Map<String, JsonElement> values = new LinkedHashMap<>();
    for (JsonElement layer : layers) {
      flatten(section(layer), "", values);
    }
    List<String> problems = new ArrayList<>();
    Set<String> disabled = new LinkedHashSet<>();
    JsonElement rules = values.get("disabledRules");
    if (rules != null && !rules.isJsonNull()) {
      if (rules.isJsonArray()) {
        for (JsonElement e : rules.getAsJsonArray()) {
          if (isString(e) && !e.getAsString().isBlank()) {
            disabled.add(e.getAsString().strip());
          } else {
            problems.add("goEnvDoctor.disabledRules: skipped " + e + " (not a rule slug)");
          }
        }
      } else if (isString(rules)) {
        for (String s : rules.getAsString().split(",")) {
          if (!s.isBlank()) {
            disabled.add(s.strip());
          }
        }
      } else {
        problems.add("goEnvDoctor.disabledRules: expected a list of rule slugs, got " + rules + "; no rule disabled");
      }
    }
    boolean shell = bool(values, "shellProbe.enabled", true, problems);
    int timeout = defaultTimeout;
    JsonElement t = values.get("shellProbe.timeoutSeconds");
    if (t != null && !t.isJsonNull()) {
      Optional<Double> n = number(t);
      if (n.isPresent() && n.get() >= 1 && n.get() <= MAX_TIMEOUT) {
        timeout = (int) Math.round(n.get());
      } else {
        problems.add("goEnvDoctor.shellProbe.timeoutSeconds: expected a number from 1 to " + MAX_TIMEOUT + ", got " + t
            + "; using " + defaultTimeout);
      }
    }
    boolean exec = bool(values, "exec.enabled", true, problems);
    Optional<Boolean> trusted = Optional.empty();
    JsonElement tr = values.get("trusted");
    if (tr != null && !tr.isJsonNull()) {
      trusted = booleanOf(tr);
      if (trusted.isEmpty()) {
        problems.add("goEnvDoctor.trusted: expected true or false, got " + tr + "; ignored");
      }
    }
    ServerLog.Level level = ServerLog.Level.INFO;
    JsonElement l = values.get("logLevel");
    if (l != null && !l.isJsonNull()) {
      Optional<ServerLog.Level> parsed = isString(l) ? ServerLog.Level.parse(l.getAsString()) : Optional.empty();
      if (parsed.isPresent()) {
        level = parsed.get();
      } else {
        problems.add("goEnvDoctor.logLevel: expected off, error, warning, info or debug, got " + l + "; using info");
      }
    }
    return new ServerSettings(disabled, shell, timeout, exec, trusted, level, problems);
  }

  /**
   * Returns the rules disabled in the workspace's own files: {@code goEnvDoctor.disabledRules} in the first
   * folder's .vscode/settings.json and in the user settings (what "Disable rule X for this workspace" writes,
   * read here so every editor honours it, not only VS Code). Trust is never read from files.
   */
  static Set<String> disabledIn(Snapshot view) {
    Set<String> disabled = new LinkedHashSet<>();
    Stream.concat(view.workspace().userSettings().stream().filter(s -> s.scope() == SettingsFile.Scope.USER),
            view.workspace().folders().stream().findFirst().flatMap(FolderFacts::folderSettings).stream())
        .flatMap(s -> s.entry(SECTION + ".disabledRules").stream())
        .forEach(e -> {
          if (e.value() instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(v -> ((String) v).strip()).filter(v -> !v.isEmpty())
                .forEach(disabled::add);
          }
        });
    return disabled;
  }

  /** The {@code goEnvDoctor} section of a layer; an empty object when there is none. */
  private static JsonObject section(JsonElement layer) {
    if (layer == null || !layer.isJsonObject()) {
      return new JsonObject();
    }
    JsonObject o = layer.getAsJsonObject();
    if (o.has(SECTION) && o.get(SECTION).isJsonObject()) {
      return o.getAsJsonObject(SECTION);
    }
    JsonObject dotted = new JsonObject();
    boolean anyDotted = false;
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      if (e.getKey().startsWith(SECTION + ".")) {
        dotted.add(e.getKey().substring(SECTION.length() + 1), e.getValue());
        anyDotted = true;
      }
    }
    return anyDotted ? dotted : o;
  }

  /** {"shellProbe": {"enabled": false}} and {"shellProbe.enabled": false} read the same. */
  private static void flatten(JsonObject o, String prefix, Map<String, JsonElement> into) {
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue().isJsonObject() && prefix.length() < 200) {
        flatten(e.getValue().getAsJsonObject(), key + ".", into);
      } else {
        into.put(key, e.getValue());
      }
    }
  }

  private static boolean bool(Map<String, JsonElement> values, String key, boolean fallback, List<String> problems) {
    JsonElement e = values.get(key);
    if (e == null || e.isJsonNull()) {
      return fallback;
    }
    Optional<Boolean> b = booleanOf(e);
    if (b.isEmpty()) {
      problems.add("goEnvDoctor." + key + ": expected true or false, got " + e + "; using " + fallback);
    }
    return b.orElse(fallback);
  }

  private static Optional<Boolean> booleanOf(JsonElement e) {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
      return Optional.of(e.getAsBoolean());
    }
    if (isString(e) && (e.getAsString().equalsIgnoreCase("true") || e.getAsString().equalsIgnoreCase("false"))) {
      return Optional.of(Boolean.parseBoolean(e.getAsString()));
    }
    return Optional.empty();
  }

  private static Optional<Double> number(JsonElement e) {
    if (!e.isJsonPrimitive()) {
      return Optional.empty();
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    try {
      double d = p.isNumber() ? p.getAsDouble() : p.isString() ? Double.parseDouble(p.getAsString().strip()) : Double.NaN;
      return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException ex) {
      return Optional.empty();
    }
  }

  private static boolean isString(JsonElement e) {
    return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
  }
}
