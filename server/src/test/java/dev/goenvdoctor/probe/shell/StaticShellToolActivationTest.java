package dev.goenvdoctor.probe.shell;

import static dev.goenvdoctor.probe.shell.StaticShellEvaluatorBashTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticShellToolActivationTest {
  @TempDir Path tmp;

  @Test
  void goenvInitPutsShimsFirstAndSaysWhatItManages() {
    StartupScenario s = StartupScenario.empty(tmp)
        .executable("/home/u/.goenv/bin/goenv")
        .write("/home/u/.bashrc", String.join("\n",
            "export GOENV_ROOT=\"$HOME/.goenv\"",
            "export PATH=\"$GOENV_ROOT/bin:$PATH\"",
            "if command -v goenv 1>/dev/null 2>&1; then",
            "  eval \"$(goenv init -)\"",
            "fi",
            "export PATH=\"$GOROOT/bin:$PATH\"",
            ""))
        .write("/home/u/.bash_profile", ". ~/.bashrc\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/home/u/.goenv/shims", r.path().get(1).directory());
    assertEquals("/home/u/.bashrc:4", r.path().get(1).provenance().display());
    assertEquals("/bin", r.path().get(0).directory(), "$GOROOT is empty in the simulation: goenv sets it later");
    assertTrue(only(r.statementsAbout("goenv"), 3).executed());
    assertTrue(r.notes().stream().anyMatch(n -> n.kind() == StartupNote.Kind.TOOL
        && n.message().contains("GOROOT and GOPATH")));
  }

  @Test
  void goenvNotOnPathDoesNothing() {
    StartupScenario s = StartupScenario.empty(tmp).write("/home/u/.profile", "eval \"$(goenv init -)\"\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/usr/bin:/bin", r.pathValue());
    assertTrue(r.notes().stream().anyMatch(n -> n.message().contains("not found on PATH")));
  }

  @Test
  void goenvDisabledGorootAndGopathAreReported() {
    StartupScenario s = StartupScenario.empty(tmp)
        .executable("/usr/bin/goenv")
        .write("/home/u/.profile", "export GOENV_DISABLE_GOROOT=1 GOENV_DISABLE_GOPATH=1\neval \"$(goenv init -)\"\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/home/u/.goenv/shims:/usr/bin:/bin", r.pathValue());
    assertTrue(r.notes().stream().noneMatch(n -> n.message().contains("also exports")));
  }

  @Test
  void gvmAppliesTheDefaultEnvironmentWithItsOwnLines() {
    String env = "/home/u/.gvm/environments/default";
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.gvm/scripts/gvm", "export GVM_ROOT=/home/u/.gvm\n. $GVM_ROOT/scripts/gvm-default\n")
        .write(env, String.join("\n",
            "export GVM_ROOT; GVM_ROOT=\"/home/u/.gvm\"",
            "export gvm_go_name; gvm_go_name=\"go1.21.5\"",
            "export GOROOT; GOROOT=\"$GVM_ROOT/gos/go1.21.5\"",
            "export GOPATH; GOPATH=\"$GVM_ROOT/pkgsets/go1.21.5/global\"",
            "export PATH; PATH=\"${GVM_ROOT}/pkgsets/go1.21.5/global/bin:${GVM_ROOT}/gos/go1.21.5/bin:${PATH}\"",
            ""))
        .write("/home/u/.bash_profile", "export GOROOT=/usr/lib/go\n"
            + "[[ -s \"$HOME/.gvm/scripts/gvm\" ]] && source \"$HOME/.gvm/scripts/gvm\"\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/home/u/.gvm/gos/go1.21.5", r.variable("GOROOT").orElseThrow().value());
    assertEquals(env + ":3", r.variable("GOROOT").orElseThrow().provenance().display());
    assertEquals(env + ":4", r.variable("GOPATH").orElseThrow().provenance().display());
    assertEquals("/home/u/.gvm/pkgsets/go1.21.5/global/bin:/home/u/.gvm/gos/go1.21.5/bin:/home/u/.gvm/bin:"
        + "/usr/bin:/bin", r.pathValue());
    assertEquals(env + ":5", r.path().get(1).provenance().display());
    assertEquals("/home/u/.bash_profile:2", r.path().get(2).provenance().display());
    assertTrue(r.files().stream().anyMatch(f -> f.status() == StartupFileStatus.MODELLED
        && f.path().equals("/home/u/.gvm/scripts/gvm")));
    assertTrue(only(r.statementsAbout("gvm"), 1).executed());
  }

  @Test
  void asdfShimsGoFirst() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.asdf/asdf.sh", "# asdf entry point\n")
        .write("/home/u/.bashrc", ". \"$HOME/.asdf/asdf.sh\"\n")
        .write("/home/u/.bash_profile", ". ~/.bashrc\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.TERMINAL);
    assertEquals("/home/u/.asdf/shims:/home/u/.asdf/bin:/usr/bin:/bin", r.pathValue());
    assertEquals("/home/u/.bashrc:1", r.path().get(0).provenance().display());
    assertEquals("asdf", r.statements().stream().filter(st -> st.kind() == StartupStatement.Kind.TOOL_ACTIVATION)
        .findFirst().orElseThrow().subject());
  }

  @Test
  void asdfShimsAddedByHandAreRecognised() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.profile", "export PATH=\"${ASDF_DATA_DIR:-$HOME/.asdf}/shims:$PATH\"\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/home/u/.asdf/shims", r.path().get(0).directory());
    assertEquals(1, r.statementsAbout("asdf").size());
  }

  @Test
  void miseActivateAddsNothingButSaysWhy() {
    StartupScenario s = StartupScenario.empty(tmp)
        .executable("/usr/bin/mise")
        .write("/home/u/.zshrc", "eval \"$(mise activate zsh)\"\n")
        .write("/home/u/.config/fish/config.fish", "mise activate fish | source\n");
    StaticShellResult zsh = s.run(ShellKind.ZSH, ShellMode.TERMINAL);
    assertEquals("/usr/bin:/bin", zsh.pathValue());
    assertTrue(zsh.notes().stream().anyMatch(n -> n.message().contains("PATH is set per directory by mise")));
    StaticShellResult fish = s.run(ShellKind.FISH, ShellMode.TERMINAL);
    assertEquals("/usr/bin:/bin", fish.pathValue());
    assertEquals(1, fish.statementsAbout("mise").size());
    assertTrue(fish.notes().stream().anyMatch(n -> n.message().contains("PATH is set per directory by mise")));
  }

  @Test
  void miseShimsModePutsShimsOnPath() {
    StartupScenario s = StartupScenario.empty(tmp)
        .executable("/usr/bin/mise")
        .write("/home/u/.profile", "eval \"$(mise activate bash --shims)\"\n");
    assertEquals("/home/u/.local/share/mise/shims:/usr/bin:/bin", s.run(ShellKind.BASH, ShellMode.LOGIN).pathValue());
  }
}
