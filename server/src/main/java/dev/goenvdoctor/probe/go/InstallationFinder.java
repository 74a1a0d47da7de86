package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds every Go installation on the machine without running anything: the system places (apt,
 * tarball, snap, flatpak SDK, Linuxbrew), the per-user places (golang.org/dl, GoLand, goenv, gvm,
 * asdf, mise, toolchains downloaded by GOTOOLCHAIN switching), GOROOT settings, and every PATH entry
 * the caller gives (the union of all layers' PATHs). Installations are unique by real path.
 */
public final class InstallationFinder {
  /** Directories are listed at most this far; a crafted home cannot make the scan unbounded. */
  private static final int MAX_ENTRIES_PER_DIR = 512;

  private final Root root;

  /** A finder reading the machine through {@code root}. */
  public InstallationFinder(Root root) {
    this.root = root;
  }

  /** When a candidate that is not a working Go root is still worth reporting. */
  private enum Keep {
    /** Only a working Go root (a glob hit such as /usr/lib/go-* may be something else). */
    GO_ROOT_ONLY,
    /** Anything present, even broken (a manager's own directory: broken means a broken install). */
    IF_PRESENT,
    /** Even when missing (a GOROOT setting that points nowhere is what users hit). */
    ALWAYS
  }

  private record Candidate(String dir, String seenAs, Keep keep) {}

  /**
   * Scans the machine as seen with environment {@code env} (HOME, GOENV_ROOT, GVM_ROOT, ASDF_DATA_DIR,
   * MISE_DATA_DIR, XDG_DATA_HOME, GOPATH, GOMODCACHE, GOBIN, GOROOT) plus {@code pathEntries}.
   * Returns the installations in discovery order and the golang.org/dl wrappers found. Never throws.
   */
  public InstallationScan find(Map<String, String> env, List<String> pathEntries) {
    UserDirs dirs = UserDirs.from(root, env);
    List<Candidate> candidates = new ArrayList<>();
    systemCandidates(candidates);
    userCandidates(dirs, candidates);
    settingCandidates(env, candidates);
    List<DlWrapper> wrappers = new ArrayList<>();
    pathCandidates(pathEntries, dirs, candidates, wrappers);
    return new InstallationScan(merge(candidates, dirs), wrappers);
  }

  private void systemCandidates(List<Candidate> out) {
    out.add(new Candidate("/usr/local/go", "/usr/local/go", Keep.IF_PRESENT));
    for (String name : list("/usr/lib")) {
      if (name.startsWith("go-")) {
        out.add(new Candidate("/usr/lib/" + name, "/usr/lib/" + name, Keep.GO_ROOT_ONLY));
      }
    }
    out.add(new Candidate("/usr/lib/go", "/usr/lib/go", Keep.GO_ROOT_ONLY));
    out.add(new Candidate("/usr/lib/golang", "/usr/lib/golang", Keep.GO_ROOT_ONLY)); // Fedora/RHEL golang package
    for (String name : list("/snap/go")) {
      if (name.matches("\\d+|x\\d+|current")) {
        out.add(new Candidate("/snap/go/" + name, "/snap/go/" + name, Keep.IF_PRESENT));
      }
    }
    out.add(new Candidate(InstallClassifier.FLATPAK_SDK, InstallClassifier.FLATPAK_SDK, Keep.GO_ROOT_ONLY));
    cellar(InstallClassifier.LINUXBREW_CELLAR, out);
  }

  private void userCandidates(UserDirs dirs, List<Candidate> out) {
    dirs.home().ifPresent(home -> {
      String sdk = Root.join(home, "sdk");
      for (String name : list(sdk)) {
        if (name.startsWith("go")) {
          out.add(new Candidate(Root.join(sdk, name), Root.join(sdk, name), Keep.IF_PRESENT));
        }
      }
      String goDir = Root.join(home, "go");
      for (String name : list(goDir)) {
        if (name.matches("go1[.0-9a-z]*")) {
          out.add(new Candidate(Root.join(goDir, name), Root.join(goDir, name), Keep.GO_ROOT_ONLY));
        }
      }
      cellar(Root.join(home, ".linuxbrew/Cellar"), out);
    });
    dirs.homebrewCellar().ifPresent(c -> cellar(c, out));
    dirs.goenvRoot().ifPresent(r -> children(Root.join(r, "versions"), "", out));
    dirs.gvmRoot().ifPresent(r -> children(Root.join(r, "gos"), "", out));
    dirs.asdfDataDir().ifPresent(r -> children(Root.join(r, "installs/golang"), "go", out));
    dirs.miseDataDir().ifPresent(r -> {
      String installs = Root.join(r, "installs/go");
      for (String name : list(installs)) {
        if (name.startsWith(".")) {
          continue;
        }
        // Older mise layouts keep the Go tree in a go/ subdirectory (mise's go plugin: goroot()).
        String version = Root.join(installs, name);
        String inner = Root.join(version, "go");
        String dir = root.exists(Root.join(inner, "bin/go")) ? inner : version;
        out.add(new Candidate(dir, dir, Keep.IF_PRESENT));
      }
    });
    dirs.gomodcache().ifPresent(cache -> {
      String base = Root.join(cache, "golang.org");
      for (String name : list(base)) {
        if (name.startsWith("toolchain@")) {
          out.add(new Candidate(Root.join(base, name), Root.join(base, name), Keep.IF_PRESENT));
        }
      }
    });
  }

  private void settingCandidates(Map<String, String> env, List<Candidate> out) {
    UserDirs.absolute(env.get("GOROOT")).ifPresent(g -> out.add(new Candidate(g, "GOROOT=" + env.get("GOROOT") + " (environment)", Keep.ALWAYS)));
    GoEnvFile userFile = GoEnvFile.read(root, env);
    userFile.get("GOROOT").ifPresent(e -> UserDirs.absolute(e.value())
        .ifPresent(g -> out.add(new Candidate(g, "GOROOT=" + e.value() + " (" + e.location().display() + ")", Keep.ALWAYS))));
  }

  private void pathCandidates(List<String> pathEntries, UserDirs dirs, List<Candidate> out, List<DlWrapper> wrappers) {
    List<String> wrapperDirs = new ArrayList<>();
    for (String entry : pathEntries) {
      if (!entry.startsWith("/")) {
        continue; // empty, relative and literal-~ entries depend on a working directory: GoResolver reports them.
      }
      String dir = Root.normalize(entry);
      wrapperDirs.add(dir);
      String command = Root.join(dir, "go");
      SymlinkChain chain = root.resolve(command);
      if (!chain.ok()) {
        continue;
      }
      GorootFinder.fromExecutable(root, chain.realPath())
          .ifPresent(g -> out.add(new Candidate(g, "PATH entry " + dir + " (" + describe(chain) + ")", Keep.IF_PRESENT)));
    }
    dirs.gobin().ifPresent(wrapperDirs::add);
    dirs.home().ifPresent(h -> wrapperDirs.add(Root.join(h, "go/bin")));
    dirs.home().ifPresent(home -> {
      for (String dir : wrapperDirs.stream().distinct().toList()) {
        for (String name : list(dir)) {
          String path = Root.join(dir, name);
          if (DlWrapper.isWrapperName(name) && root.isRegularFile(path)
              && wrappers.stream().noneMatch(w -> w.path().equals(path))) {
            String sdkDir = Root.join(Root.join(home, "sdk"), name);
            boolean downloaded = root.exists(Root.join(sdkDir, ".unpacked-success"));
            wrappers.add(new DlWrapper(path, name, sdkDir, downloaded,
                downloaded ? Optional.empty() : Optional.of(DlWrapper.notDownloadedMessage(name, sdkDir))));
          }
        }
      }
    });
  }

  /** Candidates that resolve to the same real directory, in discovery order. */
  private static final class Group {
    final String first;
    final List<String> paths = new ArrayList<>();
    final List<String> seenAs = new ArrayList<>();
    Keep keep = Keep.GO_ROOT_ONLY;

    Group(String first) {
      this.first = first;
    }
  }

  private List<GoInstallation> merge(List<Candidate> candidates, UserDirs dirs) {
    Map<String, Group> byReal = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      String dir = Root.normalize(c.dir());
      SymlinkChain chain = root.resolve(dir);
      boolean present = chain.ok() || root.isSymlink(dir);
      if (!present && c.keep() != Keep.ALWAYS) {
        continue; // nothing there at all: not worth a line
      }
      Group g = byReal.computeIfAbsent(chain.realPath(), k -> new Group(dir));
      if (!g.paths.contains(dir)) {
        g.paths.add(dir);
      }
      if (!g.seenAs.contains(c.seenAs())) {
        g.seenAs.add(c.seenAs());
      }
      if (c.keep().compareTo(g.keep) > 0) {
        g.keep = c.keep();
      }
    }
    InstallClassifier classifier = new InstallClassifier(root, dirs);
    List<GoInstallation> result = new ArrayList<>();
    for (Map.Entry<String, Group> e : byReal.entrySet()) {
      Group g = e.getValue();
      GoRoot goRoot = GoRoot.inspect(root, g.first);
      if (!goRoot.isGoRoot() && g.keep == Keep.GO_ROOT_ONLY) {
        continue;
      }
      InstallClassifier.Classification c = classifier.classify(e.getKey(), g.paths);
      List<String> problems = new ArrayList<>(goRoot.problems());
      problems.addAll(c.problems());
      result.add(new GoInstallation(g.first, e.getKey(), g.seenAs, goRoot.goBinary(), goRoot.version(),
          goRoot.versionFile().map(GoVersionFile::provenance), c.kind(), c.evidence(), problems, goRoot));
    }
    return result;
  }

  private void cellar(String cellar, List<Candidate> out) {
    for (String formula : list(cellar)) {
      if (formula.equals("go") || formula.startsWith("go@")) {
        children(Root.join(cellar, formula), "libexec", out);
      }
    }
  }

  private void children(String dir, String inner, List<Candidate> out) {
    for (String name : list(dir)) {
      if (name.startsWith(".")) {
        continue;
      }
      String path = inner.isEmpty() ? Root.join(dir, name) : Root.join(Root.join(dir, name), inner);
      out.add(new Candidate(path, path, Keep.IF_PRESENT));
    }
  }

  private List<String> list(String dir) {
    List<String> names = root.list(dir);
    return names.size() > MAX_ENTRIES_PER_DIR ? names.subList(0, MAX_ENTRIES_PER_DIR) : names;
  }

  static String describe(SymlinkChain chain) {
    return String.join(" -> ", chain.hops());
  }
}
