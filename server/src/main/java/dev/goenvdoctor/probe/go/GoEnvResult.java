package dev.goenvdoctor.probe.go;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code go env -json NAME...} reported.
 *
 * @param command the argument array that ran
 * @param values each asked-for name and its value, as printed; names the go command does not know
 *     print as empty strings (Go 1.19 has no GOTOOLCHAIN). {@code GOTOOLCHAIN} is left out: the
 *     runner forces it to {@code local}, so the printed value says nothing about the user's setting
 *     (use {@link GoSetting#lookup} for that)
 * @param failure why there are no values (timeout, exit code and first stderr line, invalid JSON)
 * @param toolchainAware true when the go command echoed our forced {@code GOTOOLCHAIN=local}, i.e.
 *     it is Go 1.21 or newer and knows toolchain switching
 * @param elapsed how long the process ran
 */
public record GoEnvResult(
    List<String> command, Map<String, String> values, Optional<String> failure, boolean toolchainAware, Duration elapsed) {

  public GoEnvResult {
    command = List.copyOf(command);
    values = Map.copyOf(values);
  }

  /** True when the command ran and printed valid JSON. */
  public boolean succeeded() {
    return failure.isEmpty();
  }

  /** The value printed for {@code name}, when it was asked for and printed. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }
}
