package dev.goenvdoctor.report;

import com.google.gson.ExclusionStrategy;
import com.google.gson.FieldAttributes;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import dev.goenvdoctor.jsonc.JsoncDocument;
import dev.goenvdoctor.model.GoVariables;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.probe.shell.ShellEnvResult;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.snapshot.Snapshot;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The snapshot as JSON, in the schema documented in docs/report-schema.md. Layers carry only PATH and
 * the Go variables (an environment may hold secrets); settings files carry their entries, not their text.
 */
public final class JsonReport {
  private static final Gson GSON = new GsonBuilder()
      .setPrettyPrinting()
      .disableHtmlEscaping()
      .serializeNulls()
      .registerTypeAdapterFactory(new OptionalTypeAdapterFactory())
      .registerTypeAdapter(Duration.class, (JsonSerializer<Duration>) (d, t, c) -> new JsonPrimitive(d.toMillis()))
      .registerTypeAdapter(OptionalInt.class, (JsonSerializer<OptionalInt>) (o, t, c) ->
          o.isPresent() ? new JsonPrimitive(o.getAsInt()) : com.google.gson.JsonNull.INSTANCE)
      .registerTypeAdapter(Layer.class, (JsonSerializer<Layer>) JsonReport::layer)
      .setExclusionStrategies(new ExclusionStrategy() {
        @Override
        public boolean shouldSkipField(FieldAttributes f) {
          // A shell's whole environment may hold secrets: layers carry only PATH and the Go variables.
          return f.getDeclaredClass() == JsoncDocument.class
              || (f.getDeclaringClass() == SettingsFile.class && f.getName().equals("text"))
              || (f.getDeclaringClass() == ShellEnvResult.class && f.getName().equals("environment"));
        }

        @Override
        public boolean shouldSkipClass(Class<?> clazz) {
          return false;
        }
      })
      .create();

  private JsonReport() {}

  public static String render(Snapshot snapshot) {
    return GSON.toJson(snapshot) + "\n";
  }

  public static JsonElement toTree(Snapshot snapshot) {
    return GSON.toJsonTree(snapshot);
  }

  private static JsonElement layer(Layer layer, java.lang.reflect.Type type, com.google.gson.JsonSerializationContext context) {
    JsonObject o = new JsonObject();
    o.addProperty("id", layer.id().id());
    o.addProperty("source", layer.source().name());
    o.addProperty("sourceDescription", layer.source().description());
    JsonObject env = new JsonObject();
    new TreeMap<>(layer.environment()).forEach((k, v) -> {
      if (GoVariables.isReported(k)) {
        env.addProperty(k, v);
      }
    });
    o.add("environment", env);
    o.add("path", context.serialize(layer.path()));
    o.add("origins", context.serialize(new TreeMap<>(layer.origins())));
    o.add("go", layer.go().map(context::serialize).orElse(com.google.gson.JsonNull.INSTANCE));
    o.add("notes", context.serialize(layer.notes()));
    return o;
  }
}
