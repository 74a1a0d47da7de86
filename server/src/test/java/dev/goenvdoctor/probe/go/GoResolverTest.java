package dev.goenvdoctor.probe.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoResolverTest {
  private static final String HOME = "/home/u";
  private static final String WORK = "/home/u/work/proj/sub";

  @TempDir Path dir;

  private static Map<String, String> env(String... kv) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", HOME);
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return env;
  }

  private Fixture ubuntu2204() {
    return new Fixture(dir)
        .goRoot("/usr/lib/go-1.18", "go1.18.1")
        .link("/usr/lib/go", "go-1.18")
        .link("/usr/bin/go", "../lib/go-1.18/bin/go")
        .resource("golang-1.18-go.list", "/var/lib/dpkg/info/golang-1.18-go.list", false)
        .dir(WORK);
  }

  @Test
  void ubuntuAptGoThroughItsSymlinkChain() {
    Fixture f = ubuntu2204();
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/usr/local/bin", "/usr/bin"), env(), WORK);

    assertEquals(CommandKind.GO_BINARY, r.kind());
    assertEquals(Optional.of("/usr/bin/go"), r.command());
    assertEquals(List.of("/usr/bin/go", "/usr/lib/go-1.18/bin/go"), r.commandChain().orElseThrow().hops());
    assertEquals(Optional.of("/usr/lib/go-1.18/bin/go"), r.executable());
    assertEquals(Optional.of("/usr/lib/go-1.18"), r.goroot());
    assertEquals(GorootSource.EXECUTABLE_LOCATION, r.gorootSource());
    assertEquals(Optional.of("go1.18.1"), r.version());
    assertEquals(Optional.of(InstallKind.APT), r.installKind());
    assertEquals(Optional.empty(), r.selection());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void snapCommandRunsTheCurrentRevision() {
    Fixture f = new Fixture(dir)
        .exec("/usr/bin/snap", Fixture.FAKE_ELF)
        .link("/snap/bin/go", "/usr/bin/snap")
        .goRoot("/snap/go/10585", "go1.22.5\n").resource("go.env", "/snap/go/10585/go.env", false)
        .resource("snap.yaml", "/snap/go/10585/meta/snap.yaml", false)
        .link("/snap/go/current", "10585");
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/snap/bin", "/usr/bin"), env(), "/home/u");

    assertEquals(CommandKind.SNAP, r.kind());
    VersionSelection s = r.selection().orElseThrow();
    assertEquals("snap", s.manager());
    assertEquals("/snap/go/current -> /snap/go/10585", s.chosenBy());
    assertEquals("/snap/go/current:1", s.provenance().orElseThrow().display());
    assertTrue(s.installed());
    assertEquals(Optional.of("/snap/go/10585/bin/go"), r.executable());
    assertEquals(Optional.of("/snap/go/10585"), r.goroot(), "GOROOT derived from the executable is the revision, not current");
    assertEquals(GorootSource.EXECUTABLE_LOCATION, r.gorootSource());
    assertEquals(Optional.of(InstallKind.SNAP), r.installKind());
    assertEquals(Optional.of("go1.22.5"), r.version());
  }

  @Test
  void snapCommandWithoutItsSnapSaysSo() {
    Fixture f = new Fixture(dir).exec("/usr/bin/snap", Fixture.FAKE_ELF).link("/snap/bin/go", "/usr/bin/snap");
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/snap/bin"), env(), "/");
    assertEquals(CommandKind.SNAP, r.kind());
    assertFalse(r.selection().orElseThrow().installed());
    assertEquals(List.of("/snap/bin/go runs the go snap, but /snap/go/current does not resolve: the snap is not installed or not mounted"),
        r.problems());
    assertEquals(GorootSource.NONE, r.gorootSource());
  }

  @Test
  void golangDlWrapperRunsItsSdkAndAlwaysSetsGoroot() {
    Fixture f = new Fixture(dir)
        .exec("/home/u/go/bin/go1.22.5", Fixture.FAKE_ELF)
        .link("/home/u/bin/go", "/home/u/go/bin/go1.22.5")
        .goRoot("/home/u/sdk/go1.22.5", "go1.22.5\n").resource("go.env", "/home/u/sdk/go1.22.5/go.env", false)
        .file("/home/u/sdk/go1.22.5/.unpacked-success", "")
        .goRoot("/usr/local/go", "go1.21.0\n").resource("go.env", "/usr/local/go/go.env", false);
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/home/u/bin"), env("GOROOT", "/usr/local/go"), "/home/u");

    assertEquals(CommandKind.GOLANG_DL_WRAPPER, r.kind());
    assertEquals(Optional.of("/home/u/sdk/go1.22.5/bin/go"), r.executable());
    assertEquals(Optional.of("/home/u/sdk/go1.22.5"), r.goroot(), "the wrapper's GOROOT replaces the user's");
    assertEquals(GorootSource.SET_BY_WRAPPER, r.gorootSource());
    assertEquals(Optional.of(InstallKind.GOLANG_DL), r.installKind());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void golangDlWrapperNotDownloadedPrintsItsOwnMessage() {
    Fixture f = new Fixture(dir).exec("/home/u/go/bin/go1.23.0", Fixture.FAKE_ELF).link("/home/u/bin/go", "../go/bin/go1.23.0");
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/home/u/bin"), env(), "/home/u");
    assertEquals(CommandKind.GOLANG_DL_WRAPPER, r.kind());
    assertFalse(r.selection().orElseThrow().installed());
    assertEquals(List.of("go1.23.0: not downloaded. Run 'go1.23.0 download' to install to /home/u/sdk/go1.23.0"), r.problems());
  }

  private Fixture goenv() {
    return ubuntu2204()
        .resource("goenv-shim", "/home/u/.goenv/shims/go", true)
        .goRoot("/home/u/.goenv/versions/1.21.13", "go1.21.13\n").resource("go.env", "/home/u/.goenv/versions/1.21.13/go.env", false)
        .goRoot("/home/u/.goenv/versions/1.22.5", "go1.22.5\n").resource("go.env", "/home/u/.goenv/versions/1.22.5/go.env", false)
        .file("/home/u/.goenv/version", "1.22.5\n");
  }

  private static final List<String> GOENV_PATH = List.of("/home/u/.goenv/shims", "/usr/bin");

  @Test
  void goenvShimPicksTheNearestGoVersionUpward() {
    Fixture f = goenv().file("/home/u/work/proj/.go-version", "# pinned for CI\n1.21.13\n");
    GoResolution r = new GoResolver(f.root()).resolve(GOENV_PATH, env("GOROOT", "/usr/lib/go-1.18"), WORK);

    assertEquals(CommandKind.GOENV_SHIM, r.kind());
    VersionSelection s = r.selection().orElseThrow();
    assertEquals("1.21.13", s.requested());
    assertEquals("/home/u/work/proj/.go-version:2", s.chosenBy());
    assertEquals(Optional.of("/home/u/.goenv/versions/1.21.13/bin/go"), r.executable());
    assertEquals(Optional.of("/home/u/.goenv/versions/1.21.13"), r.goroot(), "goenv exec exports GOROOT over the user's");
    assertEquals(GorootSource.SET_BY_WRAPPER, r.gorootSource());
    assertEquals(Optional.of(InstallKind.GOENV), r.installKind());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void goenvVersionVariableBeatsFilesAndPrefixPicksNewest() {
    Fixture f = goenv().file("/home/u/work/proj/.go-version", "1.21.13\n");
    GoResolution r = new GoResolver(f.root()).resolve(GOENV_PATH, env("GOENV_VERSION", "1.22"), WORK);
    assertEquals("GOENV_VERSION environment variable", r.selection().orElseThrow().chosenBy());
    assertEquals(Optional.of("/home/u/.goenv/versions/1.22.5/bin/go"), r.executable());
  }

  @Test
  void goenvFallsBackToTheGlobalVersionFile() {
    GoResolution r = new GoResolver(goenv().root()).resolve(GOENV_PATH, env(), WORK);
    assertEquals("/home/u/.goenv/version:1", r.selection().orElseThrow().chosenBy());
    assertEquals(Optional.of("go1.22.5"), r.version());
  }

  @Test
  void goenvVersionNotInstalledIsWhatTheUserHits() {
    Fixture f = goenv().file("/home/u/work/proj/.go-version", "1.23.0\n");
    GoResolution r = new GoResolver(f.root()).resolve(GOENV_PATH, env(), WORK);
    assertEquals(CommandKind.GOENV_SHIM, r.kind());
    assertFalse(r.selection().orElseThrow().installed());
    assertEquals(List.of("goenv: version '1.23.0' is not installed (set by /home/u/work/proj/.go-version)"), r.problems());
    assertEquals(Optional.empty(), r.executable());
  }

  @Test
  void goenvReadsGoModOnlyWhenEnabled() {
    Fixture f = goenv().file("/home/u/work/proj/go.mod", "module example.com/p\n\ngo 1.21\n\ntoolchain go1.21.13\n");
    GoResolution off = new GoResolver(f.root()).resolve(GOENV_PATH, env(), WORK);
    assertEquals("/home/u/.goenv/version:1", off.selection().orElseThrow().chosenBy());

    GoResolution on = new GoResolver(f.root()).resolve(GOENV_PATH, env("GOENV_GOMOD_VERSION_ENABLE", "1"), WORK);
    assertEquals("/home/u/work/proj/go.mod:5", on.selection().orElseThrow().chosenBy(), "the toolchain line wins over the go line");
    assertEquals(Optional.of("/home/u/.goenv/versions/1.21.13/bin/go"), on.executable());
  }

  @Test
  void goenvSystemRunsTheNextGoOnPath() {
    Fixture f = goenv().file("/home/u/.goenv/version", "system\n");
    GoResolution r = new GoResolver(f.root()).resolve(GOENV_PATH, env(), WORK);
    assertEquals(CommandKind.GOENV_SHIM, r.kind());
    assertEquals("system", r.selection().orElseThrow().requested());
    assertEquals(Optional.of("/usr/lib/go-1.18/bin/go"), r.executable());
    assertEquals(GorootSource.EXECUTABLE_LOCATION, r.gorootSource());
  }

  @Test
  void goenvDisableGorootLeavesTheUsersGoroot() {
    Fixture f = goenv();
    GoResolution r = new GoResolver(f.root()).resolve(GOENV_PATH, env("GOENV_DISABLE_GOROOT", "1", "GOROOT", "/usr/lib/go-1.18"), WORK);
    assertEquals(GorootSource.ENVIRONMENT, r.gorootSource());
    assertEquals(List.of("GOROOT /usr/lib/go-1.18 holds go1.18.1 but the go binary comes from /home/u/.goenv/versions/1.22.5 "
        + "(go1.22.5): builds fail with compile: version \"go1.18.1\" does not match go tool version \"go1.22.5\""), r.problems());
  }

  private Fixture asdf() {
    return ubuntu2204()
        .resource("asdf-shim", "/home/u/.asdf/shims/go", true)
        .goRoot("/home/u/.asdf/installs/golang/1.22.5/go", "go1.22.5\n")
        .resource("go.env", "/home/u/.asdf/installs/golang/1.22.5/go/go.env", false)
        .goRoot("/home/u/.asdf/installs/golang/1.21.13/go", "go1.21.13\n")
        .resource("go.env", "/home/u/.asdf/installs/golang/1.21.13/go/go.env", false);
  }

  private static final List<String> ASDF_PATH = List.of("/home/u/.asdf/shims", "/usr/bin");

  @Test
  void asdfShimReadsToolVersionsUpward() {
    Fixture f = asdf().file("/home/u/work/proj/.tool-versions", "nodejs 20.11.0\ngolang 1.22.5 # team pin\n");
    GoResolution r = new GoResolver(f.root()).resolve(ASDF_PATH, env(), WORK);

    assertEquals(CommandKind.ASDF_SHIM, r.kind());
    assertEquals("/home/u/work/proj/.tool-versions:2", r.selection().orElseThrow().chosenBy());
    assertEquals(Optional.of("/home/u/.asdf/installs/golang/1.22.5/go/bin/go"), r.executable());
    assertEquals(Optional.of("/home/u/.asdf/installs/golang/1.22.5/go"), r.goroot());
    assertEquals(GorootSource.SET_BY_WRAPPER, r.gorootSource());
    assertEquals(Optional.of(InstallKind.ASDF), r.installKind());
  }

  @Test
  void asdfOnlyFillsAnUnsetGoroot() {
    Fixture f = asdf().file("/home/u/work/proj/.tool-versions", "golang 1.22.5\n");
    GoResolution r = new GoResolver(f.root()).resolve(ASDF_PATH, env("GOROOT", "/usr/lib/go-1.18"), WORK);
    assertEquals(GorootSource.ENVIRONMENT, r.gorootSource());
    assertEquals(Optional.of("/usr/lib/go-1.18"), r.goroot());
    assertEquals(1, r.problems().size());
  }

  @Test
  void asdfFallsBackToHomeToolVersionsAndIgnoresGoVersionWithoutLegacySetting() {
    Fixture f = asdf().file("/home/u/.tool-versions", "golang 1.21.13\n").file("/srv/app/.go-version", "1.22.5\n");
    GoResolution r = new GoResolver(f.root()).resolve(ASDF_PATH, env(), "/srv/app");
    assertEquals("/home/u/.tool-versions:1", r.selection().orElseThrow().chosenBy());

    Fixture legacy = f.file("/home/u/.asdfrc", "legacy_version_file = yes\n");
    GoResolution withLegacy = new GoResolver(legacy.root()).resolve(ASDF_PATH, env(), "/srv/app");
    assertEquals("/srv/app/.go-version:1", withLegacy.selection().orElseThrow().chosenBy());
    assertEquals(Optional.of("/home/u/.asdf/installs/golang/1.22.5/go/bin/go"), withLegacy.executable());
  }

  @Test
  void asdfVersionNotInstalled() {
    Fixture f = asdf().file("/home/u/work/proj/.tool-versions", "golang 1.23.0\n");
    GoResolution r = new GoResolver(f.root()).resolve(ASDF_PATH, env(), WORK);
    assertFalse(r.selection().orElseThrow().installed());
    assertEquals(List.of("golang 1.23.0 is not installed (asdf, set by /home/u/work/proj/.tool-versions:1); "
        + "'asdf install golang 1.23.0' installs it"), r.problems());
  }

  private Fixture mise() {
    String installs = "/home/u/.local/share/mise/installs/go";
    return ubuntu2204()
        .exec("/usr/local/bin/mise", Fixture.FAKE_ELF)
        .link("/home/u/.local/share/mise/shims/go", "/usr/local/bin/mise")
        .goRoot(installs + "/1.22.5", "go1.22.5\n").resource("go.env", installs + "/1.22.5/go.env", false)
        .goRoot(installs + "/1.22.3", "go1.22.3\n").resource("go.env", installs + "/1.22.3/go.env", false)
        .goRoot(installs + "/1.21.5/go", "go1.21.5\n").resource("go.env", installs + "/1.21.5/go/go.env", false);
  }

  private static final List<String> MISE_PATH = List.of("/home/u/.local/share/mise/shims", "/usr/bin");

  @Test
  void miseShimReadsMiseTomlAndTakesTheNewestMatchingInstall() {
    Fixture f = mise().resource("mise.toml", "/home/u/work/proj/mise.toml", false)
        .file("/home/u/work/.tool-versions", "golang 1.21.5\n");
    GoResolution r = new GoResolver(f.root()).resolve(MISE_PATH, env(), WORK);

    assertEquals(CommandKind.MISE_SHIM, r.kind());
    VersionSelection s = r.selection().orElseThrow();
    assertEquals("1.22", s.requested());
    assertEquals("/home/u/work/proj/mise.toml:6", s.chosenBy());
    assertEquals(Optional.of("/home/u/.local/share/mise/installs/go/1.22.5/bin/go"), r.executable());
    assertEquals(GorootSource.SET_BY_WRAPPER, r.gorootSource());
    assertEquals(Optional.of(InstallKind.MISE), r.installKind());
  }

  @Test
  void miseToolVersionsWithOlderGoSubdirectoryLayout() {
    Fixture f = mise().file("/home/u/work/.tool-versions", "golang 1.21.5\n");
    GoResolution r = new GoResolver(f.root()).resolve(MISE_PATH, env(), WORK);
    assertEquals("/home/u/work/.tool-versions:1", r.selection().orElseThrow().chosenBy());
    assertEquals(Optional.of("/home/u/.local/share/mise/installs/go/1.21.5/go"), r.goroot());
    assertEquals(Optional.of("go1.21.5"), r.version());
  }

  @Test
  void miseReadsGoVersionOnlyWhenIdiomaticFilesAreEnabledForGo() {
    Fixture f = mise().file("/home/u/work/proj/.go-version", "1.22.3\n")
        .file("/home/u/.config/mise/config.toml", "[tools]\ngo = \"1.21.5\"\n");
    GoResolution off = new GoResolver(f.root()).resolve(MISE_PATH, env(), WORK);
    assertEquals("/home/u/.config/mise/config.toml:2", off.selection().orElseThrow().chosenBy());

    GoResolution on = new GoResolver(f.root()).resolve(MISE_PATH, env("MISE_IDIOMATIC_VERSION_FILE_ENABLE_TOOLS", "node,go"), WORK);
    assertEquals("/home/u/work/proj/.go-version:1", on.selection().orElseThrow().chosenBy());
    assertEquals(Optional.of("go1.22.3"), on.version());
  }

  @Test
  void miseVersionNotInstalled() {
    Fixture f = mise().file("/home/u/work/proj/mise.toml", "[tools]\ngo = \"1.23.1\"\n");
    GoResolution r = new GoResolver(f.root()).resolve(MISE_PATH, env(), WORK);
    assertEquals(List.of("go 1.23.1 is not installed (mise, set by /home/u/work/proj/mise.toml:2); 'mise install go@1.23.1' installs it"),
        r.problems());
  }

  @Test
  void gvmHasNoShimButItsDefaultEnvironmentNamesTheVersion() {
    Fixture f = new Fixture(dir)
        .goRoot("/home/u/.gvm/gos/go1.20.14", "go1.20.14\n")
        .file("/home/u/.gvm/environments/default", "export GVM_ROOT; GVM_ROOT=\"/home/u/.gvm\"\n"
            + "export gvm_go_name; gvm_go_name=\"go1.20.14\"\nexport GOROOT; GOROOT=\"$GVM_ROOT/gos/go1.20.14\"\n");
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/home/u/.gvm/gos/go1.20.14/bin"),
        env("GOROOT", "/home/u/.gvm/gos/go1.20.14"), "/home/u");
    assertEquals(CommandKind.GO_BINARY, r.kind());
    assertEquals(Optional.of(InstallKind.GVM), r.installKind());
    assertEquals("/home/u/.gvm/environments/default:2", r.selection().orElseThrow().chosenBy());
    assertEquals(GorootSource.ENVIRONMENT, r.gorootSource());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void danglingAndNonExecutableGoAreSkippedLikeExecvpSkipsThem() {
    Fixture f = ubuntu2204()
        .link("/opt/a/go", "/opt/removed/bin/go")
        .file("/opt/b/go", Fixture.FAKE_ELF).mode("/opt/b/go", "rw-r--r--");
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/opt/a", "/opt/b", "/usr/bin"), env(), WORK);
    assertEquals(Optional.of("/usr/bin/go"), r.command());
    assertEquals(List.of("skipped /opt/a/go: dangling symlink to /opt/removed/bin/go",
        "skipped /opt/b/go: not executable (execvp goes on to the next entry)"), r.searchNotes());
  }

  @Test
  void emptyEntryIsTheCurrentDirectoryAndTildeIsNotExpanded() {
    Fixture f = ubuntu2204().goRoot("/home/u/go-dev", "go1.23.0\n").resource("go.env", "/home/u/go-dev/go.env", false)
        .exec("/home/u/go/bin/go", Fixture.FAKE_ELF);
    GoResolution tilde = new GoResolver(f.root()).resolve(List.of("~/go/bin", "/usr/bin"), env(), "/home/u");
    assertEquals(Optional.of("/usr/bin/go"), tilde.command());
    assertEquals(List.of("PATH entry #1 '~/go/bin' starts with a literal ~: execvp does not expand it and looks in /home/u/~/go/bin"),
        tilde.searchNotes());

    GoResolution empty = new GoResolver(f.root()).resolve(List.of("/usr/local/bin", "", "/usr/bin"), env(), "/home/u/go-dev/bin");
    assertEquals(Optional.of("/home/u/go-dev/bin/go"), empty.command());
    assertEquals(List.of("PATH entry #2 is empty: execvp searches the current directory (/home/u/go-dev/bin) there"), empty.searchNotes());
    assertEquals(Optional.of("/home/u/go-dev"), empty.goroot());

    GoResolution relative = new GoResolver(f.root()).resolve(List.of("bin"), env(), "/home/u/go-dev");
    assertEquals(Optional.of("/home/u/go-dev/bin/go"), relative.command());
    assertEquals(List.of("PATH entry #1 'bin' is relative: execvp looks in /home/u/go-dev/bin"), relative.searchNotes());
  }

  @Test
  void notFoundAndMissingGoroot() {
    Fixture f = ubuntu2204();
    GoResolution none = new GoResolver(f.root()).resolve(List.of("/usr/local/bin"), env(), WORK);
    assertEquals(CommandKind.NOT_FOUND, none.kind());
    assertEquals(List.of("no executable 'go' in any PATH entry"), none.problems());

    GoResolution missing = new GoResolver(f.root()).resolve(List.of("/usr/bin"), env("GOROOT", "/usr/local/go"), WORK);
    assertEquals(GorootSource.ENVIRONMENT, missing.gorootSource());
    assertEquals(List.of("go: cannot find GOROOT directory: /usr/local/go"), missing.problems());
  }

  @Test
  void gorootFromTheUserEnvFileWithItsLine() {
    Fixture f = ubuntu2204().file("/home/u/.config/go/env", "GOPROXY=direct\nGOROOT=/usr/lib/go\n");
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/usr/bin"), env(), WORK);
    assertEquals(GorootSource.USER_ENV_FILE, r.gorootSource());
    assertEquals("/home/u/.config/go/env:2", r.gorootFrom());
    assertEquals("GOROOT=/usr/lib/go", r.gorootProvenance().orElseThrow().text());
    assertEquals(List.of(), r.problems(), "/usr/lib/go is the same tree as the binary's");
  }

  @Test
  void unknownScriptIsNamedNotGuessed() {
    Fixture f = new Fixture(dir).exec("/usr/local/bin/go", "#!/bin/sh\nexec /opt/go/bin/go \"$@\"\n");
    GoResolution r = new GoResolver(f.root()).resolve(List.of("/usr/local/bin"), env(), "/");
    assertEquals(CommandKind.UNKNOWN_SCRIPT, r.kind());
    assertEquals(List.of("/usr/local/bin/go is a script (#!/bin/sh); what it runs is not interpreted"), r.searchNotes());
    assertEquals(Optional.empty(), r.executable());
  }

  @Test
  void realMachineUsrBinGo() {
    TestTools.systemFile("/usr/bin/go");
    GoResolution r = new GoResolver(Root.system()).resolve(List.of("/usr/local/sbin", "/usr/bin"), Map.of("HOME", dir.toString()), "/");
    assertEquals(Optional.of("/usr/bin/go"), r.command());
    assertEquals(List.of("/usr/bin/go", "/usr/lib/go-1.19/bin/go"), r.commandChain().orElseThrow().hops());
    assertEquals(CommandKind.GO_BINARY, r.kind());
    assertEquals(Optional.of("/usr/lib/go-1.19"), r.goroot());
    assertEquals(Optional.of("go1.19.8"), r.version());
    assertEquals(Optional.of(InstallKind.APT), r.installKind());
  }
}
