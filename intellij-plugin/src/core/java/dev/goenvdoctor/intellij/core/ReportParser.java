package dev.goenvdoctor.intellij.core;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the server's report JSON into a {@link Report}. Unknown fields are ignored and missing optional ones
 * become empty values, so a newer server never breaks the tool window; sizes are capped, so a broken or hostile
 * answer cannot make a huge table. What cannot be shown at all (not JSON, another schema version, no layers)
 * is a {@link ReportFormatException} that says why.
 */
public final class ReportParser {
  /** The schema version this plugin reads (docs/report-schema.md). */
  public static final int SCHEMA_VERSION = 1;
  static final int MAX_LAYERS = 16;
  static final int MAX_PATH_ENTRIES = 512;
  static final int MAX_VARIABLES = 128;
  static final int MAX_FINDINGS = 500;
  static final int MAX_LIST = 64;
  static final int MAX_TEXT = 4096;
  static final int MAX_JSON_CHARS = 32 * 1024 * 1024;

  private ReportParser() {}

  /** Returns the report in {@code json}, or throws saying why it cannot be shown. */
  public static Report parse(String json) throws ReportFormatException {
    if (json == null || json.isBlank()) {
      throw new ReportFormatException("the server sent no report");
    }
    if (json.length() > MAX_JSON_CHARS) {
      throw new ReportFormatException("the server sent a report of " + json.length() + " characters; the limit is " + MAX_JSON_CHARS);
    }
    JsonElement tree;
    try {
      tree = JsonParser.parseString(json);
    } catch (JsonParseException | StackOverflowError e) {
      throw new ReportFormatException("the server's report is not valid JSON: " + firstLine(e.getMessage()));
    }
    return parse(tree);
  }

