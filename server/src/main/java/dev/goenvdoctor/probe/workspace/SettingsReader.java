package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.jsonc.JsonNode;
import dev.goenvdoctor.jsonc.JsonObject;
import dev.goenvdoctor.jsonc.JsonProperty;
import dev.goenvdoctor.jsonc.Jsonc;
import dev.goenvdoctor.jsonc.JsoncDocument;
import dev.goenvdoctor.jsonc.JsoncError;
import dev.goenvdoctor.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a settings.json text into a {@link SettingsFile}: parse, collect the Go-related entries, report. */
final class SettingsReader {
  private static final int MAX_NESTING = 6;
  private static final int MAX_ENTRIES = 2000;

  private SettingsReader() {}

  /** True for the settings this tool reads: the Go extension's, gopls', the terminal's env/shell, ours. */
  static boolean isRelevant(String key) {
    return key.startsWith("go.") || key.equals("gopls") || key.startsWith("goEnvDoctor.")
        || key.equals("terminal.integrated.env.linux")
        || key.equals("terminal.integrated.defaultProfile.linux")
        || key.equals("terminal.integrated.profiles.linux");
  }

  static SettingsFile fromText(
      String path, SettingsFile.Scope scope, String editor, Optional<String> folder, String rawText) {
    return fromText(path, scope, editor, folder, rawText, List.of());
  }

  static SettingsFile fromText(String path, SettingsFile.Scope scope, String editor, Optional<String> folder,
      String rawText, List<WorkspaceProblem> readProblems) {
    boolean bom = rawText.startsWith("\ufeff");
    String text = bom ? rawText.substring(1) : rawText;
    JsoncDocument document = Jsonc.parseSettings(text);
    List<WorkspaceProblem> problems = new ArrayList<>(readProblems);
    for (JsoncError error : document.errors()) {
      problems.add(new WorkspaceProblem(
          new Location(path, document.lines().range(error.offset(), error.offset() + error.length())),
          error.message()));
    }
    List<SettingEntry> entries = new ArrayList<>();
    boolean[] dropped = {false};
    document.rootObject().ifPresent(root -> {
      for (JsonProperty p : effective(root)) {
        if (isRelevant(p.key().value())) {
          collect(path, document, List.of(), p, entries, 0, dropped);
        }
      }
    });
    if (dropped[0]) {
      problems.add(WorkspaceProblem.ofFile(path, "more than " + MAX_ENTRIES + " Go settings; the rest were not read"));
    }
    return new SettingsFile(path, scope, editor, folder, text, bom, document, entries, problems);
  }

  private static void collect(String path, JsoncDocument document, List<String> parent, JsonProperty property,
      List<SettingEntry> out, int nesting, boolean[] dropped) {
    if (property.value().isEmpty()) {
      return;
    }
    if (out.size() >= MAX_ENTRIES) {
      dropped[0] = true;
      return;
    }
    JsonNode value = property.value().get();
    List<String> keyPath = new ArrayList<>(parent);
    keyPath.add(property.key().value());
    out.add(new SettingEntry(keyPath, value.toJava(), document.source(value), value.typeName(),
        new Location(path, document.range(property.key())), new Location(path, document.range(value))));
    if (value instanceof JsonObject object && nesting < MAX_NESTING) {
      for (JsonProperty child : effective(object)) {
        collect(path, document, keyPath, child, out, nesting + 1, dropped);
      }
    }
  }

  /** The properties VS Code uses, in source order: of duplicate keys only the last (one pass, no n-squared). */
  private static List<JsonProperty> effective(JsonObject object) {
    Map<String, Integer> last = new HashMap<>();
    List<JsonProperty> properties = object.properties();
    for (int i = 0; i < properties.size(); i++) {
      last.put(properties.get(i).key().value(), i);
    }
    List<JsonProperty> kept = new ArrayList<>();
    for (int i = 0; i < properties.size(); i++) {
      if (last.get(properties.get(i).key().value()) == i) {
        kept.add(properties.get(i));
      }
    }
    return kept;
  }
}
