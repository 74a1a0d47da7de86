package dev.goenvdoctor.rules;

import static dev.goenvdoctor.rules.SettingsStartupFixHarness.applyAndRecheck;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.contains;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.evidence;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.fix;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.lacks;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.only;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.preferred;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.read;
import static dev.goenvdoctor.rules.SettingsStartupFixHarness.realShellPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.testing.Scenario;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Startup files" rules on scenario machines (Ubuntu 22.04 user u with Debian's skel files): each rule
 * fires on the offending line with its evidence, stays quiet on a close healthy setup, and each fix, applied
 * to the files, makes the finding go away without side effects. Where a fix changes what a shell does, the
 * real shell (bash, dash, zsh) is run against the scenario's home before and after.
 */
class StartupFileRulesTest {
  private static final String BASHRC = "/home/u/.bashrc";
  private static final String PROFILE = "/home/u/.profile";
  private static final String BASH_PROFILE = "/home/u/.bash_profile";
  private static final String ZPROFILE = "/home/u/.zprofile";
  private static final String GO_BIN = "/usr/local/go/bin";

  @TempDir Path tmp;

  private final Rule afterGuard = new ExportAfterInteractiveGuardRule();
  private final Rule profileShadowed = new ProfileShadowedRule();
  private final Rule zshIgnores = new ZshIgnoresBashFilesRule();
  private final Rule tilde = new TildeInPathRule();
  private final Rule clobbered = new PathClobberedRule();
  private final Rule etcEnvironment = new EtcEnvironmentExpansionRule();
  private final Rule unsafe = new PathUnsafeEntryRule();
  private final Rule missing = new PathMissingDirRule();

  /** The 0-based line of {@code file} holding {@code text}. */
  private static int line(Scenario s, String file, String text) {
    List<String> lines = read(s, file).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  @Test
  void groupListsTheEightRulesInCatalogueOrder() {
    assertEquals(List.of("export-after-interactive-guard", "profile-shadowed", "zsh-ignores-bash-files", "tilde-in-path",
        "path-clobbered", "etc-environment-expansion", "path-unsafe-entry", "path-missing-dir"),
        StartupFileRules.all().stream().map(r -> r.info().slug()).toList());
    assertEquals(List.of("GED501", "GED502", "GED503", "GED504", "GED505", "GED506", "GED507", "GED508"),
        StartupFileRules.all().stream().map(r -> r.info().code()).toList());
    assertEquals(List.of(Severity.WARNING, Severity.WARNING, Severity.WARNING, Severity.WARNING, Severity.WARNING,
        Severity.ERROR, Severity.WARNING, Severity.INFO), StartupFileRules.all().stream().map(r -> r.info().severity()).toList());
  }

  @Test
  void healthyUbuntuAccountHasNoStartupFindings() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .append(PROFILE, "export PATH=\"$PATH:/usr/local/go/bin:$HOME/go/bin\"\n").dir("/home/u/go/bin");
    for (Rule rule : StartupFileRules.all()) {
      assertEquals(List.of(), s.findings(rule), rule.info().slug());
    }
  }

  // export-after-interactive-guard

  @Test
  void goPathExportBelowTheBashrcGuardIsMovedToProfile() throws Exception {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .append(BASHRC, "export PATH=\"$PATH:/usr/local/go/bin\"\n");
    int n = line(s, BASHRC, "/usr/local/go/bin");
    int guard = line(s, BASHRC, "case $- in");
    Finding f = only(s.findings(afterGuard));
    assertEquals("export-after-interactive-guard", f.slug());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(BASHRC, f.location().file());
    assertEquals(n, f.location().range().startLine());
    assertEquals(List.of(BASHRC + ":" + (n + 1), BASHRC + ":" + (guard + 1)), evidence(f));
    contains(f.message(), "PATH gets /usr/local/go/bin at ~/.bashrc:" + (n + 1) + ", after the interactive-only guard at ~/.bashrc:"
        + (guard + 1), "VS Code finds no go, your terminal runs /usr/local/go/bin/go (go1.22.5)",
        "Move it to ~/.profile, then log out and back in", "no shell was run");
    assertEquals("Move this line to ~/.profile", preferred(f).title());

    String bash = TestTools.systemFile("/usr/bin/bash").toString();
    assertFalse(realShellPath(s, bash, List.of("-l")).contains(GO_BIN), "a real bash login shell stops at the guard");
    applyAndRecheck(s, afterGuard, preferred(f));
    assertTrue(read(s, PROFILE).endsWith("export PATH=\"$PATH:/usr/local/go/bin\"\n"));
    lacks(read(s, BASHRC), GO_BIN);
    assertTrue(realShellPath(s, bash, List.of("-l")).contains(GO_BIN), "after the fix a real bash login shell has it");
  }

