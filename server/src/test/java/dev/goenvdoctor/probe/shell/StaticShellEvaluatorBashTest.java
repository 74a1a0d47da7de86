package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticShellEvaluatorBashTest {
  private static final String BASHRC = "/home/u/.bashrc";
  private static final String GO_LINE = "export PATH=$PATH:/usr/local/go/bin";

  @TempDir Path tmp;

  @Test
  void ubuntuSkelExportBelowTheGuardReachesTheTerminalButNotTheDesktopSession() {
    StartupScenario s = StartupScenario.copy("ubuntu-skel", tmp);
    int goLine = s.lineOf(BASHRC, GO_LINE);
    int guardLine = s.lineOf(BASHRC, "case $- in");

    StaticShellResult login = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games", login.pathValue());
    assertTrue(login.pathEntry("/usr/local/go/bin").isEmpty());
    StartupStatement goExport = only(login.statementsAbout("PATH"), goLine);
    assertTrue(goExport.afterGuard());
    assertEquals(BASHRC + ":" + (guardLine + 1), goExport.guard().display());
    assertFalse(goExport.executed());
    assertTrue(goExport.flags().contains(StartupStatement.Flag.APPENDS));
    assertTrue(login.notes().stream().anyMatch(n -> n.kind() == StartupNote.Kind.GUARD_STOP
        && n.where().display().equals(BASHRC + ":" + (guardLine + 1))));
    assertEquals(List.of("/etc/profile", "/home/u/.profile", BASHRC), login.filesRead());

    StaticShellResult terminal = s.run(ShellKind.BASH, ShellMode.TERMINAL);
    StaticShellPathEntry go = terminal.pathEntry("/usr/local/go/bin").orElseThrow();
    assertEquals(BASHRC + ":" + (goLine + 1), go.provenance().display());
    assertEquals(GO_LINE, go.provenance().text());
    assertEquals("/etc/profile:7", terminal.pathEntry("/usr/bin").orElseThrow().provenance().display());
    assertTrue(only(terminal.statementsAbout("PATH"), goLine).executed());
    assertEquals(List.of("/etc/profile", "/etc/bash.bashrc", "/home/u/.profile", BASHRC), terminal.filesRead());
    assertTrue(terminal.notes().stream().noneMatch(n -> n.kind() == StartupNote.Kind.GUARD_STOP));
  }

  @Test
  void anExportAboveTheGuardReachesBothLayers() {
    StartupScenario s = StartupScenario.copy("ubuntu-skel", tmp);
    String bashrc = s.read(BASHRC).replace(GO_LINE, "");
    s.write(BASHRC, "export GOPATH=$HOME/work\nexport PATH=$PATH:/usr/local/go/bin\n" + bashrc);
    for (ShellMode mode : ShellMode.values()) {
      StaticShellResult r = s.run(ShellKind.BASH, mode);
      assertEquals(BASHRC + ":2", r.pathEntry("/usr/local/go/bin").orElseThrow().provenance().display(),
          mode.toString());
      assertEquals("/home/u/work", r.variable("GOPATH").orElseThrow().value());
      assertFalse(only(r.statementsAbout("PATH"), 1).afterGuard());
    }
  }

  @Test
  void homeBinDirectoriesComeFromTheProfileWhenTheyExist() {
    StartupScenario s = StartupScenario.copy("ubuntu-skel", tmp).mkdir("/home/u/.local/bin");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/home/u/.local/bin", r.path().get(0).directory());
    assertEquals("/home/u/.profile:26", r.path().get(0).provenance().display());
    assertTrue(r.pathEntry("/home/u/bin").isEmpty());
  }

  @Test
  void bashProfileShadowsProfile() {
    StartupScenario s = StartupScenario.copy("ubuntu-skel", tmp)
        .write("/home/u/.bash_profile", "export GOROOT=/opt/go\nexport PATH=$GOROOT/bin:$PATH\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.TERMINAL);
    StartupFile profile = r.files().stream().filter(f -> f.path().equals("/home/u/.profile")).findFirst()
        .orElseThrow();
    assertEquals(StartupFileStatus.SHADOWED, profile.status());
    assertTrue(profile.reason().contains("~/.bash_profile exists"), profile.reason());
    StartupFile bashrc = r.files().stream().filter(f -> f.path().equals(BASHRC)).findFirst().orElseThrow();
    assertEquals(StartupFileStatus.NOT_READ, bashrc.status());
    assertEquals("/opt/go/bin", r.path().get(0).directory());
    assertEquals("/home/u/.bash_profile:2", r.path().get(0).provenance().display());
    assertEquals("/home/u/.bash_profile:1", r.variable("GOROOT").orElseThrow().provenance().display());
    // the statements of files the shell skips are still listed, as not run
    StartupStatement unread = only(r.statementsAbout("PATH"), s.lineOf(BASHRC, GO_LINE));
    assertFalse(unread.executed());
  }

  @Test
  void quotedTildeStaysLiteralAndIsFlagged() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.bash_profile", "export PATH=\"~/go/bin:$PATH\"\nexport PATH=~/sdk/bin:$PATH:~/x\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/home/u/sdk/bin:~/go/bin:/usr/bin:/bin:/home/u/x", r.pathValue());
    StaticShellPathEntry literal = r.pathEntry("~/go/bin").orElseThrow();
    assertTrue(literal.literalTilde());
    assertEquals("/home/u/.bash_profile:1", literal.provenance().display());
    assertTrue(only(r.statementsAbout("PATH"), 0).flags().contains(StartupStatement.Flag.LITERAL_TILDE));
    assertFalse(only(r.statementsAbout("PATH"), 1).flags().contains(StartupStatement.Flag.LITERAL_TILDE));
    assertTrue(r.notes().stream().anyMatch(n -> n.message().contains("literal ~")));
  }

  @Test
  void pathClobberDropsEarlierEntriesAndIsFlagged() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/etc/profile", "PATH=/usr/local/bin:/usr/bin:/bin\nexport PATH\n")
        .write("/home/u/.profile", "export PATH=/opt/tools/bin\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/opt/tools/bin", r.pathValue());
    StartupStatement clobber = only(r.statementsAbout("PATH"), 0, "/home/u/.profile");
    assertTrue(clobber.flags().contains(StartupStatement.Flag.CLOBBERS_PATH));
    assertEquals("/home/u/.profile:1", r.path().get(0).provenance().display());
  }

  @Test
  void sourceChainsWithTestsAndParameterDefaultsAreFollowed() {
    StartupScenario s = StartupScenario.empty(tmp)
        .mkdir("/opt/go1.22/bin")
        .write("/home/u/.bash_profile", String.join("\n",
            "[ -f ~/.config/go.sh ] && . ~/.config/go.sh",
            "if [ -f \"$HOME/.missing\" ]; then . \"$HOME/.missing\"; fi",
            "export GOTOOLCHAIN=${GOTOOLCHAIN:-local}",
            ""))
        .write("/home/u/.config/go.sh", String.join("\n",
            "GOROOT=/opt/go1.22",
            "if [ -d \"$GOROOT/bin\" ]; then",
            "  PATH=\"$GOROOT/bin${PATH:+:$PATH}\"",
            "elif [ -d /usr/local/go ]; then",
            "  PATH=/usr/local/go/bin:$PATH",
            "fi",
            "export GOROOT PATH",
            ""));
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/opt/go1.22/bin:/usr/bin:/bin", r.pathValue());
    assertEquals("/home/u/.config/go.sh:3", r.path().get(0).provenance().display());
    assertEquals("/home/u/.config/go.sh:1", r.variable("GOROOT").orElseThrow().provenance().display());
    assertEquals("local", r.variable("GOTOOLCHAIN").orElseThrow().value());
    assertEquals(List.of("/home/u/.bash_profile", "/home/u/.config/go.sh"), r.filesRead());
    assertFalse(r.variable("GOROOT").orElseThrow().conditional());
    assertFalse(only(r.statementsAbout("PATH"), 4, "/home/u/.config/go.sh").executed());
  }

  @Test
  void undecidableConditionsAreAssumedTakenAndMarked() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.bash_profile", "if [ \"$(go env GOOS)\" = linux ]; then export GOPATH=/srv/go; fi\n"
            + "export GOFLAGS=-mod=mod\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertTrue(r.variable("GOPATH").orElseThrow().conditional());
    assertFalse(r.variable("GOFLAGS").orElseThrow().conditional());
    assertTrue(r.notes().stream().anyMatch(n -> n.kind() == StartupNote.Kind.UNDECIDED));
  }

  @Test
  void anUndecidableReturnInAFunctionOnlyTaintsTheRestOfThatFunction() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.bash_profile", "f() { [ -t 0 ] || return 1; export GOBIN=/in; }\nf\n"
            + "export GOPATH=/after\n[ -t 1 ] || return\nexport GOFLAGS=-late\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertTrue(r.variable("GOBIN").orElseThrow().conditional());
    assertFalse(r.variable("GOPATH").orElseThrow().conditional());
    assertTrue(r.variable("GOFLAGS").orElseThrow().conditional(), "after a possible return from the file");
  }

  @Test
  void commandSubstitutionWeCannotRunStaysDynamic() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.bash_profile", "export PATH=\"$PATH:$(go env GOPATH)/bin\"\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    StaticShellPathEntry last = r.path().get(r.path().size() - 1);
    assertEquals("$(go env GOPATH)/bin", last.directory());
    assertTrue(last.dynamic());
  }

  @Test
  void commandVLooksAtTheSimulatedPath() {
    StartupScenario s = StartupScenario.empty(tmp)
        .executable("/home/u/.local/bin/mytool")
        .write("/home/u/.bash_profile", String.join("\n",
            "command -v mytool >/dev/null && export GOFLAGS=-before",
            "PATH=$HOME/.local/bin:$PATH",
            "if command -v mytool >/dev/null 2>&1; then export GOPROXY=direct; fi",
            ""));
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertTrue(r.variable("GOFLAGS").isEmpty());
    assertEquals("direct", r.variable("GOPROXY").orElseThrow().value());
  }

  @Test
  void sourceCyclesAreCutAndNoted() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.bash_profile", ". ~/.a\nexport GOBIN=$HOME/bin\n")
        .write("/home/u/.a", "export GOPATH=/a\n. ~/.b\n")
        .write("/home/u/.b", ". ~/.a\n. ~/.bash_profile\nexport GOPROXY=off\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/home/u/bin", r.variable("GOBIN").orElseThrow().value());
    assertEquals("off", r.variable("GOPROXY").orElseThrow().value());
    assertEquals(2, r.files().stream().filter(f -> f.status() == StartupFileStatus.CYCLE).count());
  }

  @Test
  void filesOverOneMebibyteAreSkippedWithANote() {
    StringBuilder big = new StringBuilder("export GOPATH=/big\n");
    while (big.length() < 2 * 1024 * 1024) {
      big.append("# padding padding padding padding padding padding padding padding\n");
    }
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.bash_profile", ". ~/.big\nexport GOFLAGS=-x\n")
        .write("/home/u/.big", big.toString());
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertTrue(r.variable("GOPATH").isEmpty());
    assertEquals("-x", r.variable("GOFLAGS").orElseThrow().value());
    assertEquals(StartupFileStatus.TOO_BIG, r.files().stream().filter(f -> f.path().equals("/home/u/.big"))
        .findFirst().orElseThrow().status());
    assertTrue(r.notes().stream().anyMatch(n -> n.kind() == StartupNote.Kind.FILE_SKIPPED
        && n.message().contains("1 MiB")));
  }

  @Test
  void nulBytesAndInvalidUtf8DoNotStopTheRestOfTheFile() {
    byte[] bytes = "export GOPATH=/one\n\0\u00ff\u00feexport GOBIN=/bad\nexport GOFLAGS=-three\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    StartupScenario s = StartupScenario.empty(tmp).writeBytes("/home/u/.bash_profile", bytes);
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/one", r.variable("GOPATH").orElseThrow().value());
    assertTrue(r.variable("GOBIN").isEmpty(), "bash runs the mangled word as a command, not as export");
    assertEquals("-three", r.variable("GOFLAGS").orElseThrow().value());
    assertEquals("/home/u/.bash_profile:3", r.variable("GOFLAGS").orElseThrow().provenance().display());
    assertTrue(r.notes().stream().anyMatch(n -> n.message().contains("NUL")));
    assertTrue(r.notes().stream().anyMatch(n -> n.message().contains("UTF-8")));
  }

  @Test
  void windowsLineEndingsKeepTheCarriageReturnLikeBashDoes() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.profile", "export GOPATH=/srv/go\r\nexport PATH=$PATH:/opt/go/bin\r\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/srv/go\r", r.variable("GOPATH").orElseThrow().value());
    assertEquals("/opt/go/bin\r", r.path().get(r.path().size() - 1).directory());
    assertTrue(r.notes().stream().anyMatch(n -> n.message().contains("CRLF")));
  }

  @Test
  void unexportedGoVariablesAreNoted() {
    StartupScenario s = StartupScenario.empty(tmp).write("/home/u/.profile", "GOPATH=/srv/go\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertTrue(r.variable("GOPATH").isEmpty());
    assertTrue(r.notes().stream().anyMatch(n -> n.kind() == StartupNote.Kind.NOT_EXPORTED
        && n.where().display().equals("/home/u/.profile:1")));
  }

  @Test
  void separateExportAndFunctionsWork() {
    StartupScenario s = StartupScenario.empty(tmp).write("/home/u/.profile", String.join("\n",
        "pathadd() {",
        "  case \":$PATH:\" in",
        "    *\":$1:\"*) ;;",
        "    *) PATH=\"$1:$PATH\" ;;",
        "  esac",
        "}",
        "pathadd /usr/local/go/bin",
        "pathadd /usr/bin",
        "GOROOT=/opt/go",
        "pathadd \"$GOROOT/bin\"",
        "GOPATH=$HOME/go; export GOPATH",
        ""));
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/opt/go/bin:/usr/local/go/bin:/usr/bin:/bin", r.pathValue());
    // the directory is written on the call line, which is what a reader needs to edit
    assertEquals("/home/u/.profile:10", r.pathEntry("/opt/go/bin").orElseThrow().provenance().display());
    assertEquals("/home/u/.profile:7", r.pathEntry("/usr/local/go/bin").orElseThrow().provenance().display());
    assertNull(r.pathEntry("/usr/bin").orElseThrow().provenance(), "already there: pathadd did not touch it");
    assertEquals("/home/u/go", r.variable("GOPATH").orElseThrow().value());
    assertNotNull(r.variable("GOPATH").orElseThrow().provenance());
  }

  @Test
  void exitInAProfileEndsTheShellStart() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.bash_profile", "export GOPATH=/a\nexit 0\nexport GOBIN=/b\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/a", r.variable("GOPATH").orElseThrow().value());
    assertTrue(r.variable("GOBIN").isEmpty());
    assertTrue(r.notes().stream().anyMatch(n -> n.kind() == StartupNote.Kind.SHELL_ENDS));
  }

  @Test
  void etcProfileUsesTheUidForRootPath() {
    StartupScenario s = StartupScenario.copy("ubuntu-skel", tmp).env("HOME", "/root");
    s.uid = 0;
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", r.pathValue());
    assertFalse(r.path().get(0).conditional(), "a known uid decides the test in /etc/profile");
    assertEquals("/etc/profile:5", r.path().get(0).provenance().display());
  }

  static StartupStatement only(List<StartupStatement> statements, int line) {
    List<StartupStatement> at = statements.stream()
        .filter(st -> st.provenance().location().range().startLine() == line).toList();
    assertEquals(1, at.size(), "statements at line " + (line + 1) + ": " + statements);
    return at.get(0);
  }

  static StartupStatement only(List<StartupStatement> statements, int line, String file) {
    return only(statements.stream().filter(st -> st.provenance().location().file().equals(file)).toList(), line);
  }
}
