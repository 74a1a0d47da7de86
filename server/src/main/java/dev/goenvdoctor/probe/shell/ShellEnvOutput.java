package dev.goenvdoctor.probe.shell;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the environment out of a probe's stdout: the {@code env -0} output between the first start
 * marker and the first end marker after it. Everything else (startup noise, fake markers, text after
 * the end) is ignored. Values may hold newlines; entries are NUL-terminated.
 */
final class ShellEnvOutput {
  /** Set by the shell for its own bookkeeping, or by us: not part of what the user configured. */
  static final Set<String> SHELL_BOOKKEEPING = Set.of("SHLVL", "_", "PWD", "OLDPWD", ShellEnvProbe.PROBE_VARIABLE);

  /** Where the markers were found. */
  enum Markers { BOTH, START_ONLY, NONE }

  private ShellEnvOutput() {}

  static Markers markers(byte[] stdout, byte[] start, byte[] end) {
    int from = indexOf(stdout, start, 0);
    if (from < 0) {
      return Markers.NONE;
    }
    return indexOf(stdout, end, from + start.length) < 0 ? Markers.START_ONLY : Markers.BOTH;
  }

  /** The environment between the markers, first occurrence of a name winning (as getenv does); empty when absent. */
  static Optional<Map<String, String>> environment(byte[] stdout, byte[] start, byte[] end) {
    int from = indexOf(stdout, start, 0);
    if (from < 0) {
      return Optional.empty();
    }
    from += start.length;
    int to = indexOf(stdout, end, from);
    if (to < 0) {
      return Optional.empty();
    }
    Map<String, String> environment = new LinkedHashMap<>();
    int entryStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || stdout[i] == 0) {
        addEntry(environment, new String(stdout, entryStart, i - entryStart, StandardCharsets.UTF_8));
        entryStart = i + 1;
      }
    }
    return Optional.of(environment);
  }

  private static void addEntry(Map<String, String> environment, String entry) {
    int equals = entry.indexOf('=');
    if (equals <= 0) {
      return; // empty tail after the last NUL, or not NAME=VALUE
    }
    String name = entry.substring(0, equals);
    if (!SHELL_BOOKKEEPING.contains(name)) {
      environment.putIfAbsent(name, entry.substring(equals + 1));
    }
  }

  static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
