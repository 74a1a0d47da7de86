package dev.goenvdoctor.probe.shell;

import static dev.goenvdoctor.probe.shell.StaticShellEvaluatorBashTest.only;
import static dev.goenvdoctor.probe.shell.StaticShellEvaluatorZshShTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticShellEvaluatorFishTest {
  private static final String CONFIG = "/home/u/.config/fish/config.fish";

  @TempDir Path tmp;

  @Test
  void fishAddPathPrependsExistingDirectoriesThroughFishUserPaths() {
    StartupScenario s = StartupScenario.empty(tmp)
        .mkdir("/usr/local/go/bin")
        .mkdir("/home/u/go/bin")
        .write(CONFIG, String.join("\n",
            "fish_add_path /usr/local/go/bin",
            "fish_add_path -a ~/go/bin",
            "fish_add_path /does/not/exist",
            "set -gx GOPATH $HOME/go",
            ""));
    StaticShellResult r = s.run(ShellKind.FISH, ShellMode.LOGIN);
    assertEquals("/usr/local/go/bin:/home/u/go/bin:/usr/bin:/bin", r.pathValue());
    assertEquals(CONFIG + ":1", r.pathEntry("/usr/local/go/bin").orElseThrow().provenance().display());
    assertEquals(CONFIG + ":2", r.pathEntry("/home/u/go/bin").orElseThrow().provenance().display());
    assertTrue(r.pathEntry("/does/not/exist").isEmpty());
    assertEquals("/home/u/go", r.variable("GOPATH").orElseThrow().value());
    StartupStatement first = only(r.statementsAbout("PATH"), 0);
    assertTrue(first.flags().contains(StartupStatement.Flag.UNIVERSAL));
    assertTrue(first.flags().contains(StartupStatement.Flag.PREPENDS));
    assertTrue(only(r.statementsAbout("PATH"), 1).flags().contains(StartupStatement.Flag.APPENDS));
  }

  @Test
  void universalFishUserPathsFromFishVariablesComeFirst() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.config/fish/fish_variables", "# This file contains fish universal variable definitions.\n"
            + "# VERSION: 3.0\nSETUVAR --export GOFLAGS:\\x2dmod\\x3dmod\n"
            + "SETUVAR fish_user_paths:/opt/a\\x1e/usr/bin\n");
    StaticShellResult r = s.run(ShellKind.FISH, ShellMode.LOGIN);
    assertEquals("/opt/a:/usr/bin:/bin", r.pathValue());
    assertEquals("/home/u/.config/fish/fish_variables:4", r.path().get(0).provenance().display());
    assertEquals("-mod=mod", r.variable("GOFLAGS").orElseThrow().value());
    assertEquals("/home/u/.config/fish/fish_variables:3", r.variable("GOFLAGS").orElseThrow().provenance().display());
  }

  @Test
  void interactiveGuardsAndBlocks() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.config/fish/conf.d/go.fish", String.join("\n",
            "set -gx GOPROXY direct",
            "status is-interactive || exit",
            "set -gx GOBIN $HOME/bin",
            ""))
        .write(CONFIG, String.join("\n",
            "if status is-interactive",
            "    set -gx PATH /opt/go/bin $PATH",
            "end",
            "set -gx GOTOOLCHAIN local",
            ""));
    StaticShellResult login = s.run(ShellKind.FISH, ShellMode.LOGIN);
    assertEquals("direct", login.variable("GOPROXY").orElseThrow().value());
    assertTrue(login.variable("GOBIN").isEmpty());
    assertEquals("local", login.variable("GOTOOLCHAIN").orElseThrow().value(), "exit ends only that conf.d file");
    assertEquals("/usr/bin:/bin", login.pathValue());
    StartupStatement gobin = only(login.statementsAbout("GOBIN"), 2);
    assertTrue(gobin.afterGuard());
    assertFalse(gobin.executed());
    StartupStatement inBlock = only(login.statementsAbout("PATH"), 1);
    assertTrue(inBlock.afterGuard());
    assertEquals(CONFIG + ":1", inBlock.guard().display());
    assertTrue(login.notes().stream().anyMatch(n -> n.kind() == StartupNote.Kind.GUARD_STOP));

    StaticShellResult terminal = s.run(ShellKind.FISH, ShellMode.TERMINAL);
    assertEquals("/home/u/bin", terminal.variable("GOBIN").orElseThrow().value());
    assertEquals("/opt/go/bin:/usr/bin:/bin", terminal.pathValue());
    assertEquals(CONFIG + ":2", terminal.path().get(0).provenance().display());
  }

  @Test
  void confDOrderUserThenSystemAndSameNamesHide() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/etc/fish/conf.d/a.fish", "set -gx GOPROXY system-a\n")
        .write("/etc/fish/conf.d/go.fish", "set -gx GOPATH /system\n")
        .write("/home/u/.config/fish/conf.d/go.fish", "set -gx GOPATH /user\n")
        .write("/home/u/.config/fish/conf.d/z.fish", "set -gx GOPROXY user-z\n")
        .write("/etc/fish/config.fish", "set -gx GOFLAGS -from-etc\n");
    StaticShellResult r = s.run(ShellKind.FISH, ShellMode.LOGIN);
    assertEquals("/user", r.variable("GOPATH").orElseThrow().value());
    // fish sources every user snippet before any /etc/fish one, so a.fish runs after z.fish
    assertEquals("system-a", r.variable("GOPROXY").orElseThrow().value());
    assertEquals(StartupFileStatus.SHADOWED, status(r, "/etc/fish/conf.d/go.fish"));
    assertEquals(List.of("/home/u/.config/fish/conf.d/go.fish", "/home/u/.config/fish/conf.d/z.fish",
        "/etc/fish/conf.d/a.fish", "/etc/fish/config.fish"), r.filesRead());
  }

  @Test
  void listVariablesQuotingAndUnexportedSets() {
    StartupScenario s = StartupScenario.empty(tmp).write(CONFIG, String.join("\n",
        "set -x GOFLAGS -mod=mod -trimpath",
        "set GOPATH ~/go",
        "set -gx PATH \"~/bin\" $PATH",
        "set -gx GOPRIVATE {a,b}.example.com",
        ""));
    StaticShellResult r = s.run(ShellKind.FISH, ShellMode.LOGIN);
    assertEquals("-mod=mod -trimpath", r.variable("GOFLAGS").orElseThrow().value());
    assertTrue(r.variable("GOPATH").isEmpty());
    assertTrue(r.notes().stream().anyMatch(n -> n.kind() == StartupNote.Kind.NOT_EXPORTED));
    assertEquals("~/bin", r.path().get(0).directory());
    assertTrue(only(r.statementsAbout("PATH"), 2).flags().contains(StartupStatement.Flag.LITERAL_TILDE));
    assertEquals("a.example.com b.example.com", r.variable("GOPRIVATE").orElseThrow().value());
  }

  @Test
  void debianVendorSnippetAddsSystemDirectoriesForLoginShells() {
    StartupScenario s = StartupScenario.empty(tmp)
        .mkdir("/usr/local/bin").mkdir("/usr/bin").mkdir("/bin").mkdir("/usr/games").mkdir("/usr/local/games")
        .write("/usr/share/fish/vendor_conf.d/00debian-profile.fish", String.join("\n",
            "if not set -q FISH_UNIT_TESTS_RUNNING",
            "    if status is-login",
            "        if test (/usr/bin/id -u) = 0",
            "            fish_add_path -aP /usr/local/sbin",
            "        else",
            "            fish_add_path -aP /usr/local/bin",
            "            fish_add_path -aP /usr/bin",
            "            fish_add_path -aP /usr/games",
            "        end",
            "    end",
            "end",
            ""));
    StaticShellResult r = s.run(ShellKind.FISH, ShellMode.LOGIN);
    assertEquals("/usr/bin:/bin:/usr/local/bin:/usr/games", r.pathValue());
    assertEquals("/usr/share/fish/vendor_conf.d/00debian-profile.fish:6",
        r.pathEntry("/usr/local/bin").orElseThrow().provenance().display());
  }
}
