package dev.goenvdoctor.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Severity;
import java.util.List;

/** Findings as JSON (docs/check-schema.md): {schemaVersion, summary, findings, failures}. */
public final class FindingsJson {
  public static final int SCHEMA_VERSION = 1;
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
      .registerTypeAdapterFactory(new OptionalTypeAdapterFactory())
      .registerTypeAdapter(Severity.class, (com.google.gson.JsonSerializer<Severity>) (s, t, c) -> new com.google.gson.JsonPrimitive(s.label()))
      .create();

  private FindingsJson() {}

  public static String render(List<Finding> findings, List<String> failures) {
    JsonObject root = new JsonObject();
    root.addProperty("schemaVersion", SCHEMA_VERSION);
    JsonObject summary = new JsonObject();
    for (Severity s : Severity.values()) {
      summary.addProperty(s.label(), FindingsText.count(findings, s));
    }
    root.add("summary", summary);
    root.add("findings", toTree(findings));
    root.add("failures", GSON.toJsonTree(failures));
    return GSON.toJson(root) + "\n";
  }

  /** Returns the findings as the JSON array of the {@code findings} field above (the same shape everywhere). */
  public static JsonElement toTree(List<Finding> findings) {
    return GSON.toJsonTree(findings);
  }
}
