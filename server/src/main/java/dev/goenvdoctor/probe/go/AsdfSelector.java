package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an asdf shim runs (asdf-vm/asdf internal/resolve, asdf-community/asdf-golang bin/*):
 * {@code ASDF_GOLANG_VERSION}, else the nearest {@code .tool-versions} upward from the working
 * directory with a {@code golang} line, else {@code ~/.tool-versions}. {@code .go-version},
 * {@code go.mod} and {@code go.work} count only with {@code legacy_version_file = yes} in
 * {@code ~/.asdfrc}. The first installed version of the line wins. asdf-golang exports
 * {@code GOROOT=<install>/go} only when GOROOT is unset.
 */
final class AsdfSelector {
  private static final Pattern PLUGIN_LINE = Pattern.compile("^# asdf-plugin: (\\S+) (\\S+)");
  private static final Pattern LEGACY_GOMOD_LINE = Pattern.compile("go\\s*[0-9]");

  private AsdfSelector() {}

  static boolean isAsdfShim(List<String> scriptLines) {
    return scriptLines.stream().anyMatch(l -> l.contains("asdf exec") || l.startsWith("# asdf-plugin:"));
  }

  private record Pin(List<String> versions, String origin, Optional<Provenance> provenance, boolean legacyPrefix) {}

  static Selected select(Root root, Map<String, String> env, String cwd, UserDirs dirs, String shim, List<String> scriptLines) {
    String shimDir = Root.parent(shim);
    String dataDir = shimDir.endsWith("/shims") ? Root.parent(shimDir) : dirs.asdfDataDir().orElse(Root.parent(shimDir));
    String plugin = pluginName(scriptLines);
    String installs = Root.join(Root.join(dataDir, "installs"), plugin);
    Optional<Pin> pin = findPin(root, env, cwd, dirs, plugin, installs);
    if (pin.isEmpty()) {
      String message = "asdf has no version set for " + plugin + " in any .tool-versions from " + Root.normalize(cwd)
          + " upward or in ~/.tool-versions";
      return new Selected(new VersionSelection("asdf", "", "no .tool-versions entry", Optional.empty(), Optional.empty(), false,
          Optional.of(message)), Optional.empty(), Optional.empty(), false, Optional.empty());
    }
    Pin p = pin.get();
    String chosenBy = p.provenance().map(Provenance::display).orElse(p.origin());
    String requested = String.join(" ", p.versions());
    List<String> installed = root.list(installs);
    for (String version : p.versions()) {
      if (version.equals("system")) {
        return Selected.system(new VersionSelection("asdf", requested, chosenBy, p.provenance(), Optional.empty(), true,
            Optional.empty()), shimDir);
      }
      Optional<String> dir = installDir(root, installs, installed, version, p.legacyPrefix());
      if (dir.isPresent()) {
        String goroot = Root.join(dir.get(), "go");
        return new Selected(new VersionSelection("asdf", requested, chosenBy, p.provenance(), Optional.of(goroot), true,
            Optional.empty()), Optional.of(Root.join(goroot, "bin/go")), Optional.of(goroot), false, Optional.empty());
      }
    }
    String first = p.versions().get(0);
    String message = plugin + " " + first + " is not installed (asdf, set by " + chosenBy + "); 'asdf install " + plugin + " "
        + first + "' installs it";
    return new Selected(new VersionSelection("asdf", requested, chosenBy, p.provenance(),
        Optional.of(Root.join(Root.join(installs, first), "go")), false, Optional.of(message)),
        Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  private static String pluginName(List<String> scriptLines) {
    for (String line : scriptLines) {
      Matcher m = PLUGIN_LINE.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    return "golang";
  }

  private static Optional<Pin> findPin(Root root, Map<String, String> env, String cwd, UserDirs dirs, String plugin, String installs) {
    String variable = "ASDF_" + plugin.toUpperCase(Locale.ROOT).replace('-', '_') + "_VERSION";
    String fromEnv = env.getOrDefault(variable, "").strip();
    if (!fromEnv.isEmpty()) {
      return Optional.of(new Pin(Arrays.asList(fromEnv.split("\\s+")), variable + " environment variable", Optional.empty(), false));
    }
    String fileName = env.getOrDefault("ASDF_DEFAULT_TOOL_VERSIONS_FILENAME", "");
    fileName = fileName.isEmpty() ? ".tool-versions" : fileName;
    boolean legacy = legacyEnabled(root, env, dirs);
    List<String> legacyNames = "false".equals(env.get("ASDF_GOLANG_MOD_VERSION_ENABLED"))
        ? List.of(".go-version") : List.of(".go-version", "go.mod", "go.work");
    List<String> searched = new ArrayList<>(Upward.from(cwd));
    dirs.home().ifPresent(searched::add);
    for (String dir : searched) {
      Optional<Pin> found = toolVersions(root, Root.join(dir, fileName), plugin);
      if (found.isPresent()) {
        return found;
      }
      if (legacy) {
        for (String name : legacyNames) {
          Optional<Pin> l = legacyFile(root, Root.join(dir, name), installs);
          if (l.isPresent()) {
            return l;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A {@code .tool-versions} line {@code <plugin> <v> [<v>...]}; {@code #} starts a comment anywhere. */
  static Optional<Pin> toolVersions(Root root, String file, String plugin) {
    Optional<List<String>> lines = TextFiles.lines(root, file);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < lines.get().size(); i++) {
      String line = lines.get().get(i);
      String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
      List<String> tokens = Arrays.stream(content.strip().split("\\s+")).filter(t -> !t.isEmpty()).toList();
      if (tokens.size() > 1 && tokens.get(0).equals(plugin)) {
        return Optional.of(new Pin(tokens.subList(1, tokens.size()), file, Optional.of(TextFiles.provenance(file, i, line)), false));
      }
    }
    return Optional.empty();
  }

  /**
   * asdf-golang's parse-legacy-file: {@code .go-version} gives its text; go.mod/go.work give what its
   * sed leaves of the first line matching {@code go\s*[0-9]} (the major version, e.g. {@code 1}). Either
   * is then a plain prefix: the newest installed version starting with it.
   */
  private static Optional<Pin> legacyFile(Root root, String file, String installs) {
    Optional<List<String>> lines = TextFiles.lines(root, file);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < lines.get().size(); i++) {
      String line = lines.get().get(i);
      String value;
      if (file.endsWith("/.go-version")) {
        value = line.strip();
      } else {
        if (!LEGACY_GOMOD_LINE.matcher(line).find()) {
          continue;
        }
        value = line.replaceFirst("\\s", "").replaceFirst("go([0-9]+).*", "$1");
      }
      if (value.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Pin(List.of(value), file, Optional.of(TextFiles.provenance(file, i, line)), true));
    }
    return Optional.empty();
  }

  private static boolean legacyEnabled(Root root, Map<String, String> env, UserDirs dirs) {
    Optional<String> rc = UserDirs.absolute(env.get("ASDF_CONFIG_FILE")).or(() -> dirs.home().map(h -> Root.join(h, ".asdfrc")));
    return rc.flatMap(f -> TextFiles.lines(root, f)).orElse(List.of()).stream()
        .map(l -> l.replace(" ", "").replace("\t", "").toLowerCase(Locale.ROOT))
        .anyMatch(l -> l.equals("legacy_version_file=yes"));
  }

  private static Optional<String> installDir(Root root, String installs, List<String> installed, String version, boolean prefix) {
    String name;
    if (version.startsWith("path:")) {
      return Optional.of(version.substring("path:".length())).filter(root::isDirectory);
    } else if (version.startsWith("ref:")) {
      name = "ref-" + version.substring("ref:".length());
    } else if (prefix) {
      Optional<String> newest = installed.stream().filter(v -> v.startsWith(version)).max(GoVersions.NATURAL);
      if (newest.isEmpty()) {
        return Optional.empty();
      }
      name = newest.get();
    } else {
      name = version;
    }
    String dir = Root.join(installs, name);
    return root.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }
}
