package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a goenv shim runs, following goenv's own scripts (go-nv/goenv libexec: goenv-version-name,
 * goenv-version-file, goenv-version-file-read, goenv-exec):
 * <ol>
 *   <li>{@code GOENV_VERSION};
 *   <li>else the nearest {@code .go-version} upward from {@code GOENV_DIR} (default: the working
 *       directory); {@code go.mod} counts too, but only with {@code GOENV_GOMOD_VERSION_ENABLE=1}
 *       ({@code toolchain} line, else {@code go} line); a {@code .go-version} in the same directory wins;
 *   <li>else {@code $GOENV_ROOT/version}; nothing at all means {@code system}.
 * </ol>
 * A {@code 1.22} request takes the newest installed {@code 1.22.x}. {@code goenv exec} then exports
 * {@code GOROOT=$GOENV_ROOT/versions/<v>} unless {@code GOENV_DISABLE_GOROOT=1}.
 */
final class GoenvSelector {
  private static final Pattern EXPORTED_ROOT = Pattern.compile("^export GOENV_ROOT=\"([^\"]+)\"");
  private static final Pattern SHORT_VERSION = Pattern.compile("^[0-9]+\\.[0-9]+\\.?[0-9]*\\s*$");
  private static final Pattern FULL_VERSION = Pattern.compile("^[0-9]+\\.[0-9]+\\.[0-9]+\\s*$");
  private static final Pattern GOMOD_TOOLCHAIN = Pattern.compile("^toolchain[ \\t]*go[ \\t]*([0-9]+\\.[0-9]+(\\.[0-9]+)?(beta|rc)?)");
  private static final Pattern GOMOD_GO = Pattern.compile("go[ \\t]*([0-9]+\\.[0-9]+(\\.[0-9]+)?(beta|rc)?)");

  private GoenvSelector() {}

  /** True when {@code scriptLines} (a shim in a {@code shims} directory) is goenv's. */
  static boolean isGoenvShim(String command, List<String> scriptLines) {
    return Root.parent(command).endsWith("/shims")
        && scriptLines.stream().anyMatch(l -> l.contains("goenv") && l.contains(" exec "));
  }

  static Selected select(Root root, Map<String, String> env, String cwd, UserDirs dirs, String shim, List<String> scriptLines) {
    String goenvRoot = goenvRoot(scriptLines, dirs, shim);
    String requested;
    String origin;
    Optional<Provenance> provenance = Optional.empty();
    String fromEnv = env.getOrDefault("GOENV_VERSION", "");
    if (!fromEnv.isEmpty()) {
      requested = fromEnv;
      origin = "GOENV_VERSION environment variable";
    } else {
      boolean gomod = "1".equals(env.get("GOENV_GOMOD_VERSION_ENABLE"));
      String goenvDir = UserDirs.absolute(env.get("GOENV_DIR")).orElse(cwd);
      Optional<String> file = findVersionFile(root, goenvDir, gomod);
      if (file.isEmpty() && !goenvDir.equals(Root.normalize(cwd))) {
        file = findVersionFile(root, cwd, gomod);
      }
      String versionFile = file.orElse(Root.join(goenvRoot, "version"));
      origin = versionFile;
      Optional<Pin> pin = read(root, versionFile);
      requested = pin.map(Pin::versions).orElse("system");
      provenance = pin.map(Pin::provenance);
    }
    String chosenBy = provenance.map(Provenance::display).orElse(origin);
    // goenv-which drops $GOENV_ROOT/shims from PATH and runs whatever go comes next.
    String shimDir = Root.join(goenvRoot, "shims");
    List<String> installed = root.list(Root.join(goenvRoot, "versions"));
    for (String version : requested.split(":")) {
      if (version.equals("system")) {
        return Selected.system(selection(requested, chosenBy, provenance, Optional.empty(), true, Optional.empty()), shimDir);
      }
      Optional<String> exists = versionExists(root, goenvRoot, installed, version);
      if (exists.isEmpty() && version.startsWith("go-")) {
        exists = versionExists(root, goenvRoot, installed, version.substring(3));
      }
      if (exists.isPresent()) {
        String dir = Root.join(Root.join(goenvRoot, "versions"), exists.get());
        boolean exportRoot = !"1".equals(env.get("GOENV_DISABLE_GOROOT"));
        return new Selected(selection(requested, chosenBy, provenance, Optional.of(dir), true, Optional.empty()),
            Optional.of(Root.join(dir, "bin/go")), exportRoot ? Optional.of(dir) : Optional.empty(), true, Optional.empty());
      }
    }
    String first = requested.split(":")[0];
    String message = "goenv: version '" + first + "' is not installed (set by " + origin + ")";
    return new Selected(selection(requested, chosenBy, provenance,
        Optional.of(Root.join(Root.join(goenvRoot, "versions"), first)), false, Optional.of(message)),
        Optional.empty(), Optional.empty(), true, Optional.empty());
  }

