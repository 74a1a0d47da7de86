package dev.goenvdoctor.probe.shell;

import static dev.goenvdoctor.probe.shell.StaticShellEvaluatorBashTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticShellEvaluatorZshShTest {
  @TempDir Path tmp;

  @Test
  void zshExportsOnlyInZshrcReachTheTerminalOnly() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/etc/zsh/zshenv", "if [[ -z \"$PATH\" || \"$PATH\" == \"/bin:/usr/bin\" ]]\nthen\n"
            + "\texport PATH=\"/usr/local/bin:/usr/bin:/bin:/usr/games\"\nfi\n")
        .write("/home/u/.zshrc", "export GOPATH=$HOME/go\npath=($HOME/go/bin $path)\n")
        .write("/home/u/.profile", "export GOFLAGS=-mod=mod\n")
        .env("PATH", "/bin:/usr/bin");
    StaticShellResult login = s.run(ShellKind.ZSH, ShellMode.LOGIN);
    assertEquals("/usr/local/bin:/usr/bin:/bin:/usr/games", login.pathValue());
    assertEquals("/etc/zsh/zshenv:3", login.path().get(0).provenance().display());
    assertTrue(login.variable("GOPATH").isEmpty());
    assertTrue(login.variable("GOFLAGS").isEmpty(), "zsh never reads ~/.profile");
    assertEquals(StartupFileStatus.NOT_READ, status(login, "/home/u/.zshrc"));
    assertEquals(StartupFileStatus.NOT_READ, status(login, "/home/u/.profile"));
    assertFalse(only(login.statementsAbout("PATH"), 1, "/home/u/.zshrc").executed());

    StaticShellResult terminal = s.run(ShellKind.ZSH, ShellMode.TERMINAL);
    assertEquals("/home/u/go/bin:/usr/local/bin:/usr/bin:/bin:/usr/games", terminal.pathValue());
    assertEquals("/home/u/.zshrc:2", terminal.path().get(0).provenance().display());
    assertEquals("/etc/zsh/zshenv:3", terminal.path().get(1).provenance().display());
    assertEquals("/home/u/.zshrc:1", terminal.variable("GOPATH").orElseThrow().provenance().display());
    StartupStatement pathArray = only(terminal.statementsAbout("PATH"), 1, "/home/u/.zshrc");
    assertTrue(pathArray.flags().contains(StartupStatement.Flag.PREPENDS));
  }

  @Test
  void zshOrderAndZdotdirFromZshenv() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.zshenv", "export ZDOTDIR=$HOME/.config/zsh\nexport GOPROXY=one\n")
        .write("/home/u/.config/zsh/.zprofile", "export GOPROXY=two\n")
        .write("/home/u/.config/zsh/.zlogin", "export GOPROXY=three\n")
        .write("/home/u/.zprofile", "export GOPROXY=ignored\n");
    StaticShellResult r = s.run(ShellKind.ZSH, ShellMode.LOGIN);
    assertEquals("three", r.variable("GOPROXY").orElseThrow().value());
    assertEquals(List.of("/home/u/.zshenv", "/home/u/.config/zsh/.zprofile", "/home/u/.config/zsh/.zlogin"),
        r.filesRead());
  }

  @Test
  void zshTypesetUniqueDedupesPath() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.zshenv", "typeset -U path PATH\npath=(/usr/bin $path /opt/go/bin)\n");
    StaticShellResult r = s.run(ShellKind.ZSH, ShellMode.LOGIN);
    assertEquals("/usr/bin:/bin:/opt/go/bin", r.pathValue());
  }

  @Test
  void zshInteractiveGuardInZshrc() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.zshrc", "[[ -o interactive ]] || return\nexport GOBIN=$HOME/bin\n");
    StaticShellResult r = s.run(ShellKind.ZSH, ShellMode.TERMINAL);
    StartupStatement gobin = only(r.statementsAbout("GOBIN"), 1);
    assertTrue(gobin.afterGuard());
    assertTrue(gobin.executed());
    assertEquals("/home/u/bin", r.variable("GOBIN").orElseThrow().value());
  }

  @Test
  void dashReadsProfileAndEnvOnlyWhenInteractive() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.profile", "export ENV=$HOME/.shrc\nexport GOPATH=/p\n")
        .write("/home/u/.shrc", "export GOBIN=/from-env\n")
        .write("/home/u/.bashrc", "export GOBIN=/never\n");
    StaticShellResult login = s.run(ShellKind.SH, ShellMode.LOGIN);
    assertEquals("/p", login.variable("GOPATH").orElseThrow().value());
    assertTrue(login.variable("GOBIN").isEmpty());
    StaticShellResult terminal = s.run(ShellKind.SH, ShellMode.TERMINAL);
    assertEquals("/from-env", terminal.variable("GOBIN").orElseThrow().value());
    assertEquals("/home/u/.shrc:1", terminal.variable("GOBIN").orElseThrow().provenance().display());
    assertEquals(StartupFileStatus.NOT_READ, status(terminal, "/home/u/.bashrc"));
  }

  @Test
  void dashIgnoresAPs1GuardBecauseItAlwaysSetsPs1() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.profile", "[ -z \"$PS1\" ] && return\nexport GOPATH=/p\n");
    assertEquals("/p", s.run(ShellKind.SH, ShellMode.LOGIN).variable("GOPATH").orElseThrow().value());
    assertTrue(s.run(ShellKind.BASH, ShellMode.LOGIN).variable("GOPATH").isEmpty());
  }

  static StartupFileStatus status(StaticShellResult r, String path) {
    return r.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().status();
  }
}
