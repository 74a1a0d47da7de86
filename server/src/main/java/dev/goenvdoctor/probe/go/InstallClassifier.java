package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Says how a GOROOT got onto the machine, with the evidence, from where it lies and what sits next
 * to it. Paths are compared both as spelled and with symlinks resolved (a home under
 * {@code /var/home} must still match {@code $HOME/sdk}).
 */
final class InstallClassifier {
  static final String LINUXBREW_CELLAR = "/home/linuxbrew/.linuxbrew/Cellar";
  static final String FLATPAK_SDK = "/usr/lib/sdk/golang";

  private final Root root;
  private final UserDirs dirs;
  private final DpkgLists dpkg;

  record Classification(InstallKind kind, List<String> evidence, List<String> problems) {
    Classification {
      evidence = List.copyOf(evidence);
      problems = List.copyOf(problems);
    }
  }

  InstallClassifier(Root root, UserDirs dirs) {
    this.root = root;
    this.dirs = dirs;
    this.dpkg = new DpkgLists(root);
  }

  Classification classify(String realPath, List<String> seenPaths) {
    Set<String> paths = new LinkedHashSet<>(seenPaths);
    paths.add(realPath);

    List<String> dpkgEvidence = dpkg.evidenceFor(paths);
    if (!dpkgEvidence.isEmpty()) {
      return new Classification(InstallKind.APT, dpkgEvidence, List.of());
    }
    Optional<String> snap = under(paths, "/snap");
    if (snap.isPresent()) {
      return snap(realPath);
    }
    Optional<String> sdk = dirs.home().flatMap(h -> under(paths, Root.join(h, "sdk")));
    if (sdk.isPresent()) {
      return golangDl(realPath);
    }
    Optional<Classification> managed = managed(paths);
    if (managed.isPresent()) {
      return managed.get();
    }
    if (under(paths, "/usr/local/go").isPresent()) {
      return new Classification(InstallKind.TARBALL,
          List.of("/usr/local/go is where the official tarball is extracted (go.dev/doc/install)"), List.of());
    }
    if (under(paths, "/usr/lib/golang").isPresent()) {
      return new Classification(InstallKind.OTHER,
          List.of("/usr/lib/golang is where Fedora/RHEL's golang package installs (the rpm database is not read)"), List.of());
    }
    if (looksLikeDebianDir(paths)) {
      return new Classification(InstallKind.OTHER,
          List.of("named like a Debian package directory, but no golang*.list in " + DpkgLists.INFO_DIR + " lists it"), List.of());
    }
    return new Classification(InstallKind.OTHER, List.of("no package manager or version manager claims " + realPath), List.of());
  }

