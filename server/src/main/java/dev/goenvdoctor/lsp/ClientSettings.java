package dev.goenvdoctor.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;

/**
 * Where the client's settings come from: {@code initializationOptions} ({@code trusted} and {@code settings}),
 * then the {@code goEnvDoctor} section the client answers to {@code workspace/configuration} or pushes with
 * {@code didChangeConfiguration}. Trust is taken from the client only.
 */
final class ClientSettings {
  private static final Gson GSON = new Gson();
  private static final long PULL_TIMEOUT_SECONDS = 2;

  private final ServerConfig config;
  private final Session session;
  private final ServerLog log;
  private volatile JsonElement initSettings = JsonNull.INSTANCE;
  private volatile Optional<Boolean> initTrusted = Optional.empty();
  private volatile JsonElement fromClient = JsonNull.INSTANCE;

  ClientSettings(ServerConfig config, Session session, ServerLog log) {
    this.config = config;
    this.session = session;
    this.log = log;
  }

  void initializationOptions(Object options) {
    JsonElement o = json(options);
    if (!o.isJsonObject()) {
      return;
    }
    JsonObject object = o.getAsJsonObject();
    JsonElement trusted = object.get("trusted");
    if (trusted != null && trusted.isJsonPrimitive() && trusted.getAsJsonPrimitive().isBoolean()) {
      initTrusted = Optional.of(trusted.getAsBoolean());
    } else if (trusted != null) {
      log.warn("initializationOptions.trusted: expected true or false, got " + trusted + "; the workspace is not trusted");
    }
    JsonElement settings = object.get("settings");
    initSettings = settings != null ? settings : JsonNull.INSTANCE;
  }

  /** Takes the settings of a {@code didChangeConfiguration} payload (clients that cannot be asked). */
  void pushed(Object payload) {
    fromClient = json(payload);
  }

  /** Asks the client for its section, when it can be asked; completes (without failing) when answered or timed out. */
  CompletableFuture<Void> pull() {
    if (session.client() == null || !session.features().configuration()) {
      return CompletableFuture.completedFuture(null);
    }
    ConfigurationItem item = new ConfigurationItem();
    item.setSection(ServerSettings.SECTION);
    return session.client().configuration(new ConfigurationParams(List.of(item)))
        .orTimeout(PULL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .handle((answer, error) -> {
          if (error != null) {
            log.warn("the client did not answer workspace/configuration (" + error + "); keeping the settings");
          } else {
            fromClient = answer == null || answer.isEmpty() ? JsonNull.INSTANCE : json(answer.get(0));
          }
          return null;
        });
  }

  ServerSettings current() {
    return ServerSettings.read(config.shellTimeoutSeconds(), initSettings, fromClient);
  }

  /** The client's word on trust: its settings, else initializationOptions.trusted, else the launch default. */
  boolean trusted(ServerSettings s) {
    return s.trusted().or(() -> initTrusted).orElse(config.trustedByDefault());
  }

  private static JsonElement json(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    return value instanceof JsonElement e ? e : GSON.toJsonTree(value);
  }
}
