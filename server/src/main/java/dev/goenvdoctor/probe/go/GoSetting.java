package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Location;
import java.util.Map;
import java.util.Optional;

/**
 * The value the go command uses for one setting (GOTOOLCHAIN, GOPROXY, GOPATH, ...) and where it comes
 * from, following cmd/go's {@code cfg.Getenv}: a NON-EMPTY process environment variable, else the
 * user env file, else {@code $GOROOT/go.env} (Go 1.21+). An exported empty variable does not shadow
 * the files.
 *
 * @param name the setting
 * @param value its value; empty when unset everywhere
 * @param source which layer gave it
 * @param location the file line, for the two file sources
 */
public record GoSetting(String name, String value, Source source, Optional<Location> location) {

  /** Where a setting's value comes from, highest precedence first. */
  public enum Source { ENVIRONMENT, USER_ENV_FILE, GOROOT_GO_ENV, UNSET }

  /** Looks {@code name} up in {@code env}, then {@code userFile}, then {@code goroot}'s go.env. */
  public static GoSetting lookup(String name, Map<String, String> env, GoEnvFile userFile, Optional<GoRoot> goroot) {
    String fromEnv = env.getOrDefault(name, "");
    if (!fromEnv.isEmpty()) {
      return new GoSetting(name, fromEnv, Source.ENVIRONMENT, Optional.empty());
    }
    Optional<GoEnvEntry> user = userFile.get(name);
    if (user.isPresent()) {
      return new GoSetting(name, user.get().value(), Source.USER_ENV_FILE, Optional.of(user.get().location()));
    }
    Optional<GoEnvEntry> rootEntry = goroot.flatMap(r -> r.goEnvValue(name));
    if (rootEntry.isPresent()) {
      return new GoSetting(name, rootEntry.get().value(), Source.GOROOT_GO_ENV, Optional.of(rootEntry.get().location()));
    }
    return new GoSetting(name, "", Source.UNSET, Optional.empty());
  }
}
