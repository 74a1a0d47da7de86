package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import java.util.Map;
import java.util.Optional;

/**
 * The per-user directories where Go installs live, each computed from the environment the way its
 * owner computes it. Relative values are ignored (every tool here would resolve them against an
 * unknown working directory).
 */
record UserDirs(
    Optional<String> home,
    Optional<String> goenvRoot,
    Optional<String> gvmRoot,
    Optional<String> asdfDataDir,
    Optional<String> miseDataDir,
    Optional<String> gopath,
    Optional<String> gomodcache,
    Optional<String> gobin,
    Optional<String> homebrewCellar) {

  static UserDirs from(Root root, Map<String, String> env) {
    Optional<String> home = absolute(env.get("HOME"));
    GoEnvFile userFile = GoEnvFile.read(root, env);
    Optional<String> goenvRoot = absolute(env.get("GOENV_ROOT")).or(() -> home.map(h -> Root.join(h, ".goenv")));
    Optional<String> gvmRoot = absolute(env.get("GVM_ROOT")).or(() -> home.map(h -> Root.join(h, ".gvm")));
    Optional<String> asdf = absolute(env.get("ASDF_DATA_DIR")).or(() -> home.map(h -> Root.join(h, ".asdf")));
    Optional<String> xdgData = absolute(env.get("XDG_DATA_HOME")).or(() -> home.map(h -> Root.join(h, ".local/share")));
    Optional<String> mise = absolute(env.get("MISE_DATA_DIR")).or(() -> xdgData.map(d -> Root.join(d, "mise")));
    // GOPATH: the go command uses the first list entry for pkg/mod and bin.
    Optional<String> gopath = firstListEntry(setting("GOPATH", env, userFile)).or(() -> home.map(h -> Root.join(h, "go")));
    Optional<String> gomodcache = absolute(setting("GOMODCACHE", env, userFile).orElse(null))
        .or(() -> gopath.map(p -> Root.join(p, "pkg/mod")));
    Optional<String> gobin = absolute(setting("GOBIN", env, userFile).orElse(null)).or(() -> gopath.map(p -> Root.join(p, "bin")));
    Optional<String> cellar = absolute(env.get("HOMEBREW_CELLAR"));
    return new UserDirs(home, goenvRoot, gvmRoot, asdf, mise, gopath, gomodcache, gobin, cellar);
  }

  private static Optional<String> setting(String name, Map<String, String> env, GoEnvFile userFile) {
    String value = env.getOrDefault(name, "");
    if (!value.isEmpty()) {
      return Optional.of(value);
    }
    return userFile.get(name).map(GoEnvEntry::value).filter(v -> !v.isEmpty());
  }

  private static Optional<String> firstListEntry(Optional<String> list) {
    return list.flatMap(l -> absolute(l.split(":", -1)[0]));
  }

  static Optional<String> absolute(String value) {
    if (value == null || !value.startsWith("/")) {
      return Optional.empty();
    }
    String n = Root.normalize(value);
    return Optional.of(n);
  }
}
