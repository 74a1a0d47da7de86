package dev.goenvdoctor.probe.go;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.Executor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code <go> env -json NAME...} safely: an argument array through an {@link Executor}, the
 * caller's environment plus {@code GOTOOLCHAIN=local} FORCED (so no toolchain is downloaded or
 * switched to), a working directory outside any workspace ({@code /} by default, so no go.mod or
 * go.work is read), and a timeout. Naming the variables keeps {@code go env} from probing the C
 * compiler for CGO_CFLAGS and friends.
 */
public final class GoEnvRunner {
  /** The variables asked for by default. */
  public static final List<String> DEFAULT_NAMES = List.of(
      "GOROOT", "GOPATH", "GOBIN", "GOVERSION", "GOTOOLCHAIN", "GOFLAGS", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GOPRIVATE",
      "GOINSECURE", "GOMODCACHE", "GOCACHE", "GOENV", "GOTMPDIR", "CGO_ENABLED", "CC", "GOOS", "GOARCH", "GOHOSTARCH",
      "GOEXE", "GOMOD", "GOWORK");
  /** How long {@code go env} may take before its process group is killed. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  /** go env -json of two dozen names prints about a kilobyte; more is not go env. */
  static final int MAX_OUTPUT = 1024 * 1024;

  private final Executor executor;

  /** A runner that starts every process through {@code executor}. */
  public GoEnvRunner(Executor executor) {
    this.executor = executor;
  }

  /** Runs {@code goExecutable} (a host path) with the default names, from {@code /}, with the default timeout. */
  public GoEnvResult run(String goExecutable, Map<String, String> env) throws InterruptedException {
    return run(goExecutable, env, "/", DEFAULT_NAMES, DEFAULT_TIMEOUT);
  }

  /**
   * Runs {@code goExecutable env -json <names>} with {@code env} plus {@code GOTOOLCHAIN=local}, in
   * {@code workingDirectory}, killed after {@code timeout}. Names that are not plain variable names
   * are dropped, so no flag can be smuggled in; so are environment entries no real environment can
   * hold (a NUL byte, an empty name or one with {@code =}). {@code goExecutable} must be absolute: a
   * bare name would be looked up in this JVM's PATH, not in {@code env}. Returns the values or a
   * failure message; never throws for a failing, hanging or lying process.
   */
  public GoEnvResult run(String goExecutable, Map<String, String> env, String workingDirectory, List<String> names,
      Duration timeout) throws InterruptedException {
    if (!goExecutable.startsWith("/") || goExecutable.indexOf('\0') >= 0) {
      return new GoEnvResult(List.of(goExecutable), Map.of(),
          Optional.of("not an absolute path to a go executable: " + goExecutable), false, Duration.ZERO);
    }
    List<String> command = new ArrayList<>(List.of(goExecutable, "env", "-json"));
    names.stream().filter(n -> n.matches("[A-Z][A-Z0-9_]*")).distinct().forEach(command::add);
    Map<String, String> environment = new HashMap<>();
    env.forEach((k, v) -> {
      if (!k.isEmpty() && k.indexOf('=') < 0 && k.indexOf('\0') < 0 && v.indexOf('\0') < 0) {
        environment.put(k, v);
      }
    });
    environment.put("GOTOOLCHAIN", "local");
    ExecRequest request = new ExecRequest(command, environment, workingDirectory, timeout, MAX_OUTPUT, false);
    ExecResult result = executor.run(request);
    String shown = String.join(" ", command);
    if (result.startError().isPresent()) {
      return failed(command, "could not start " + goExecutable + ": " + result.startError().get(), result);
    }
    if (result.timedOut()) {
      return failed(command, shown + " did not finish within " + timeout.toMillis() + " ms and was killed", result);
    }
    if (result.exitCode() != 0) {
      String firstLine = result.stderr() == null ? "" : result.stderr().strip().lines().findFirst().orElse("");
      return failed(command, shown + " exited with code " + result.exitCode() + (firstLine.isEmpty() ? "" : ": " + firstLine), result);
    }
    if (result.stdoutTruncated()) {
      return failed(command, shown + " printed more than " + MAX_OUTPUT + " bytes: not go env output", result);
    }
    return parse(command, new String(result.stdout(), StandardCharsets.UTF_8), result);
  }

  private static GoEnvResult parse(List<String> command, String stdout, ExecResult result) {
    JsonObject object;
    try {
      JsonElement element = JsonParser.parseString(stdout);
      if (!element.isJsonObject()) {
        return failed(command, "go env -json printed " + describe(stdout) + ", not a JSON object", result);
      }
      object = element.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      return failed(command, "go env -json printed invalid JSON: " + describe(stdout), result);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : object.entrySet()) {
      JsonElement v = e.getValue();
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
        return failed(command, "go env -json printed a non-string value for " + e.getKey(), result);
      }
      values.put(e.getKey(), v.getAsString());
    }
    boolean toolchainAware = "local".equals(values.remove("GOTOOLCHAIN"));
    return new GoEnvResult(command, values, Optional.empty(), toolchainAware, result.elapsed());
  }

  private static GoEnvResult failed(List<String> command, String message, ExecResult result) {
    return new GoEnvResult(command, Map.of(), Optional.of(message), false,
        result.elapsed() == null ? Duration.ZERO : result.elapsed());
  }

  private static String describe(String stdout) {
    String s = stdout.strip();
    if (s.isEmpty()) {
      return "nothing";
    }
    String first = s.lines().findFirst().orElse("");
    return "'" + (first.length() > 80 ? first.substring(0, 80) + "..." : first) + "'";
  }
}
