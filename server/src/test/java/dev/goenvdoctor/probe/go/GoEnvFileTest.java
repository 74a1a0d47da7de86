package dev.goenvdoctor.probe.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoEnvFileTest {
  @TempDir Path dir;

  @Test
  void homeConfigFileWithLastEntryWinning() {
    Fixture f = new Fixture(dir).file("/home/u/.config/go/env",
        "GOPROXY=https://goproxy.io,direct\n# comment\nlowercase=ignored\nGOTOOLCHAIN=go1.22.5\nGOPROXY=off\n");
    GoEnvFile file = GoEnvFile.read(f.root(), Map.of("HOME", "/home/u"));

    assertEquals(Optional.of("/home/u/.config/go/env"), file.path());
    assertEquals(GoEnvFile.ChosenBy.HOME, file.chosenBy());
    assertTrue(file.exists());
    assertEquals(3, file.entries().size());
    assertEquals("off", file.get("GOPROXY").orElseThrow().value());
    assertEquals("/home/u/.config/go/env:5", file.get("GOPROXY").orElseThrow().location().display());
    assertEquals("/home/u/.config/go/env:4", file.get("GOTOOLCHAIN").orElseThrow().location().display());
  }

  @Test
  void goenvVariableWinsAndOffDisables() {
    Fixture f = new Fixture(dir).file("/etc/goenv", "GOFLAGS=-mod=vendor\n");
    Map<String, String> env = Map.of("HOME", "/home/u", "GOENV", "/etc/goenv", "XDG_CONFIG_HOME", "/x");
    GoEnvFile file = GoEnvFile.read(f.root(), env);
    assertEquals(GoEnvFile.ChosenBy.GOENV, file.chosenBy());
    assertEquals("-mod=vendor", file.get("GOFLAGS").orElseThrow().value());

    GoEnvFile off = GoEnvFile.read(f.root(), Map.of("HOME", "/home/u", "GOENV", "off"));
    assertEquals(GoEnvFile.ChosenBy.GOENV_OFF, off.chosenBy());
    assertEquals(Optional.empty(), off.path());
  }

  @Test
  void xdgConfigHomeWhenAbsoluteNoFileWhenRelative() {
    Fixture f = new Fixture(dir).file("/home/u/.cfg/go/env", "GOPRIVATE=example.com\n");
    GoEnvFile xdg = GoEnvFile.read(f.root(), Map.of("HOME", "/home/u", "XDG_CONFIG_HOME", "/home/u/.cfg"));
    assertEquals(GoEnvFile.ChosenBy.XDG_CONFIG_HOME, xdg.chosenBy());
    assertEquals("example.com", xdg.get("GOPRIVATE").orElseThrow().value());

    GoEnvFile relative = GoEnvFile.read(f.root(), Map.of("HOME", "/home/u", "XDG_CONFIG_HOME", ".cfg"));
    assertEquals(GoEnvFile.ChosenBy.NONE, relative.chosenBy());
    assertEquals(List.of("XDG_CONFIG_HOME=.cfg is relative: the go command then reads no user env file"), relative.problems());
  }

  @Test
  void noHomeMeansNoFileAndMissingFileIsNotAnError() {
    Fixture f = new Fixture(dir);
    assertEquals(GoEnvFile.ChosenBy.NONE, GoEnvFile.read(f.root(), Map.of()).chosenBy());
    GoEnvFile missing = GoEnvFile.read(f.root(), Map.of("HOME", "/home/u"));
    assertFalse(missing.exists());
    assertEquals(List.of(), missing.problems());
  }

  @Test
  void crlfLineEndsAreKeptAndReported() {
    Fixture f = new Fixture(dir).file("/home/u/.config/go/env", "GOPROXY=direct\r\n");
    GoEnvFile file = GoEnvFile.read(f.root(), Map.of("HOME", "/home/u"));
    assertEquals("direct\r", file.get("GOPROXY").orElseThrow().value());
    assertEquals(1, file.problems().size());
    assertTrue(file.problems().get(0).startsWith("/home/u/.config/go/env:1: GOPROXY ends with a carriage return"));
  }

  @Test
  void settingPrecedenceEnvironmentThenUserFileThenGoRootGoEnv() {
    Fixture f = new Fixture(dir).goRoot("/usr/local/go", "go1.22.5\n").resource("go.env", "/usr/local/go/go.env", false)
        .file("/home/u/.config/go/env", "GOPROXY=https://corp.example/proxy\n");
    GoEnvFile user = GoEnvFile.read(f.root(), Map.of("HOME", "/home/u"));
    Optional<GoRoot> goroot = Optional.of(GoRoot.inspect(f.root(), "/usr/local/go"));

    GoSetting fromFile = GoSetting.lookup("GOPROXY", Map.of("GOPROXY", ""), user, goroot);
    assertEquals(GoSetting.Source.USER_ENV_FILE, fromFile.source(), "an exported empty variable does not shadow the file");
    assertEquals("https://corp.example/proxy", fromFile.value());

    GoSetting fromEnv = GoSetting.lookup("GOPROXY", Map.of("GOPROXY", "off"), user, goroot);
    assertEquals(GoSetting.Source.ENVIRONMENT, fromEnv.source());

    GoSetting fromGoroot = GoSetting.lookup("GOTOOLCHAIN", Map.of(), user, goroot);
    assertEquals(GoSetting.Source.GOROOT_GO_ENV, fromGoroot.source());
    assertEquals("auto", fromGoroot.value());
    assertEquals("/usr/local/go/go.env:9", fromGoroot.location().orElseThrow().display());

    assertEquals(GoSetting.Source.UNSET, GoSetting.lookup("GOFLAGS", Map.of(), user, goroot).source());
  }
}