  @Test
  void aLoginShellThatRanAndHasTheDirectoryOverridesTheStaticReading() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").append(BASHRC, "export PATH=\"$PATH:/usr/local/go/bin\"\n");
    Snapshot read = s.snapshot();
    assertEquals(1, afterGuard.check(read).size());
    // Say the real login shell printed a PATH with the directory (set somewhere the static reading cannot see).
    String path = Scenario.DEFAULT_PATH + ":/usr/local/go/bin";
    List<Layer> layers = read.layers().stream().map(l -> l.id() != LayerId.LOGIN ? l
        : new Layer(LayerId.LOGIN, LayerSource.SHELL, Map.of("PATH", path, "HOME", "/home/u"),
            Arrays.stream(path.split(":")).map(d -> new PathEntry(d, Optional.empty(), PathEntry.State.OK)).toList(),
            Map.of(), l.go(), List.of())).toList();
    Snapshot ran = new Snapshot(read.schemaVersion(), read.toolVersion(), read.takenAt(), read.machine(), layers, read.tools(),
        read.installations(), read.workspace(), read.startup(), read.shellRuns(), read.goEnvFile(), read.goEnv(), read.host(),
        read.problems(), read.timingsMillis());
    assertEquals(List.of(), afterGuard.check(ran));
  }

  @Test
  void goVariableBelowTheGuardIsReportedToo() {
    Scenario s = Scenario.ubuntu(tmp).append(BASHRC, "export GOPATH=$HOME/gocode\n");
    Finding f = only(s.findings(afterGuard));
    contains(f.message(), "GOPATH=/home/u/gocode is set at ~/.bashrc:");
    applyAndRecheck(s, afterGuard, preferred(f));
  }

  @Test
  void withABashProfileThatSkipsProfileTheLineGoesThere() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .file(BASH_PROFILE, "[ -f ~/.bashrc ] && . ~/.bashrc\n")
        .append(BASHRC, "export PATH=\"$PATH:/usr/local/go/bin\"\n");
    Finding f = only(s.findings(afterGuard));
    contains(f.message(), "Move it to ~/.bash_profile, then log out");
    applyAndRecheck(s, afterGuard, preferred(f));
    contains(read(s, BASH_PROFILE), "export PATH=\"$PATH:/usr/local/go/bin\"");
  }

  @Test
  void bashOnlySyntaxIsNotMovedToTheFileShReads() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").append(BASHRC, "export PATH+=\":/usr/local/go/bin\"\n");
    Finding f = only(s.findings(afterGuard));
    assertEquals(List.of(), f.fixes());
    contains(f.message(), "Move it by hand to ~/.profile in POSIX syntax (GDM reads that file with /bin/sh", "), then log out");
  }

  @Test
  void lineInsideABlockIsNotMovedAlone() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .append(BASHRC, "if [ -d /usr/local/go ]; then\n  export PATH=\"$PATH:/usr/local/go/bin\"\nfi\n");
    Finding f = only(s.findings(afterGuard));
    assertEquals(List.of(), f.fixes());
    contains(f.message(), "Move it by hand to ~/.profile (it is part of a larger command here), then log out");
  }

  @Test
  void nonGoExportsBelowTheGuardAndGoExportsAboveItAreHealthy() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").dir("/home/u/.cargo/bin")
        .append(BASHRC, "export PATH=\"$PATH:$HOME/.cargo/bin\"\nexport EDITOR=vim\n")
        .append(PROFILE, "export PATH=\"$PATH:/usr/local/go/bin\"\n");
    assertEquals(List.of(), s.findings(afterGuard));
    // The same Go directory below the guard is harmless when the login shell already has it.
    s.append(BASHRC, "export PATH=\"$PATH:/usr/local/go/bin\"\n");
    assertEquals(List.of(), s.findings(afterGuard));
  }

  @Test
  void goenvActivationBelowTheGuardIsReportedWithoutAOneLineMove() {
    Scenario s = goenv(Scenario.ubuntu(tmp)).append(BASHRC, GOENV_SETUP);
    int n = line(s, BASHRC, "goenv init");
    Finding f = only(s.findings(afterGuard));
    assertEquals(n, f.location().range().startLine());
    contains(f.message(), "goenv's activation adds /home/u/.goenv/shims to PATH at ~/.bashrc:" + (n + 1), "VS Code finds no go",
        "Move the goenv setup (this line and the lines it needs before it) to ~/.profile by hand, then log out");
    assertEquals(List.of(), f.fixes());
  }

  // Healthy machines of the list: the Go setup where the desktop session reads it.

  @Test
  void goenvSetUpInProfileIsHealthy() {
    Scenario s = goenv(Scenario.ubuntu(tmp)).append(PROFILE, GOENV_SETUP);
    assertNoWarnings(s);
  }

  @Test
  void asdfSetUpInProfileIsHealthy() {
    Scenario s = Scenario.ubuntu(tmp).file("/home/u/.asdf/asdf.sh", "# asdf entry point\n").dir("/home/u/.asdf/bin")
        .executable("/home/u/.asdf/shims/go", "#!/usr/bin/env bash\nexec asdf exec go \"$@\"\n".getBytes())
        .goRoot("/home/u/.asdf/installs/golang/1.22.5/go", "go1.22.5")
        .file("/home/u/proj/.tool-versions", "golang 1.22.5\n")
        .append(PROFILE, ". \"$HOME/.asdf/asdf.sh\"\n");
    assertNoWarnings(s);
  }

  @Test
  void aptOnlyIsHealthy() {
    assertNoWarnings(Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1"));
  }

  private static final String GOENV_SETUP = "export GOENV_ROOT=\"$HOME/.goenv\"\nexport PATH=\"$GOENV_ROOT/bin:$PATH\"\n"
      + "eval \"$(goenv init -)\"\n";

  private static Scenario goenv(Scenario s) {
    return s.executable("/home/u/.goenv/bin/goenv", "#!/usr/bin/env bash\n".getBytes())
        .executable("/home/u/.goenv/shims/go", "#!/usr/bin/env bash\nexec goenv exec go \"$@\"\n".getBytes())
        .goRoot("/home/u/.goenv/versions/1.22.5", "go1.22.5")
        .file("/home/u/.goenv/version", "1.22.5\n");
  }

  private static void assertNoWarnings(Scenario s) {
    for (Rule rule : StartupFileRules.all()) {
      List<Finding> found = s.findings(rule).stream().filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
      assertEquals(List.of(), found, rule.info().slug());
    }
  }

  @Test
  void hostileStartupFilesNeverThrow() {
    Scenario s = Scenario.ubuntu(tmp)
        .append(PROFILE, "export PATH=\"$PATH:~\r\nexport PATH='\nPATH=\0\u0001:~x/bin:\"$(\nexport PATH=${PATH:+$PATH:}~/b\n"
            + "case $x in *) PATH=\"~/go/bin\";; esac\nf() { export GOROOT=; }\n}}}}\nfi\nexport PATH=\"\" GOPATH=:::\n")
        .append(BASHRC, "export PATH=\"$PATH:\" # trailing\nexport PATH=\"$PATH:~nobody/bin\"\n")
        .file("/etc/environment", "PATH=\"$PATH\nGOROOT=${GOROOT:-/x}\n=oops\nexport GOPATH=$HOME\n");
    for (Rule rule : StartupFileRules.all()) {
      rule.check(s.snapshot()).forEach(f -> assertTrue(f.location() != null && !f.message().isBlank(), rule.info().slug()));
    }
  }

  // profile-shadowed

  @Test
  void goExportInProfileSkippedBecauseOfBashProfileIsReportedAndSourced() throws Exception {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n")
        .file(BASH_PROFILE, "# created by an installer\nexport PATH=\"$HOME/.cargo/bin:$PATH\"\n").dir("/home/u/.cargo/bin");
    int n = line(s, PROFILE, GO_BIN);
    Finding f = only(s.findings(profileShadowed));
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(PROFILE, f.location().file());
    assertEquals(n, f.location().range().startLine());
    assertEquals(List.of(PROFILE + ":" + (n + 1), BASH_PROFILE + ":1"), evidence(f));
    contains(f.message(), "~/.profile:" + (n + 1) + " adds /usr/local/go/bin to PATH",
        "bash login shells read ~/.bash_profile instead, which does not source ~/.profile", "log out and back in");

    String bash = TestTools.systemFile("/usr/bin/bash").toString();
    assertFalse(realShellPath(s, bash, List.of("-l")).contains(GO_BIN), "real bash skips ~/.profile");
    applyAndRecheck(s, profileShadowed, preferred(f));
    assertEquals("[ -f \"$HOME/.profile\" ] && . \"$HOME/.profile\"\n# created by an installer\n"
        + "export PATH=\"$HOME/.cargo/bin:$PATH\"\n", read(s, BASH_PROFILE));
    assertTrue(realShellPath(s, bash, List.of("-l")).contains(GO_BIN), "after the fix real bash reads ~/.profile");
  }

  @Test
  void bashProfileThatSourcesProfileIsHealthy() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n")
        .file(BASH_PROFILE, ". ~/.profile\nexport PATH=\"$HOME/.cargo/bin:$PATH\"\n");
    assertEquals(List.of(), s.findings(profileShadowed));
    // A shadowed ~/.profile without Go lines is not ours to report.
    s.file(BASH_PROFILE, "export PATH=\"$HOME/.cargo/bin:$PATH\"\n").file(PROFILE, "export EDITOR=vim\n");
    assertEquals(List.of(), s.findings(profileShadowed));
  }

  // zsh-ignores-bash-files

  @Test
  void zshUserWithGoOnlyInBashrcGetsTheLineMovedToZprofile() throws Exception {
    Scenario s = Scenario.ubuntu(tmp).env("SHELL", "/usr/bin/zsh").goRoot("/usr/local/go", "go1.22.5")
        .append(BASHRC, "export PATH=\"$PATH:/usr/local/go/bin\"\n");
    int n = line(s, BASHRC, GO_BIN);
    Finding f = only(s.findings(zshIgnores));
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(BASHRC, f.location().file());
    assertEquals(n, f.location().range().startLine());
    assertEquals(List.of(BASHRC + ":" + (n + 1)), evidence(f));
    contains(f.message(), "Your login shell is zsh (/usr/bin/zsh), which does not read ~/.bashrc; PATH gets /usr/local/go/bin only"
        + " at ~/.bashrc:" + (n + 1), "Your terminal finds no go.");
    assertEquals(List.of(), s.findings(afterGuard), "bash's guard is not the problem of a zsh user");

    applyAndRecheck(s, zshIgnores, preferred(f));
    contains(read(s, ZPROFILE), "export PATH=\"$PATH:/usr/local/go/bin\"");
    String zsh = TestTools.systemFile("/usr/bin/zsh").toString();
    assertTrue(realShellPath(s, zsh, List.of("-l")).contains(GO_BIN), "a real zsh login shell reads ~/.zprofile");
  }

  @Test
  void zshUserWithGoInProfileReadsItInShEmulation() throws Exception {
    Scenario s = Scenario.ubuntu(tmp).env("SHELL", "/usr/bin/zsh").goRoot("/usr/local/go", "go1.22.5")
        .append(PROFILE, "export PATH=\"$PATH:/usr/local/go/bin\"\n");
    Finding f = only(s.findings(zshIgnores));
    assertEquals(PROFILE, f.location().file());
    contains(f.message(), "does not read ~/.profile", "GDM on X11 still reads ~/.profile with /bin/sh",
        "emulate sh -c '. ~/.profile'");
    assertEquals("Read ~/.profile from ~/.zprofile", preferred(f).title());

    String zsh = TestTools.systemFile("/usr/bin/zsh").toString();
    assertFalse(realShellPath(s, zsh, List.of("-l")).contains(GO_BIN));
    applyAndRecheck(s, zshIgnores, preferred(f));
    assertEquals("emulate sh -c '. ~/.profile'\n", read(s, ZPROFILE));
    assertTrue(realShellPath(s, zsh, List.of("-l")).contains(GO_BIN), "a real zsh login shell now reads ~/.profile");
  }

  @Test
  void zshUserWithGoInZshFilesIsHealthy() {
    Scenario s = Scenario.ubuntu(tmp).env("SHELL", "/usr/bin/zsh").goRoot("/usr/local/go", "go1.22.5")
        .append(PROFILE, "export PATH=\"$PATH:/usr/local/go/bin\"\n")
        .file(ZPROFILE, "export PATH=\"$PATH:/usr/local/go/bin\"\n");
    assertEquals(List.of(), s.findings(zshIgnores));
    // A bash user's bash files are read: nothing to say.
    Scenario bash = Scenario.ubuntu(tmp.resolve("b")).goRoot("/usr/local/go", "go1.22.5")
        .append(PROFILE, "export PATH=\"$PATH:/usr/local/go/bin\"\n");
    assertEquals(List.of(), bash.findings(zshIgnores));
  }

  // tilde-in-path

  @Test
  void quotedTildeIsReportedWithTheToolsItHidesAndReplacedByHome() throws Exception {
    Scenario s = Scenario.ubuntu(tmp).goTool("/home/u/go/bin/gopls", "go1.22.5", "golang.org/x/tools/gopls")
        .goTool("/home/u/go/bin/dlv", "go1.22.5", "github.com/go-delve/delve/cmd/dlv")
        .append(PROFILE, "export PATH=\"$PATH:~/go/bin\"\n");
    int n = line(s, PROFILE, "~/go/bin");
    Finding f = only(s.findings(tilde));
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(PROFILE, f.location().file());
    assertEquals(n, f.location().range().startLine());
    assertEquals(List.of(PROFILE + ":" + (n + 1)), evidence(f));
    contains(f.message(), "PATH contains the literal entry ~/go/bin (~/.profile:" + (n + 1) + ")",
        "gopls and dlv in /home/u/go/bin are not found there");

    String dash = TestTools.systemFile("/usr/bin/dash").toString();
    assertTrue(realShellPath(s, dash, List.of("-l")).contains(":~/go/bin"), "dash keeps the quoted ~");
    applyAndRecheck(s, tilde, preferred(f));
    assertTrue(read(s, PROFILE).endsWith("export PATH=\"$PATH:$HOME/go/bin\"\n"));
    assertTrue(realShellPath(s, dash, List.of("-l")).contains(s.host("/home/u/go/bin").toString()));
  }

  @Test
  void tildeInSingleQuotesIsReportedWithoutAFixAndUnquotedTildeIsHealthy() {
    Scenario s = Scenario.ubuntu(tmp).dir("/home/u/go/bin").append(PROFILE, "export PATH='~/go/bin':\"$PATH\"\n");
    Finding f = only(s.findings(tilde));
    assertEquals(List.of(), f.fixes());
    s.file(PROFILE, "export PATH=$PATH:~/go/bin\n");
    assertEquals(List.of(), s.findings(tilde));
  }

  @Test
  void tildeInTheEditorsOwnPathIsShownOnGoMod() {
    Scenario s = Scenario.ubuntu(tmp).env("PATH", Scenario.DEFAULT_PATH + ":~/go/bin");
    Finding f = only(s.findings(tilde));
    assertEquals("/home/u/proj/go.mod", f.location().file());
    contains(f.message(), "PATH of the editor, vscode-go and gopls layers contains the literal entry ~/go/bin");
  }

  // path-clobbered

  @Test
  void pathAssignedWithoutPathIsReportedWithWhatItDropsAndKeepsPathAfterTheFix() throws Exception {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").dir("/home/u/go/bin")
        .append(PROFILE, "export PATH=/usr/local/go/bin:$HOME/go/bin\n");
    int n = line(s, PROFILE, GO_BIN);
    Finding f = only(s.findings(clobbered));
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(PROFILE, f.location().file());
    assertEquals(n, f.location().range().startLine());
    assertEquals(List.of(PROFILE + ":" + (n + 1)), evidence(f));
    contains(f.message(), "PATH is replaced at ~/.profile:" + (n + 1) + " without $PATH; the login layer loses /usr/local/sbin,",
        "/usr/bin, /sbin, /bin", "/snap/bin", "cannot run git or gcc");

    String dash = TestTools.systemFile("/usr/bin/dash").toString();
    lacks(realShellPath(s, dash, List.of("-l")), "/usr/bin");
    applyAndRecheck(s, clobbered, preferred(f));
    assertTrue(read(s, PROFILE).endsWith("export PATH=\"/usr/local/go/bin:$HOME/go/bin:$PATH\"\n"));
    contains(realShellPath(s, dash, List.of("-l")), "/usr/bin");
  }

  @Test
  void assignmentsThatKeepPathOrRestoreEverythingAreHealthy() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .append(PROFILE, "export PATH=\"/usr/local/go/bin:$PATH\"\n");
    assertEquals(List.of(), s.findings(clobbered));
    s.append(PROFILE, "PATH=/usr/local/go/bin:" + Scenario.DEFAULT_PATH + "\n");
    assertEquals(List.of(), s.findings(clobbered));
  }

  // etc-environment-expansion

  @Test
  void etcEnvironmentWithPathReferenceIsWrittenOutInFull() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
        .file("/etc/environment", "PATH=\"$PATH:/usr/local/go/bin\"\n");
    Finding f = only(s.findings(etcEnvironment));
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("/etc/environment", f.location().file());
    assertEquals(0, f.location().range().startLine());
    assertEquals(List.of("/etc/environment:1"), evidence(f));
    contains(f.message(), "/etc/environment:1 sets PATH to the literal text $PATH:/usr/local/go/bin; pam_env does not expand",
        "Sessions start without /usr/bin and /bin", "needs root");
    assertEquals(List.of(), s.findings(unsafe), "the literal $PATH entry is this rule's, not path-unsafe-entry's");

    applyAndRecheck(s, etcEnvironment, preferred(f));
    assertEquals("PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/local/go/bin\"\n",
        read(s, "/etc/environment"));
  }

  @Test
  void etcEnvironmentGopathWithHomeIsMovedToProfile() {
    Scenario s = Scenario.ubuntu(tmp).append("/etc/environment", "GOPATH=$HOME/go\n");
    Finding f = only(s.findings(etcEnvironment));
    assertEquals(1, f.location().range().startLine());
    contains(f.message(), "sets GOPATH to the literal text $HOME/go", "not an absolute path");
    applyAndRecheck(s, etcEnvironment, fix(f, "Move it to ~/.profile"));
    assertTrue(read(s, PROFILE).endsWith("export GOPATH=\"$HOME/go\"\n"));
    lacks(read(s, "/etc/environment"), "GOPATH");
  }

  @Test
  void plainEtcEnvironmentAndNonGoVariablesAreHealthy() {
    Scenario s = Scenario.ubuntu(tmp).append("/etc/environment", "JAVA_HOME=/usr/lib/jvm/default\nEDITOR=$VISUAL\n");
    assertEquals(List.of(), s.findings(etcEnvironment));
  }

  // path-unsafe-entry

  @Test
  void emptyEntryFromAnUnsetGobinIsTracedToTheLineAndRemoved() {
    Scenario s = Scenario.ubuntu(tmp).append(PROFILE, "export PATH=\"$PATH:$GOBIN\"\n");
    int n = line(s, PROFILE, "$GOBIN");
    Finding f = only(s.findings(unsafe));
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(PROFILE, f.location().file());
    assertEquals(n, f.location().range().startLine());
    assertEquals(List.of(PROFILE + ":" + (n + 1)), evidence(f));
    contains(f.message(), "PATH of the login and terminal layers has an empty entry, which means the current directory (~/.profile:"
        + (n + 1) + ", because $GOBIN is empty there)");
    applyAndRecheck(s, unsafe, preferred(f));
    lacks(read(s, PROFILE), "GOBIN");
  }

  @Test
  void relativeEntryIsRemovedFromTheLine() {
    Scenario s = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").append(PROFILE, "export PATH=\"go/bin:$PATH:/usr/local/go/bin\"\n");
    Finding f = only(s.findings(unsafe));
    contains(f.message(), "has the relative entry go/bin");
    applyAndRecheck(s, unsafe, preferred(f));
    assertTrue(read(s, PROFILE).endsWith("export PATH=\"$PATH:/usr/local/go/bin\"\n"));
  }

  @Test
  void emptyEntryInTheEditorsOwnPathIsShownOnGoMod() {
    Scenario s = Scenario.ubuntu(tmp).env("PATH", Scenario.DEFAULT_PATH + ":");
    Finding f = only(s.findings(unsafe));
    assertEquals("/home/u/proj/go.mod", f.location().file());
    assertEquals(List.of(), f.evidence());
    contains(f.message(), "PATH of the editor, vscode-go and gopls layers has an empty entry");
  }

  @Test
  void commandOutputInPathIsNotARelativeEntry() {
    Scenario s = Scenario.ubuntu(tmp).append(PROFILE, "export PATH=\"$PATH:$(go env GOPATH)/bin\"\n");
    assertEquals(List.of(), s.findings(unsafe));
  }

  // path-missing-dir

  @Test
  void missingDirectoryAddedByAStartupFileIsReportedAsInfo() {
    Scenario s = Scenario.ubuntu(tmp).append(PROFILE, "export PATH=\"$PATH:/usr/local/go1.19/bin\"\n");
    int n = line(s, PROFILE, "go1.19");
    Finding f = only(s.findings(missing));
    assertEquals(Severity.INFO, f.severity());
    assertEquals(PROFILE, f.location().file());
    assertEquals(n, f.location().range().startLine());
    assertEquals(List.of(PROFILE + ":" + (n + 1)), evidence(f));
    contains(f.message(), "PATH entry /usr/local/go1.19/bin (~/.profile:" + (n + 1) + ") does not exist (the login and terminal layers).");
    assertFalse(f.fixes().get(0).preferred(), "removing a line is never applied without asking");
    applyAndRecheck(s, missing, f.fixes().get(0));
    lacks(read(s, PROFILE), "go1.19");
  }

  @Test
  void goBinBeforeTheFirstGoInstallSaysSo() {
    Scenario s = Scenario.ubuntu(tmp).append(PROFILE, "export PATH=\"$PATH:$HOME/go/bin\"\n");
    Finding f = only(s.findings(missing));
    contains(f.message(), "/home/u/go/bin", "go install creates it with the first tool it installs");
  }

  @Test
  void missingEntriesWithoutAnOriginOrOfTheSystemAreNotReported() {
    // The scenario root has none of /usr/bin, /bin, /snap/bin...: the editor's PATH and /etc/environment's are all missing.
    Scenario s = Scenario.ubuntu(tmp).env("PATH", Scenario.DEFAULT_PATH + ":/opt/gone/bin");
    assertEquals(List.of(), s.findings(missing));
  }
}
