package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a mise shim runs (jdx/mise src/config/mod.rs LOCAL_CONFIG_FILENAMES, src/plugins/core/go.rs):
 * {@code MISE_GO_VERSION}, else the nearest directory upward from the working directory whose mise
 * config files set {@code go} (in one directory {@code mise.local.toml} beats {@code mise.toml},
 * which beats {@code .tool-versions}), else the global {@code ~/.config/mise/config.toml}.
 * {@code .go-version} and {@code go.mod} count only when {@code idiomatic_version_file_enable_tools}
 * includes {@code go} (off by default in current mise). A {@code 1.22} request takes the newest
 * installed {@code 1.22.x}. mise exports {@code GOROOT} unless {@code MISE_GO_SET_GOROOT} is false.
 * Not modelled: {@code conf.d} directories, {@code MISE_ENV} files, and mise's trust prompt.
 */
final class MiseSelector {
  /** Highest precedence first, within one directory (mise lists them lowest first). */
  private static final List<String> CONFIG_FILES = List.of(
      ".mise.local.toml", "mise.local.toml", ".rtx.local.toml", "mise/config.local.toml", ".mise/config.local.toml",
      ".config/mise.local.toml", ".config/mise/mise.local.toml", ".config/mise/config.local.toml",
      ".mise.toml", "mise.toml", ".rtx.toml", "mise/config.toml", ".mise/config.toml", ".config/mise.toml",
      ".config/mise/mise.toml", ".config/mise/config.toml", ".tool-versions");
  private static final Set<String> TOOL_NAMES = Set.of("go", "golang", "core:go");
  private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*([^\\]]+?)\\s*\\]\\s*(#.*)?$");
  private static final Pattern KEY_VALUE = Pattern.compile("^\\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_:.-]+)\\s*=\\s*(.*)$");
  private static final Pattern FIRST_STRING = Pattern.compile("\"([^\"]*)\"|'([^']*)'");
  private static final Pattern VERSION_KEY = Pattern.compile("version\\s*=\\s*(\"[^\"]*\"|'[^']*')");

  private MiseSelector() {}

  static boolean isMiseShim(String command, String realPath, UserDirs dirs) {
    boolean inShims = dirs.miseDataDir().map(d -> Root.parent(command).equals(Root.join(d, "shims"))).orElse(false);
    return realPath.endsWith("/mise") || inShims;
  }

  private record Pin(String version, String origin, Optional<Provenance> provenance) {}

  static Selected select(Root root, Map<String, String> env, String cwd, UserDirs dirs, String shim) {
    String dataDir = dirs.miseDataDir().orElse(Root.parent(Root.parent(shim)));
    String installs = Root.join(dataDir, "installs/go");
    Optional<Pin> pin = findPin(root, env, cwd, dirs);
    if (pin.isEmpty()) {
      String message = "mise has no go version set in any config file from " + Root.normalize(cwd) + " upward or in the global config";
      return new Selected(new VersionSelection("mise", "", "no mise config sets go", Optional.empty(), Optional.empty(), false,
          Optional.of(message)), Optional.empty(), Optional.empty(), true, Optional.empty());
    }
    Pin p = pin.get();
    String chosenBy = p.provenance().map(Provenance::display).orElse(p.origin());
    String version = p.version().startsWith("prefix:") ? p.version().substring("prefix:".length()) : p.version();
    if (version.equals("system")) {
      return Selected.system(new VersionSelection("mise", p.version(), chosenBy, p.provenance(), Optional.empty(), true,
          Optional.empty()), Root.join(dataDir, "shims"));
    }
    Optional<String> dir = installDir(root, installs, version);
    if (dir.isEmpty()) {
      String message = "go " + p.version() + " is not installed (mise, set by " + chosenBy + "); 'mise install go@" + version
          + "' installs it";
      return new Selected(new VersionSelection("mise", p.version(), chosenBy, p.provenance(),
          Optional.of(Root.join(installs, version)), false, Optional.of(message)), Optional.empty(), Optional.empty(), true,
          Optional.empty());
    }
    // Older layouts keep the tree in <install>/go (mise go plugin: goroot()).
    String goroot = root.exists(Root.join(dir.get(), "go/bin/go")) ? Root.join(dir.get(), "go") : dir.get();
    String setGoroot = env.getOrDefault("MISE_GO_SET_GOROOT", "");
    boolean export = !(setGoroot.equals("0") || setGoroot.equalsIgnoreCase("false"));
    return new Selected(new VersionSelection("mise", p.version(), chosenBy, p.provenance(), Optional.of(goroot), true,
        Optional.empty()), Optional.of(Root.join(goroot, "bin/go")), export ? Optional.of(goroot) : Optional.empty(), true,
        Optional.empty());
  }

  private static Optional<Pin> findPin(Root root, Map<String, String> env, String cwd, UserDirs dirs) {
    String fromEnv = env.getOrDefault("MISE_GO_VERSION", "").strip();
    if (!fromEnv.isEmpty()) {
      return Optional.of(new Pin(fromEnv.split("\\s+")[0], "MISE_GO_VERSION environment variable", Optional.empty()));
    }
    Optional<String> global = globalConfig(env, dirs);
    boolean idiomatic = idiomaticEnabled(root, env, global);
    for (String dir : Upward.from(cwd)) {
      for (String name : CONFIG_FILES) {
        String file = Root.join(dir, name);
        Optional<Pin> pin = name.equals(".tool-versions") ? toolVersions(root, file) : toml(root, file);
        if (pin.isPresent()) {
          return pin;
        }
      }
      if (idiomatic) {
        Optional<Pin> pin = goVersionFile(root, Root.join(dir, ".go-version")).or(() -> goMod(root, Root.join(dir, "go.mod")));
        if (pin.isPresent()) {
          return pin;
        }
      }
    }
    return global.flatMap(g -> toml(root, g));
  }

  private static Optional<String> globalConfig(Map<String, String> env, UserDirs dirs) {
    Optional<String> file = UserDirs.absolute(env.get("MISE_GLOBAL_CONFIG_FILE")).or(() -> UserDirs.absolute(env.get("MISE_CONFIG_FILE")));
    if (file.isPresent()) {
      return file;
    }
    Optional<String> configDir = UserDirs.absolute(env.get("MISE_CONFIG_DIR"))
        .or(() -> UserDirs.absolute(env.get("XDG_CONFIG_HOME")).map(x -> Root.join(x, "mise")))
        .or(() -> dirs.home().map(h -> Root.join(h, ".config/mise")));
    return configDir.map(d -> Root.join(d, "config.toml"));
  }

  private static boolean idiomaticEnabled(Root root, Map<String, String> env, Optional<String> global) {
    String fromEnv = env.get("MISE_IDIOMATIC_VERSION_FILE_ENABLE_TOOLS");
    if (fromEnv != null) {
      return Arrays.stream(fromEnv.split(",")).map(String::strip).anyMatch(TOOL_NAMES::contains);
    }
    List<String> lines = global.flatMap(g -> TextFiles.lines(root, g)).orElse(List.of());
    String section = "";
    for (String line : lines) {
      Matcher s = SECTION.matcher(line);
      if (s.matches()) {
        section = s.group(1);
        continue;
      }
      Matcher kv = KEY_VALUE.matcher(line);
      if (kv.matches() && section.equals("settings") && unquote(kv.group(1)).equals("idiomatic_version_file_enable_tools")) {
        Matcher str = FIRST_STRING.matcher(kv.group(2));
        while (str.find()) {
          String v = str.group(1) != null ? str.group(1) : str.group(2);
          if (TOOL_NAMES.contains(v)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** {@code [tools]} {@code go = "1.22"}, {@code go = ["1.22", ...]}, {@code go = { version = "1.22" }}, or {@code [tools.go]} {@code version = ...}. */
  private static Optional<Pin> toml(Root root, String file) {
    Optional<List<String>> lines = TextFiles.lines(root, file);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String section = "";
    for (int i = 0; i < lines.get().size(); i++) {
      String line = lines.get().get(i);
      Matcher s = SECTION.matcher(line);
      if (s.matches()) {
        section = s.group(1).replace("\"", "").replace("'", "");
        continue;
      }
      Matcher kv = KEY_VALUE.matcher(line);
      if (!kv.matches()) {
        continue;
      }
      String key = unquote(kv.group(1));
      String value = kv.group(2);
      Optional<String> version = Optional.empty();
      if (section.equals("tools") && TOOL_NAMES.contains(key)) {
        Matcher explicit = VERSION_KEY.matcher(value);
        version = explicit.find() ? Optional.of(unquote(explicit.group(1))) : firstString(value);
      } else if (section.startsWith("tools.") && TOOL_NAMES.contains(section.substring("tools.".length()))
          && key.equals("version")) {
        version = firstString(value);
      }
      if (version.isPresent() && !version.get().isEmpty()) {
        return Optional.of(new Pin(version.get(), file, Optional.of(TextFiles.provenance(file, i, line))));
      }
    }
    return Optional.empty();
  }

  private static Optional<Pin> toolVersions(Root root, String file) {
    Optional<List<String>> lines = TextFiles.lines(root, file);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < lines.get().size(); i++) {
      String line = lines.get().get(i);
      String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
      List<String> tokens = Arrays.stream(content.strip().split("\\s+")).filter(t -> !t.isEmpty()).toList();
      if (tokens.size() > 1 && TOOL_NAMES.contains(tokens.get(0))) {
        return Optional.of(new Pin(tokens.get(1), file, Optional.of(TextFiles.provenance(file, i, line))));
      }
    }
    return Optional.empty();
  }

  private static Optional<Pin> goVersionFile(Root root, String file) {
    Optional<List<String>> lines = TextFiles.lines(root, file);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < lines.get().size(); i++) {
      String v = lines.get().get(i).strip();
      if (!v.isEmpty() && !v.startsWith("#")) {
        String version = v.startsWith("v") ? v.substring(1) : v;
        return Optional.of(new Pin(version, file, Optional.of(TextFiles.provenance(file, i, lines.get().get(i)))));
      }
    }
    return Optional.empty();
  }

  /** mise's parse_gomod: a full {@code toolchain goX.Y.Z}, else the (deprecated) {@code go} directive as a prefix. */
  private static Optional<Pin> goMod(Root root, String file) {
    Optional<List<String>> lines = TextFiles.lines(root, file);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    List<String> all = lines.get();
    for (String directive : List.of("toolchain", "go")) {
      for (int i = 0; i < all.size(); i++) {
        String code = all.get(i).contains("//") ? all.get(i).substring(0, all.get(i).indexOf("//")) : all.get(i);
        String[] parts = code.strip().split("\\s+");
        if (parts.length < 2 || !parts[0].equals(directive)) {
          continue;
        }
        String v = directive.equals("toolchain") ? (parts[1].startsWith("go") ? parts[1].substring(2) : "") : parts[1];
        boolean ok = directive.equals("toolchain") ? v.matches("[0-9]+\\.[0-9]+\\.[0-9]+") : v.matches("[0-9]+\\.[0-9]+(\\.[0-9]+)?");
        if (ok) {
          return Optional.of(new Pin(v, file, Optional.of(TextFiles.provenance(file, i, all.get(i)))));
        }
        break;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> installDir(Root root, String installs, String version) {
    String exact = Root.join(installs, version);
    if (root.isDirectory(exact)) {
      return Optional.of(exact);
    }
    List<String> installed = new ArrayList<>(root.list(installs));
    installed.removeIf(n -> n.startsWith(".") || !root.isDirectory(Root.join(installs, n)));
    Optional<String> newest = version.equals("latest")
        ? installed.stream().filter(n -> n.matches("[0-9].*")).max(GoVersions.NATURAL)
        : GoVersions.newestWithPrefix(installed, version);
    return newest.map(n -> Root.join(installs, n));
  }

  private static Optional<String> firstString(String value) {
    Matcher m = FIRST_STRING.matcher(value);
    return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
