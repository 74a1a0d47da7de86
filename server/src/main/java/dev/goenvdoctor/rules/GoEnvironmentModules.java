package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.workspace.GoDirective;
import dev.goenvdoctor.probe.workspace.GoModFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a module needs from the module cache, read from disk without running go: the {@code require}
 * lines of a go.mod (the workspace probe keeps only the directives that choose a toolchain), and
 * whether a module version or a toolchain is already in a module cache.
 */
final class GoEnvironmentModules {
  private static final int MAX_GO_MOD = 1 << 20;
  private static final int MAX_REQUIREMENTS = 5000;

  private GoEnvironmentModules() {}

  /** One {@code require} entry and its line. */
  record Requirement(String path, String version, Provenance line) {
    String display() {
      return path + " " + version;
    }
  }

  /**
   * The requirements of {@code mod} (a go.mod, not a go.work), minus modules replaced by a directive.
   * Empty when the file cannot be read: unknown never counts as "needs something".
   */
  static List<Requirement> requirements(Root root, GoModFile mod) {
    if (mod.kind() != GoModFile.Kind.GO_MOD) {
      return List.of();
    }
    Optional<String> text = root.readText(mod.path(), MAX_GO_MOD);
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> replaced = mod.replaces().stream().map(GoDirective::value).toList();
    List<Requirement> out = new ArrayList<>();
    boolean inBlock = false;
    String[] lines = text.get().split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length && out.size() < MAX_REQUIREMENTS; i++) {
      String raw = lines[i];
      String line = stripComment(raw).strip();
      String entry;
      if (inBlock) {
        if (line.startsWith(")")) {
          inBlock = false;
          continue;
        }
        entry = line;
      } else if (line.startsWith("require") && (line.length() == 7 || line.charAt(7) == ' ' || line.charAt(7) == '\t'
          || line.charAt(7) == '(')) {
        String rest = line.substring(7).strip();
        if (rest.startsWith("(")) {
          inBlock = true;
          entry = rest.substring(1).strip();
        } else {
          entry = rest;
        }
      } else {
        continue;
      }
      String[] words = entry.split("\\s+");
      if (words.length >= 2 && !words[0].isEmpty()) {
        String path = unquote(words[0]);
        String version = unquote(words[1]);
        if (!path.isEmpty() && version.startsWith("v") && !replaced.contains(path)) {
          out.add(new Requirement(path, version, new Provenance(Location.ofLine(mod.path(), i, raw), raw.strip())));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The module cache the layer's go uses: GOMODCACHE, else the first GOPATH entry's pkg/mod, else ~/go/pkg/mod. */
  static Optional<String> moduleCache(GoEnvironmentLookup lookup, Layer layer) {
    String cache = lookup.setting(layer, "GOMODCACHE").value();
    if (cache.isEmpty()) {
      String gopath = lookup.setting(layer, "GOPATH").value();
      String first = gopath.isEmpty() ? "" : gopath.split(":", -1)[0];
      if (!first.isEmpty()) {
        cache = first + "/pkg/mod";
      } else {
        String home = layer.environment().getOrDefault("HOME", "");
        cache = home.isEmpty() ? "" : home + "/go/pkg/mod";
      }
    }
    return cache.startsWith("/") ? Optional.of(Root.normalize(cache)) : Optional.empty();
  }

  /** True when the module version is in the cache: extracted, or its zip or go.mod downloaded. */
  static boolean inCache(Root root, String cache, String path, String version) {
    String escPath = escape(path);
    String escVersion = escape(version);
    String download = cache + "/cache/download/" + escPath + "/@v/" + escVersion;
    return root.isDirectory(cache + "/" + escPath + "@" + escVersion)
        || root.isRegularFile(download + ".zip")
        || root.isRegularFile(download + ".mod");
  }

  /** The module the go command downloads to switch to {@code toolchain} (e.g. go1.22.0) on linux/{@code goarch}. */
  static String toolchainModule(String toolchain, String goarch) {
    return "golang.org/toolchain@v0.0.1-" + toolchain + ".linux-" + goarch;
  }

  /** True when that toolchain module is already in the cache. */
  static boolean toolchainInCache(Root root, String cache, String toolchain, String goarch) {
    return inCache(root, cache, "golang.org/toolchain", "v0.0.1-" + toolchain + ".linux-" + goarch);
  }

  /** The module cache's case encoding (golang.org/x/mod/module.EscapePath): an upper-case letter becomes '!' and its lower case. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        out.append('!').append((char) (c + ('a' - 'A')));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String stripComment(String line) {
    int at = line.indexOf("//");
    return at < 0 ? line : line.substring(0, at);
  }

  private static String unquote(String word) {
    if (word.length() >= 2 && (word.startsWith("\"") && word.endsWith("\"") || word.startsWith("`") && word.endsWith("`"))) {
      return word.substring(1, word.length() - 1);
    }
    return word;
  }
}
