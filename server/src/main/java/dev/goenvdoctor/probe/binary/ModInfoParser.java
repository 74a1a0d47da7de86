package dev.goenvdoctor.probe.binary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the module info text of a Go binary (the lines {@code go version -m} prints): {@code path},
 * {@code mod}, {@code dep}, {@code =>} and {@code build} lines, tab separated. Follows
 * runtime/debug.ParseBuildInfo, but skips a malformed line instead of rejecting the whole text: the
 * Go version and the lines that do parse stay useful.
 */
final class ModInfoParser {
  private ModInfoParser() {}

  static BuildInfo parse(String goVersion, String modinfo) {
    String path = "";
    Optional<BuildInfo.Module> main = Optional.empty();
    List<BuildInfo.Module> deps = new ArrayList<>();
    Map<String, String> settings = new LinkedHashMap<>();
    Last last = Last.NONE;
    int start = 0;
    while (start < modinfo.length()) {
      int newline = modinfo.indexOf('\n', start);
      if (newline < 0) {
        break; // as in Go, an unterminated last line is ignored
      }
      String line = modinfo.substring(start, newline);
      start = newline + 1;
      if (line.startsWith("path\t")) {
        path = line.substring("path\t".length());
      } else if (line.startsWith("mod\t")) {
        main = module(line.substring("mod\t".length()));
        last = main.isPresent() ? Last.MAIN : Last.NONE;
      } else if (line.startsWith("dep\t")) {
        Optional<BuildInfo.Module> dep = module(line.substring("dep\t".length()));
        dep.ifPresent(deps::add);
        last = dep.isPresent() ? Last.DEP : Last.NONE;
      } else if (line.startsWith("=>\t")) {
        Optional<BuildInfo.Module> replacement = module(line.substring("=>\t".length()));
        if (replacement.isPresent() && last == Last.MAIN) {
          main = Optional.of(main.orElseThrow().replacedBy(replacement.get()));
        } else if (replacement.isPresent() && last == Last.DEP) {
          int i = deps.size() - 1;
          deps.set(i, deps.get(i).replacedBy(replacement.get()));
        }
        last = Last.NONE;
      } else if (line.startsWith("build\t")) {
        setting(line.substring("build\t".length()), settings);
      }
    }
    return new BuildInfo(goVersion, path, main, deps, settings);
  }

  private enum Last { NONE, MAIN, DEP }

  /** {@code path \t version [\t sum]}; empty for any other column count. */
  private static Optional<BuildInfo.Module> module(String columns) {
    String[] c = columns.split("\t", -1);
    if (c.length != 2 && c.length != 3) {
      return Optional.empty();
    }
    return Optional.of(new BuildInfo.Module(c[0], c[1], c.length == 3 ? c[2] : "", Optional.empty()));
  }

  /** {@code key=value}, where either side may be a Go quoted string. */
  private static void setting(String kv, Map<String, String> settings) {
    if (kv.isEmpty() || kv.charAt(0) == '=') {
      return;
    }
    String key;
    String rawValue;
    if (kv.charAt(0) == '"' || kv.charAt(0) == '`') {
      int end = GoQuoted.prefixLength(kv);
      if (end < 0 || end >= kv.length() || kv.charAt(end) != '=') {
        return;
      }
      Optional<String> unquoted = GoQuoted.unquote(kv.substring(0, end));
      if (unquoted.isEmpty()) {
        return;
      }
      key = unquoted.get();
      rawValue = kv.substring(end + 1);
    } else {
      int eq = kv.indexOf('=');
      if (eq < 0) {
        return;
      }
      key = kv.substring(0, eq);
      rawValue = kv.substring(eq + 1);
    }
    String value = rawValue;
    if (!rawValue.isEmpty() && (rawValue.charAt(0) == '"' || rawValue.charAt(0) == '`')) {
      Optional<String> unquoted = GoQuoted.unquote(rawValue);
      if (unquoted.isEmpty()) {
        return;
      }
      value = unquoted.get();
    }
    settings.put(key, value);
  }
}
