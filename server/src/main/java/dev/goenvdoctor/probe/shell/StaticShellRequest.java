package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to simulate: the machine ({@link Root}), the shell and its mode, the environment the shell starts
 * with, where those base values came from (optional, by variable name; a PATH origin applies to all of
 * PATH's base entries), and the user's uid ({@code -1} when unknown), which {@code $(id -u)} tests in
 * {@code /etc/profile} need.
 */
public record StaticShellRequest(Root root, ShellKind kind, ShellMode mode, Map<String, String> baseEnvironment,
    Map<String, Provenance> baseProvenance, int uid) {

  public StaticShellRequest {
    Objects.requireNonNull(root, "root");
    kind = kind == null ? ShellKind.UNKNOWN : kind;
    mode = mode == null ? ShellMode.LOGIN : mode;
    baseEnvironment = copyWithoutNulls(baseEnvironment);
    baseProvenance = copyWithoutNulls(baseProvenance);
  }

  /** A request with no known base origins and an unknown uid. */
  public static StaticShellRequest of(Root root, ShellKind kind, ShellMode mode, Map<String, String> baseEnvironment) {
    return new StaticShellRequest(root, kind, mode, baseEnvironment, Map.of(), -1);
  }

  /** The same request with the given uid. */
  public StaticShellRequest withUid(int newUid) {
    return new StaticShellRequest(root, kind, mode, baseEnvironment, baseProvenance, newUid);
  }

  /** The same request with these base origins added (by variable name). */
  public StaticShellRequest withBaseProvenance(Map<String, Provenance> origins) {
    Map<String, Provenance> merged = new HashMap<>(baseProvenance);
    merged.putAll(copyWithoutNulls(origins));
    return new StaticShellRequest(root, kind, mode, baseEnvironment, merged, uid);
  }

  /**
   * The same request with pam_env's {@code /etc/environment} applied on top of the base environment, as a
   * login does before any shell runs; its lines become the base origins of the variables they set.
   */
  public StaticShellRequest withPamEnvironment(EtcEnvironment pam) {
    Map<String, String> env = new HashMap<>(baseEnvironment);
    Map<String, Provenance> origins = new HashMap<>(baseProvenance);
    for (EtcEnvironmentEntry entry : pam.entries()) {
      if (entry.unset()) {
        env.remove(entry.name());
        origins.remove(entry.name());
      } else {
        env.put(entry.name(), entry.value());
        origins.put(entry.name(), entry.provenance());
      }
    }
    return new StaticShellRequest(root, kind, mode, env, origins, uid);
  }

  private static <V> Map<String, V> copyWithoutNulls(Map<String, V> map) {
    Map<String, V> copy = new HashMap<>();
    if (map != null) {
      map.forEach((k, v) -> {
        if (k != null && v != null) {
          copy.put(k, v);
        }
      });
    }
    return Map.copyOf(copy);
  }
}