  private static VersionSelection selection(String requested, String chosenBy, Optional<Provenance> provenance,
      Optional<String> dir, boolean installed, Optional<String> message) {
    return new VersionSelection("goenv", requested, chosenBy, provenance, dir, installed, message);
  }

  /** The shim bakes {@code export GOENV_ROOT="..."} in at rehash time; that wins over the caller's env. */
  private static String goenvRoot(List<String> scriptLines, UserDirs dirs, String shim) {
    for (String line : scriptLines) {
      Matcher m = EXPORTED_ROOT.matcher(line.strip());
      if (m.find() && m.group(1).startsWith("/")) {
        return Root.normalize(m.group(1));
      }
    }
    return dirs.goenvRoot().orElse(Root.parent(Root.parent(shim)));
  }

  private static Optional<String> findVersionFile(Root root, String start, boolean gomod) {
    for (String dir : Upward.from(start)) {
      String goVersion = Root.join(dir, ".go-version");
      if (root.exists(goVersion)) {
        return Optional.of(goVersion);
      }
      String goMod = Root.join(dir, "go.mod");
      if (gomod && root.exists(goMod)) {
        return Optional.of(goMod);
      }
    }
    return Optional.empty();
  }

  record Pin(String versions, Provenance provenance) {}

  /** goenv-version-file-read: the versions a file names (joined with {@code :}) and the line of the first. */
  static Optional<Pin> read(Root root, String file) {
    Optional<List<String>> maybeLines = TextFiles.lines(root, file);
    if (maybeLines.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = maybeLines.get();
    List<String> versions = new ArrayList<>();
    int firstLine = -1;
    if (file.endsWith("/go.mod")) {
      boolean hasToolchain = lines.stream().anyMatch(l -> l.matches("^toolchain[ \\t]*.*"));
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = (hasToolchain ? GOMOD_TOOLCHAIN : GOMOD_GO).matcher(lines.get(i));
        if (m.find()) {
          versions.add(m.group(1));
          firstLine = firstLine < 0 ? i : firstLine;
        }
      }
    } else {
      for (int i = 0; i < lines.size(); i++) {
        String word = firstWord(lines.get(i));
        // goenv drops '..' and anything with a '/' (CVE-2022-35861: the version becomes a path).
        if (word.isEmpty() || word.startsWith("#") || word.equals("..") || word.contains("/")) {
          continue;
        }
        versions.add(word);
        firstLine = firstLine < 0 ? i : firstLine;
      }
    }
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Pin(String.join(":", versions), TextFiles.provenance(file, firstLine, lines.get(firstLine))));
  }

  private static String firstWord(String line) {
    String s = line.replace('\r', ' ').strip();
    int space = 0;
    while (space < s.length() && !Character.isWhitespace(s.charAt(space))) {
      space++;
    }
    return s.substring(0, space);
  }

  /** goenv-version-name's version_exists: a {@code 1.22} request takes the newest installed {@code 1.22.x}. */
  private static Optional<String> versionExists(Root root, String goenvRoot, List<String> installed, String version) {
    String name = version;
    if (root.isDirectory(Root.join(goenvRoot, "versions")) && SHORT_VERSION.matcher(version).matches()
        && !FULL_VERSION.matcher(version).matches()) {
      Optional<String> newest = GoVersions.newestWithPrefix(installed, version.strip());
      if (newest.isEmpty()) {
        return Optional.empty();
      }
      name = newest.get();
    }
    return root.isDirectory(Root.join(Root.join(goenvRoot, "versions"), name)) ? Optional.of(name) : Optional.empty();
  }
}