  /** Returns the report in an already parsed JSON tree, or throws saying why it cannot be shown. */
  public static Report parse(JsonElement tree) throws ReportFormatException {
    if (tree == null || !tree.isJsonObject()) {
      throw new ReportFormatException("the server's report is not a JSON object");
    }
    JsonObject o = tree.getAsJsonObject();
    JsonElement version = o.get("schemaVersion");
    if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()) {
      throw new ReportFormatException("the server's report has no schemaVersion");
    }
    if (version.getAsDouble() != SCHEMA_VERSION) {
      throw new ReportFormatException("the server sent a report of schema version " + version.getAsString()
          + "; this plugin reads version " + SCHEMA_VERSION);
    }
    if (!(o.get("layers") instanceof JsonArray layersJson)) {
      throw new ReportFormatException("the server sent a report without layers");
    }
    List<Layer> layers = new ArrayList<>();
    for (JsonElement l : cap(layersJson, MAX_LAYERS)) {
      if (l.isJsonObject()) {
        layers.add(layer(l.getAsJsonObject()));
      }
    }
    return new Report(SCHEMA_VERSION, str(o, "toolVersion"), str(o, "takenAt"), machine(obj(o, "machine")), layers,
        findings(o.get("findings")), strings(o.get("problems")), strings(o.get("failures")));
  }

  /** Returns the findings of a {@code findings} array (the shape of {@code check --format json}). */
  static List<Finding> findings(JsonElement array) {
    List<Finding> out = new ArrayList<>();
    if (array instanceof JsonArray a) {
      for (JsonElement f : cap(a, MAX_FINDINGS)) {
        if (f.isJsonObject()) {
          Finding finding = finding(f.getAsJsonObject());
          if (finding != null) {
            out.add(finding);
          }
        }
      }
    }
    return out;
  }

  private static Machine machine(JsonObject m) {
    return new Machine(str(m, "root"), str(m, "user"), str(m, "home"), str(m, "shell"), strings(m.get("workspaceFolders")),
        bool(m, "execAllowed"), bool(m, "workspaceTrusted"));
  }

  private static Layer layer(JsonObject l) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonObject environment = obj(l, "environment");
    for (Map.Entry<String, JsonElement> e : environment.entrySet()) {
      if (env.size() >= MAX_VARIABLES) {
        break;
      }
      if (e.getValue().isJsonPrimitive()) {
        env.put(clip(e.getKey()), clip(e.getValue().getAsString()));
      }
    }
    List<PathEntry> path = new ArrayList<>();
    if (l.get("path") instanceof JsonArray entries) {
      for (JsonElement e : cap(entries, MAX_PATH_ENTRIES)) {
        if (e.isJsonObject()) {
          JsonObject p = e.getAsJsonObject();
          path.add(new PathEntry(str(p, "dir"), provenance(p.get("origin")), str(p, "state")));
        }
      }
    }
    Map<String, Provenance> origins = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : obj(l, "origins").entrySet()) {
      Provenance p = provenance(e.getValue());
      if (p != null && origins.size() < MAX_VARIABLES) {
        origins.put(clip(e.getKey()), p);
      }
    }
    GoCommand go = null;
    if (l.get("go") instanceof JsonObject g) {
      go = new GoCommand(str(g, "command"), str(g, "realPath"), str(g, "why"), str(g, "version"), str(g, "goroot"),
          provenance(g.get("selectedBy")));
    }
    String id = str(l, "id");
    return new Layer(id.isEmpty() ? "?" : id, str(l, "source"), str(l, "sourceDescription"), env, path, origins, go,
        strings(l.get("notes")));
  }

  private static Finding finding(JsonObject f) {
    Location location = location(f.get("location"));
    if (location == null) {
      return null;
    }
    List<Provenance> evidence = new ArrayList<>();
    if (f.get("evidence") instanceof JsonArray a) {
      for (JsonElement e : cap(a, MAX_LIST)) {
        Provenance p = provenance(e);
        if (p != null) {
          evidence.add(p);
        }
      }
    }
    List<FixChoice> fixes = new ArrayList<>();
    if (f.get("fixes") instanceof JsonArray a) {
      for (JsonElement e : cap(a, MAX_LIST)) {
        if (e.isJsonObject() && !str(e.getAsJsonObject(), "title").isEmpty()) {
          JsonObject x = e.getAsJsonObject();
          List<String> files = new ArrayList<>();
          for (String key : List.of("edits", "creations")) {
            if (x.get(key) instanceof JsonArray changes) {
              for (JsonElement c : cap(changes, MAX_LIST)) {
                String file = c.isJsonObject() ? str(c.getAsJsonObject(), "file") : "";
                if (!file.isEmpty() && !files.contains(file)) {
                  files.add(file);
                }
              }
            }
          }
          fixes.add(new FixChoice(str(x, "title"), bool(x, "preferred"), files));
        }
      }
    }
    String severity = str(f, "severity");
    return new Finding(str(f, "slug"), str(f, "code"), List.of("error", "warning", "info").contains(severity) ? severity : "info",
        str(f, "message"), location, evidence, fixes, strings(f.get("commands")));
  }

  private static Provenance provenance(JsonElement e) {
    if (!(e instanceof JsonObject p)) {
      return null;
    }
    Location location = location(p.get("location"));
    return location == null ? null : new Provenance(location, str(p, "text"));
  }

  private static Location location(JsonElement e) {
    if (!(e instanceof JsonObject l) || str(l, "file").isEmpty()) {
      return null;
    }
    JsonObject r = obj(l, "range");
    return new Location(str(l, "file"), integer(r, "startLine"), integer(r, "startColumn"), integer(r, "endLine"), integer(r, "endColumn"));
  }

  private static JsonObject obj(JsonObject o, String key) {
    return o.get(key) instanceof JsonObject x ? x : new JsonObject();
  }

  private static String str(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() ? clip(e.getAsString()) : "";
  }

  private static boolean bool(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
  }

  private static int integer(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      return 0;
    }
    double d = e.getAsDouble();
    return d >= 0 && d <= Integer.MAX_VALUE ? (int) d : 0;
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e instanceof JsonArray a) {
      for (JsonElement x : cap(a, MAX_LIST)) {
        if (x.isJsonPrimitive()) {
          out.add(clip(x.getAsString()));
        }
      }
    }
    return out;
  }

  private static List<JsonElement> cap(JsonArray a, int max) {
    List<JsonElement> out = new ArrayList<>();
    for (int i = 0; i < a.size() && i < max; i++) {
      if (a.get(i) != null) {
        out.add(a.get(i));
      }
    }
    return out;
  }

  private static String clip(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "\u2026";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return clip(nl < 0 ? s : s.substring(0, nl));
  }
}