  private Optional<Classification> managed(Set<String> paths) {
    record Rule(Optional<String> base, InstallKind kind, String what) {}
    List<Rule> rules = List.of(
        new Rule(dirs.goenvRoot().map(r -> Root.join(r, "versions")), InstallKind.GOENV, "goenv's versions directory"),
        new Rule(dirs.gvmRoot().map(r -> Root.join(r, "gos")), InstallKind.GVM, "gvm's gos directory"),
        new Rule(dirs.asdfDataDir().map(r -> Root.join(r, "installs/golang")), InstallKind.ASDF, "asdf-golang's installs directory"),
        new Rule(dirs.miseDataDir().map(r -> Root.join(r, "installs/go")), InstallKind.MISE, "mise's installs directory"),
        new Rule(Optional.of(LINUXBREW_CELLAR), InstallKind.LINUXBREW, "the Linuxbrew Cellar"),
        new Rule(dirs.home().map(h -> Root.join(h, ".linuxbrew/Cellar")), InstallKind.LINUXBREW, "the Linuxbrew Cellar"),
        new Rule(dirs.homebrewCellar(), InstallKind.LINUXBREW, "HOMEBREW_CELLAR"),
        new Rule(Optional.of(FLATPAK_SDK), InstallKind.FLATPAK_SDK, "the flatpak SDK extension org.freedesktop.Sdk.Extension.golang"),
        new Rule(dirs.gomodcache().map(c -> Root.join(c, "golang.org")), InstallKind.TOOLCHAIN_MODULE, "the module cache"));
    for (Rule rule : rules) {
      if (rule.base().isEmpty()) {
        continue;
      }
      Optional<String> hit = under(paths, rule.base().get());
      if (hit.isEmpty()) {
        continue;
      }
      if (rule.kind() == InstallKind.TOOLCHAIN_MODULE && !hit.get().contains("/golang.org/toolchain@")) {
        continue;
      }
      if (rule.kind() == InstallKind.LINUXBREW && !hit.get().matches(".*/Cellar/go(@[^/]*)?/.*")) {
        continue;
      }
      List<String> evidence = new ArrayList<>();
      evidence.add(hit.get() + " is in " + rule.what() + " (" + rule.base().get() + ")");
      if (rule.kind() == InstallKind.FLATPAK_SDK && root.isRegularFile(Root.join(FLATPAK_SDK, "enable.sh"))) {
        evidence.add(FLATPAK_SDK + "/enable.sh exists (the extension's GOROOT/PATH setup, used with FLATPAK_ENABLE_SDK_EXT=golang)");
      }
      if (rule.kind() == InstallKind.TOOLCHAIN_MODULE) {
        evidence.add("downloaded by the go command for GOTOOLCHAIN switching");
      }
      return Optional.of(new Classification(rule.kind(), evidence, List.of()));
    }
    // GoLand offers ~/go/go1.x.y as the download target; JetBrains' docs only say "specify the
    // location" (https://www.jetbrains.com/help/go/configuring-goroot-and-gopath.html), so this is a
    // heuristic on the name, not proof.
    Optional<String> goland = dirs.home().flatMap(h -> under(paths, Root.join(h, "go")))
        .filter(p -> Root.parent(p).equals(Root.join(dirs.home().get(), "go")) && p.matches(".*/go1[^/]*"));
    if (goland.isPresent()) {
      return Optional.of(new Classification(InstallKind.GOLAND,
          List.of(goland.get() + " has the shape of a GoLand SDK download (~/go/go1.x.y); a guess from the name"), List.of()));
    }
    return Optional.empty();
  }

  private Classification snap(String realPath) {
    List<String> evidence = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] parts = realPath.split("/");
    // /snap/<name>/<revision>/...
    if (parts.length >= 4) {
      String name = parts[2];
      String revision = parts[3];
      evidence.add(realPath + " is revision " + revision + " of the " + name + " snap");
      String current = Root.join("/snap/" + name, "current");
      String currentTarget = root.resolve(current).realPath();
      if (!currentTarget.equals("/snap/" + name + "/" + revision)) {
        problems.add("snap revision " + revision + " is not the current one (" + current + " resolves to "
            + currentTarget + "); a GOROOT pinned to it stops working when snapd removes it");
      } else {
        evidence.add(current + " points to it; the revision changes at every snap refresh");
      }
    } else {
      evidence.add(realPath + " is under /snap");
    }
    return new Classification(InstallKind.SNAP, evidence, problems);
  }

  private Classification golangDl(String realPath) {
    List<String> evidence = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String name = realPath.substring(realPath.lastIndexOf('/') + 1);
    evidence.add(realPath + " is in ~/sdk, where golang.org/dl wrappers download");
    if (root.exists(Root.join(realPath, ".unpacked-success"))) {
      evidence.add(".unpacked-success present: the download finished");
    } else {
      problems.add("no " + Root.join(realPath, ".unpacked-success") + ": the download did not finish; the " + name
          + " wrapper refuses to run and says \"" + DlWrapper.notDownloadedMessage(name, realPath) + "\"");
    }
    return new Classification(InstallKind.GOLANG_DL, evidence, problems);
  }

  private boolean looksLikeDebianDir(Set<String> paths) {
    return paths.stream().anyMatch(p -> p.matches("/usr/lib/go(-[0-9.]+)?"));
  }

  /** The first path in {@code paths} that is {@code base} or below it, comparing real paths too. */
  private Optional<String> under(Set<String> paths, String base) {
    String realBase = root.resolve(base).realPath();
    for (String p : paths) {
      if (isUnder(p, base) || isUnder(p, realBase)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static boolean isUnder(String path, String base) {
    return path.equals(base) || path.startsWith(base.endsWith("/") ? base : base + "/");
  }
}
