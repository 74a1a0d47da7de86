package dev.goenvdoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.goenvdoctor.fix.FixApplier;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.FixtureGo;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.probe.exec.RefusingExecutor;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.snapshot.SnapshotBuilder;
import dev.goenvdoctor.snapshot.SnapshotRequest;
import dev.goenvdoctor.testing.Scenario;
import dev.goenvdoctor.testing.TestTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Which go runs where" rules on machines built in a temp directory (Ubuntu 22.04 skeleton, user u,
 * workspace ~/proj with go.mod "go 1.22"), read the way the CLI reads a --root: nothing runs. Each rule
 * fires on a broken machine (slug, severity, location, evidence, the words a user reads) and stays quiet
 * on the closest healthy one; each fix is applied to the files and the machine is read again.
 */
class WhichGoRulesTest {
  private static final String HOME = "/home/u";
  private static final String BASHRC = HOME + "/.bashrc";
  private static final String PROFILE = HOME + "/.profile";
  private static final String ENV_FILE = HOME + "/.config/go/env";
  private static final String SETTINGS = HOME + "/proj/.vscode/settings.json";
  private static final String REAL_GO = "/usr/lib/go-1.19/bin/go";

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** The findings of one rule, asserting every finding is that rule's. */
  private static List<Finding> run(Rule rule, Snapshot snapshot) {
    List<Finding> found = rule.check(snapshot);
    found.forEach(f -> assertEquals(rule.info().slug(), f.slug()));
    return found;
  }

  private static Finding only(Rule rule, Snapshot snapshot) {
    List<Finding> found = run(rule, snapshot);
    assertEquals(1, found.size(), () -> "expected one finding of " + rule.info().slug() + ", got " + describe(found));
    return found.get(0);
  }

  private static String describe(List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    findings.forEach(f -> out.append("\n  ").append(f.slug()).append(' ').append(f.location().display()).append(": ").append(f.message()));
    return out.toString();
  }

  /** The 0-based line of the first line of {@code file} that equals {@code text}. */
  private static int lineOf(Scenario s, String file, String text) {
    try {
      List<String> lines = Files.readAllLines(s.host(file));
      int i = lines.indexOf(text);
      assertTrue(i >= 0, () -> text + " not in " + file);
      return i;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertAt(Finding f, String file, int line) {
    assertEquals(file, f.location().file(), () -> "location of " + f.message());
    assertEquals(line, f.location().range().startLine(), () -> "line of " + f.message());
  }

  private static void assertEvidence(Finding f, String file, int line) {
    assertTrue(f.evidence().stream().anyMatch(p -> p.location().file().equals(file) && p.location().range().startLine() == line),
        () -> "no evidence " + file + ":" + (line + 1) + " in " + f.evidence());
  }

  private static void assertSays(Finding f, String... words) {
    for (String w : words) {
      assertTrue(f.message().contains(w), () -> "message lacks '" + w + "': " + f.message());
    }
  }

  private static Fix fix(Finding f, String titleWords) {
    return f.fixes().stream().filter(x -> x.title().contains(titleWords)).findFirst()
        .orElseGet(() -> fail("no fix '" + titleWords + "' in " + f.fixes().stream().map(Fix::title).toList()));
  }

  /** Every regular file under the scenario root, by host path, with its bytes as text. */
  private static Map<String, String> files(Scenario s) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(s.root().prefix())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(s.root().machinePath(p).orElseThrow(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Slugs of every finding of every rule, counted. */
  private static Map<String, Integer> slugs(Snapshot snapshot) {
    Map<String, Integer> out = new TreeMap<>();
    RuleCatalogue.check(snapshot, Set.of()).findings().forEach(f -> out.merge(f.slug(), 1, Integer::sum));
    return out;
  }

  /**
   * Applies {@code fix}, checks that only its files changed, and returns the machine read again.
   * {@code relogin} then also gives the editor the login shell's new PATH, as logging out and back in does.
   */
  private static Snapshot applyAndReread(Scenario s, Fix fix, boolean relogin) throws IOException {
    Map<String, String> before = files(s);
    List<String> written = FixApplier.apply(s.root(), fix);
    assertEquals(Set.copyOf(fix.files()), Set.copyOf(written));
    Map<String, String> after = files(s);
    Set<String> all = new TreeSet<>(before.keySet());
    all.addAll(after.keySet());
    for (String file : all) {
      if (!fix.files().contains(file)) {
        assertEquals(before.get(file), after.get(file), () -> file + " changed, but the fix does not touch it");
      }
    }
    Snapshot again = s.snapshot();
    if (relogin) {
      String loginPath = again.layer(LayerId.LOGIN).orElseThrow().environment().get("PATH");
      again = s.env("PATH", loginPath).snapshot();
    }
    return again;
  }

  /** After the fix: the finding's rule is quiet and no rule reports a slug it did not report before. */
  private static void assertFixed(Rule rule, Snapshot before, Snapshot after) {
    assertEquals(List.of(), run(rule, after), "the finding is still there after the fix");
    Map<String, Integer> was = new LinkedHashMap<>(slugs(before));
    was.remove(rule.info().slug());
    slugs(after).forEach((slug, count) -> assertTrue(count <= was.getOrDefault(slug, 0),
        () -> "the fix made " + slug + " appear: " + describe(RuleCatalogue.check(after, Set.of()).findings())));
  }

  private static Scenario copyRealGo(Scenario s, String dir, String version) {
    Path real = TestTools.systemFile(REAL_GO);
    try {
      s.goRoot(dir, version);
      Files.copy(real, s.host(dir + "/bin/go"), StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(s.host(dir + "/bin/go"), PosixFilePermissions.fromString("rwxr-xr-x"));
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String realGoVersion() {
    try {
      return Files.readString(TestTools.systemFile("/usr/lib/go-1.19/VERSION")).lines().findFirst().orElseThrow().strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Snapshot withLayers(Snapshot s, List<Layer> layers) {
    return new Snapshot(s.schemaVersion(), s.toolVersion(), s.takenAt(), s.machine(), layers, s.tools(), s.installations(),
        s.workspace(), s.startup(), s.shellRuns(), s.goEnvFile(), s.goEnv(), s.host(), s.problems(), s.timingsMillis());
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void theGroupListsItsTwelveRulesInCatalogueOrderWithTheCodesAndSeveritiesOfTheCatalogue() {
    List<String> expected = List.of("go-missing-in-editor GED101 ERROR", "go-differs-between-layers GED102 WARNING",
        "gopls-go-differs GED103 WARNING", "goroot-mismatch GED104 ERROR", "goroot-invalid GED105 ERROR",
        "goroot-equals-gopath GED106 WARNING", "goroot-pinned-snap-revision GED107 WARNING",
        "goroot-in-go-env-file GED108 WARNING", "go-env-file-shadowed GED109 WARNING", "mixed-goroot GED110 ERROR",
        "go-wrong-arch GED111 ERROR", "go-broken-link GED112 WARNING");
    assertEquals(expected, WhichGoRules.all().stream()
        .map(r -> r.info().slug() + " " + r.info().code() + " " + r.info().severity()).toList());
    for (Rule r : WhichGoRules.all()) {
      assertTrue(Files.isRegularFile(docs().resolve(r.info().slug() + ".md")), r.info().slug() + " has no page");
    }
  }

  private static Path docs() {
    Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    Path repo = Files.isDirectory(cwd.resolve("docs")) ? cwd : cwd.getParent();
    return repo.resolve("docs/rules");
  }

  @Nested
  class HealthyMachines {
    @Test
    void aptGoOnlyGivesNoFinding(@TempDir Path tmp) {
      Snapshot s = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").snapshot();
      for (Rule r : WhichGoRules.all()) {
        assertEquals(List.of(), run(r, s), r.info().slug());
      }
    }

    @Test
    void tarballWithItsExportInProfileGivesNoFinding(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
          .append(PROFILE, "export PATH=$PATH:/usr/local/go/bin\n")
          .env("PATH", Scenario.DEFAULT_PATH + ":/usr/local/go/bin");
      Snapshot s = sc.snapshot();
      for (Rule r : WhichGoRules.all()) {
        assertEquals(List.of(), run(r, s), r.info().slug());
      }
    }

    @Test
    void realAptGoCopiedIntoATreeWithItsOwnVersionGivesNoFinding(@TempDir Path tmp) {
      Scenario sc = copyRealGo(Scenario.ubuntu(tmp), "/usr/local/go", realGoVersion())
          .append(PROFILE, "export PATH=$PATH:/usr/local/go/bin\n")
          .env("PATH", Scenario.DEFAULT_PATH + ":/usr/local/go/bin");
      Snapshot s = sc.snapshot();
      for (Rule r : WhichGoRules.all()) {
        assertEquals(List.of(), run(r, s), r.info().slug());
      }
    }

    @Test
    void goenvSetUpInProfileGivesNoFinding(@TempDir Path tmp) {
      String shim = "#!/usr/bin/env bash\nset -e\n[ -n \"$GOENV_DEBUG\" ] && set -x\n\nprogram=\"${0##*/}\"\n\n"
          + "export GOENV_ROOT=\"/home/u/.goenv\"\nexec \"/home/u/.goenv/libexec/goenv\" exec \"$program\" \"$@\"\n";
      Scenario sc = Scenario.ubuntu(tmp)
          .executable(HOME + "/.goenv/bin/goenv", "#!/usr/bin/env bash\n".getBytes(StandardCharsets.UTF_8))
          .executable(HOME + "/.goenv/shims/go", shim.getBytes(StandardCharsets.UTF_8))
          .goRoot(HOME + "/.goenv/versions/1.22.5", "go1.22.5").file(HOME + "/.goenv/version", "1.22.5\n")
          .append(PROFILE, "export GOENV_ROOT=\"$HOME/.goenv\"\nexport PATH=\"$GOENV_ROOT/bin:$PATH\"\neval \"$(goenv init -)\"\n");
      Snapshot first = sc.snapshot();
      Layer login = first.layer(LayerId.LOGIN).orElseThrow();
      assertTrue(login.go().isPresent() && login.go().get().realPath().equals(HOME + "/.goenv/versions/1.22.5/bin/go"),
          () -> "the login shell runs goenv's go: " + login.go());
      // The desktop session started the editor from that login shell.
      login.environment().forEach((k, v) -> {
        if (k.equals("PATH") || k.startsWith("GO")) {
          sc.env(k, v);
        }
      });
      Snapshot s = sc.snapshot();
      for (Rule r : WhichGoRules.all()) {
        assertEquals(List.of(), run(r, s), r.info().slug());
      }
    }

    @Test
    void hostileValuesNeverBreakARule(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2")
          .append(PROFILE, "export GOROOT=relative/go\nexport GOPATH=\nexport PATH=\"~/bin::.:$PATH\"\n")
          .append(BASHRC, "export GOROOT='/snap/go/'\nexport GOFLAGS=\"$(cat /etc/passwd)\"\n")
          .file(ENV_FILE, "GOROOT=\r\nGOPATH=/usr/lib/go-1.22\r\nlowercase=ignored\n=\nGOFLAGS\n")
          .file(SETTINGS, "{ \"go.goroot\": 42, \"go.toolsEnvVars\": { \"PATH\": null, \"GOROOT\": \"~\" },\n"
              + "  \"go.alternateTools\": { \"go\": \"../../bin/go\" }, // trailing\n}\n")
          .symlink("/usr/local/bin/go", "go").symlink(HOME + "/bin/go", "/proc/self/exe").dir(HOME + "/bin")
          .file("/usr/local/go/VERSION", "\u0000\u0001 not a version\n")
          .env("PATH", "::relative:" + Scenario.DEFAULT_PATH).env("GOROOT", "/\u0000weird").env("GOENV", "relative/env");
      Snapshot s = sc.snapshot();
      for (Rule r : WhichGoRules.all()) {
        run(r, s); // must not throw; what it finds in this mess is not the point here
      }
      assertTrue(RuleCatalogue.check(s, Set.of()).failures().isEmpty(), () -> RuleCatalogue.check(s, Set.of()).failures().toString());
    }

    @Test
    void noGoAnywhereIsNotThisGroupsBusiness(@TempDir Path tmp) {
      Snapshot s = Scenario.ubuntu(tmp).snapshot();
      for (Rule r : WhichGoRules.all()) {
        assertEquals(List.of(), run(r, s), r.info().slug());
      }
    }

    @Test
    void unavailableLayersNeverFireARule(@TempDir Path tmp) {
      Snapshot broken = Scenario.ubuntu(tmp).goRoot("/opt/go", "go1.22.5").aptGo("1.18", "go1.18.1")
          .append(BASHRC, "export PATH=/opt/go/bin:$PATH\nexport GOROOT=/nowhere\n").snapshot();
      List<Layer> unknown = broken.layers().stream().map(l -> Layer.unavailable(l.id(), "not learned in this test")).toList();
      Snapshot s = withLayers(broken, unknown);
      for (Rule r : WhichGoRules.all()) {
        assertEquals(List.of(), run(r, s), r.info().slug());
      }
    }

    @Test
    void anEmptyMachineDoesNotBreakAnyRule(@TempDir Path tmp) {
      Snapshot s = Scenario.empty(tmp).snapshot();
      for (Rule r : WhichGoRules.all()) {
        assertEquals(List.of(), run(r, s), r.info().slug());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The real machine: real bash started as the desktop session and as a terminal, the real apt Go. */
  @Nested
  class RealShells {
    @TempDir Path home;

    private Snapshot take(String path, boolean execAllowed) {
      Map<String, String> env = Map.of("HOME", home.toString(), "USER", "u", "SHELL", "/bin/bash", "LANG", "C.UTF-8", "PATH", path);
      return SnapshotBuilder.withDaemonThreads(execAllowed ? new ProcessExecutor() : new RefusingExecutor()).build(new SnapshotRequest(
          Root.system(), env, LayerSource.ENV_FILE, List.of(home.resolve("proj").toString()), execAllowed, false, Duration.ofSeconds(10)));
    }

    @Test
    void theTerminalRunsANewerGoThanTheDesktopSessionUntilTheLineMoves() throws IOException {
      TestTools.systemFile(REAL_GO);
      TestTools.systemFile("/bin/bash");
      String sdk = home.resolve("sdk/go1.22.5").toString();
      Files.createDirectories(home.resolve("sdk/go1.22.5/bin"));
      Files.createDirectories(home.resolve("sdk/go1.22.5/pkg/tool/linux_amd64"));
      Files.createDirectories(home.resolve("sdk/go1.22.5/src/runtime"));
      Files.write(home.resolve("sdk/go1.22.5/bin/go"), FixtureGo.image("go1.22.5"));
      Files.setPosixFilePermissions(home.resolve("sdk/go1.22.5/bin/go"), PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(home.resolve("sdk/go1.22.5/VERSION"), "go1.22.5\n");
      Files.createDirectories(home.resolve("proj"));
      Files.writeString(home.resolve("proj/go.mod"), "module example.com/proj\n\ngo 1.22\n");
      Files.copy(TestTools.systemFile("/etc/skel/.profile"), home.resolve(".profile"));
      String export = "export PATH=\"$HOME/sdk/go1.22.5/bin:$PATH\"";
      Files.writeString(home.resolve(".bashrc"), Files.readString(TestTools.systemFile("/etc/skel/.bashrc")) + export + "\n");
      String sessionPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

      Snapshot before = take(sessionPath, true);
      assertEquals(LayerSource.SHELL, before.layer(LayerId.TERMINAL).orElseThrow().source(), "the real bash ran");
      Rule rule = new GoDiffersBetweenLayersRule();
      Finding f = only(rule, before);
      String bashrc = home.resolve(".bashrc").toString();
      int line = Files.readAllLines(home.resolve(".bashrc")).indexOf(export);
      assertAt(f, bashrc, line);
      assertSays(f, "The editor and your login shell run " + REAL_GO + " (" + realGoVersion() + ")",
          "your terminal runs " + sdk + "/bin/go (go1.22.5)", "~/.bashrc:" + (line + 1), "interactive-only guard");
      Fix move = fix(f, "Move");
      assertTrue(move.preferred());

      FixApplier.apply(Root.system(), move);
      assertFalse(Files.readString(home.resolve(".bashrc")).contains(export));
      Snapshot moved = take(sessionPath, true);
      Layer login = moved.layer(LayerId.LOGIN).orElseThrow();
      assertEquals(sdk + "/bin/go", login.go().orElseThrow().realPath(), "the real login shell now has the line");
      // Logging in again gives the editor the session's PATH; nothing runs the fixture go.
      Snapshot relogged = take(login.environment().get("PATH"), false);
      assertEquals(List.of(), run(rule, relogged));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class GoMissingInEditor {
    private final Rule rule = new GoMissingInEditorRule();

    private Scenario optGoFromBashrc(Path tmp) {
      return Scenario.ubuntu(tmp).goRoot("/opt/go", "go1.22.5").append(BASHRC, "export PATH=$PATH:/opt/go/bin\n");
    }

    @Test
    void firesWhenOnlyTheTerminalFindsGoAndNamesTheLineBelowTheGuard(@TempDir Path tmp) {
      Scenario sc = optGoFromBashrc(tmp);
      Finding f = only(rule, sc.snapshot());
      int line = lineOf(sc, BASHRC, "export PATH=$PATH:/opt/go/bin");
      assertEquals(Severity.ERROR, f.severity());
      assertAt(f, BASHRC, line);
      assertEvidence(f, BASHRC, line);
      assertEvidence(f, BASHRC, lineOf(sc, BASHRC, "case $- in"));
      assertSays(f, "The editor, the VS Code Go extension and gopls find no go", "your terminal runs /opt/go/bin/go (go1.22.5)",
          "~/.bashrc:" + (line + 1), "interactive-only guard", "set go.goroot to /opt/go (go1.22.5)", "log out and back in");
      Fix goroot = fix(f, "go.goroot");
      assertTrue(goroot.preferred());
      assertTrue(goroot.title().contains("/opt/go (go1.22.5)"));
      Fix move = fix(f, "Move");
      assertFalse(move.preferred());
      assertTrue(move.title().contains("log out and back in"));
    }

    @Test
    void theGorootFixMakesTheExtensionAndGoplsFindGo(@TempDir Path tmp) throws IOException {
      Scenario sc = optGoFromBashrc(tmp);
      Snapshot before = sc.snapshot();
      Fix goroot = fix(only(rule, before), "go.goroot");
      Snapshot after = applyAndReread(sc, goroot, false);
      assertTrue(Files.readString(sc.host(SETTINGS)).contains("\"go.goroot\": \"/opt/go\""));
      assertFixed(rule, before, after);
    }

    @Test
    void theMoveFixGivesTheEditorGoAfterLoggingInAgain(@TempDir Path tmp) throws IOException {
      Scenario sc = optGoFromBashrc(tmp);
      Snapshot before = sc.snapshot();
      Snapshot after = applyAndReread(sc, fix(only(rule, before), "Move"), true);
      assertFalse(Files.readString(sc.host(BASHRC)).contains("/opt/go/bin"));
      assertTrue(Files.readString(sc.host(PROFILE)).endsWith("export PATH=$PATH:/opt/go/bin\n"));
      assertTrue(after.layer(LayerId.EDITOR).orElseThrow().go().isPresent());
      assertFixed(rule, before, after);
    }

    @Test
    void forZshTheLineInZshrcMovesToZprofile(@TempDir Path tmp) throws IOException {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/opt/go", "go1.22.5").env("SHELL", "/usr/bin/zsh")
          .file(HOME + "/.zshrc", "export PATH=$PATH:/opt/go/bin\n");
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      assertAt(f, HOME + "/.zshrc", 0);
      assertSays(f, "in ~/.zshrc, which a login shell (what the desktop session builds) does not read", "~/.zprofile");
      Fix move = fix(f, "Move ~/.zshrc:1 to ~/.zprofile");
      Snapshot after = applyAndReread(sc, move, true);
      assertTrue(Files.readString(sc.host(HOME + "/.zprofile")).contains("export PATH=$PATH:/opt/go/bin\n"));
      assertFixed(rule, before, after);
    }

    @Test
    void aLineThatNeedsOtherVariablesIsNotMoved(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/opt/go", "go1.22.5")
          .append(BASHRC, "export GOROOT=/opt/go\nexport PATH=$PATH:$GOROOT/bin\n");
      Finding f = only(rule, sc.snapshot());
      assertTrue(f.fixes().stream().noneMatch(x -> x.title().contains("Move")), "moving only the PATH line would lose $GOROOT");
      assertTrue(fix(f, "go.goroot").preferred());
    }

    @Test
    void aLastLineWithoutALineEndIsNotMoved(@TempDir Path tmp) throws IOException {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/opt/go", "go1.22.5");
      sc.file(BASHRC, Files.readString(sc.host(BASHRC)) + "export PATH=$PATH:/opt/go/bin");
      Finding f = only(rule, sc.snapshot());
      assertTrue(f.fixes().stream().noneMatch(x -> x.title().contains("Move")), () -> "the move would not delete the line: " + f.fixes());
    }

    @Test
    void theGorootFixNamesTheNewestInstallThatMeetsTheGoLine(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp)
          .goRoot(HOME + "/sdk/go1.21.13", "go1.21.13").goRoot(HOME + "/sdk/go1.23.0", "go1.23.0")
          .goRoot(HOME + "/sdk/go1.22.5", "go1.22.5")
          .append(BASHRC, "export PATH=$PATH:$HOME/sdk/go1.21.13/bin\n");
      Finding f = only(rule, sc.snapshot());
      Fix goroot = fix(f, "go.goroot");
      assertTrue(goroot.preferred());
      assertEquals(HOME + "/proj/.vscode/settings.json", goroot.creations().get(0).file());
      assertTrue(goroot.creations().get(0).text().contains("\"go.goroot\": \"/home/u/sdk/go1.23.0\""), goroot.toString());
    }

    @Test
    void withNoInstallMeetingTheGoLineTheGorootFixIsNotPreferred(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/opt/go", "go1.21.13").append(BASHRC, "export PATH=$PATH:/opt/go/bin\n");
      Finding f = only(rule, sc.snapshot());
      assertFalse(fix(f, "go.goroot").preferred());
      assertTrue(fix(f, "Move").preferred());
    }

    @Test
    void onlyAWarningWhenTheExtensionStillFindsGoInItsDefaultPlace(@TempDir Path tmp) throws IOException {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").append(BASHRC, "export PATH=$PATH:/usr/local/go/bin\n");
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      assertEquals(Severity.WARNING, f.severity());
      assertSays(f, "The editor finds no go", "still finds /usr/local/go/bin/go", "tasks");
      assertTrue(f.fixes().stream().noneMatch(x -> x.title().contains("go.goroot")), "go.goroot cannot change the editor's own PATH");
      assertFixed(rule, before, applyAndReread(sc, fix(f, "Move"), true));
    }

    @Test
    void aSessionOlderThanTheProfileIsToldToLogInAgain(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/opt/go", "go1.22.5").append(PROFILE, "export PATH=$PATH:/opt/go/bin\n");
      Finding f = only(rule, sc.snapshot());
      assertSays(f, "log out and back in", "~/.profile:" + (lineOf(sc, PROFILE, "export PATH=$PATH:/opt/go/bin") + 1));
      assertTrue(f.fixes().stream().noneMatch(x -> x.title().contains("Move")), "the line is already where the session reads it");
    }

    @Test
    void quietWhenTheEditorHasTheSameGo(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/opt/go", "go1.22.5").append(PROFILE, "export PATH=$PATH:/opt/go/bin\n")
          .env("PATH", Scenario.DEFAULT_PATH + ":/opt/go/bin");
      assertEquals(List.of(), run(rule, sc.snapshot()));
    }

    @Test
    void quietWhenGoGorootPointsTheExtensionAtGo(@TempDir Path tmp) {
      Scenario sc = optGoFromBashrc(tmp).file(SETTINGS, "{\n  \"go.goroot\": \"/opt/go\"\n}\n");
      assertEquals(List.of(), run(rule, sc.snapshot()));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class GoDiffersBetweenLayers {
    private final Rule rule = new GoDiffersBetweenLayersRule();

    private Scenario tarballOnlyInTerminal(Path tmp) {
      return Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1").goRoot("/usr/local/go", "go1.22.5")
          .append(BASHRC, "export PATH=/usr/local/go/bin:$PATH\n");
    }

    @Test
    void oneFindingForTheTerminalAgainstTheEditorAndLoginShellWithTheLineThatMakesTheDifference(@TempDir Path tmp) {
      Scenario sc = tarballOnlyInTerminal(tmp);
      Finding f = only(rule, sc.snapshot());
      int line = lineOf(sc, BASHRC, "export PATH=/usr/local/go/bin:$PATH");
      assertEquals(Severity.WARNING, f.severity());
      assertAt(f, BASHRC, line);
      assertEvidence(f, BASHRC, line);
      assertEvidence(f, BASHRC, lineOf(sc, BASHRC, "case $- in"));
      assertSays(f, "The editor and your login shell run /usr/lib/go-1.18/bin/go (go1.18.1)",
          "your terminal runs /usr/local/go/bin/go (go1.22.5)", "~/.bashrc:" + (line + 1), "interactive-only guard");
      assertTrue(fix(f, "Move").preferred(), "go1.22.5 meets go.mod's go 1.22 and go1.18.1 does not");
    }

    @Test
    void movingTheLineMakesEveryLayerRunTheSameGo(@TempDir Path tmp) throws IOException {
      Scenario sc = tarballOnlyInTerminal(tmp);
      Snapshot before = sc.snapshot();
      Snapshot after = applyAndReread(sc, fix(only(rule, before), "Move"), true);
      assertEquals("/usr/local/go/bin/go", after.layer(LayerId.EDITOR).orElseThrow().go().orElseThrow().realPath());
      assertFixed(rule, before, after);
    }

    @Test
    void threeDifferentGosGiveTwoFindings(@TempDir Path tmp) {
      Scenario sc = tarballOnlyInTerminal(tmp).goRoot("/opt/go", "go1.21.13").env("PATH", "/opt/go/bin:" + Scenario.DEFAULT_PATH);
      List<Finding> found = run(rule, sc.snapshot());
      assertEquals(2, found.size(), () -> describe(found));
      assertSays(found.get(0), "The editor runs /opt/go/bin/go (go1.21.13)", "your login shell runs /usr/lib/go-1.18/bin/go",
          "The editor's PATH has /opt/go/bin, and your login shell's does not");
      // The editor's extra entry has no known origin: the finding sits on go.mod's go line, not on /etc/environment.
      assertAt(found.get(0), HOME + "/proj/go.mod", 2);
      assertEvidence(found.get(0), "/etc/environment", 0);
      assertSays(found.get(1), "The editor runs /opt/go/bin/go (go1.21.13)", "your terminal runs /usr/local/go/bin/go");
    }

    @Test
    void theSameVersionFromAnotherDirectoryIsOnlyInfo(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").goRoot("/opt/go", "go1.22.5")
          .append(PROFILE, "export PATH=/usr/local/go/bin:$PATH\n").env("PATH", "/opt/go/bin:" + Scenario.DEFAULT_PATH);
      Finding f = only(rule, sc.snapshot());
      assertEquals(Severity.INFO, f.severity());
      assertTrue(f.fixes().isEmpty());
      assertSays(f, "Both are go1.22.5");
    }

    @Test
    void quietWhenEveryLayerRunsTheSameGo(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1").goRoot("/usr/local/go", "go1.22.5")
          .append(PROFILE, "export PATH=/usr/local/go/bin:$PATH\n").env("PATH", "/usr/local/go/bin:" + Scenario.DEFAULT_PATH);
      assertEquals(List.of(), run(rule, sc.snapshot()));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class GoplsGoDiffers {
    private final Rule rule = new GoplsGoDiffersRule();

    private Scenario twoGos(Path tmp) {
      return Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1").goRoot("/usr/local/go", "go1.22.5");
    }

    @Test
    void toolsEnvVarsPathMakesGoplsRunAnotherGo(@TempDir Path tmp) throws IOException {
      String settings = "{\n  \"go.goroot\": \"/usr/local/go\",\n  \"go.toolsEnvVars\": {\n    \"PATH\": \"/usr/lib/go-1.18/bin:/usr/bin:/bin\"\n  }\n}\n";
      Scenario sc = twoGos(tmp).file(SETTINGS, settings);
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      assertEquals(Severity.WARNING, f.severity());
      assertAt(f, SETTINGS, 3);
      assertEvidence(f, SETTINGS, 3);
      assertEvidence(f, SETTINGS, 1);
      assertSays(f, "The VS Code Go extension runs /usr/local/go/bin/go (go1.22.5), found through go.goroot (/usr/local/go),"
          + " set at ~/proj/.vscode/settings.json:2", "gopls runs /usr/lib/go-1.18/bin/go (go1.18.1)",
          "go.toolsEnvVars.PATH", "~/proj/.vscode/settings.json:4");
      Fix remove = fix(f, "Remove PATH from go.toolsEnvVars");
      assertTrue(remove.preferred());
      Snapshot after = applyAndReread(sc, remove, false);
      assertFalse(Files.readString(sc.host(SETTINGS)).contains("PATH"));
      assertTrue(Files.readString(sc.host(SETTINGS)).contains("\"go.goroot\": \"/usr/local/go\""));
      assertFixed(rule, before, after);
    }

    @Test
    void activateEnvironmentFalseLeavesGoplsOnThePathGo(@TempDir Path tmp) throws IOException {
      String settings = "{\n  \"go.alternateTools\": { \"go\": \"/usr/local/go/bin/go\" },\n  \"go.terminal.activateEnvironment\": false\n}\n";
      Scenario sc = twoGos(tmp).file(SETTINGS, settings);
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      assertAt(f, SETTINGS, 2);
      assertSays(f, "go.terminal.activateEnvironment is false", "gopls runs /usr/lib/go-1.18/bin/go (go1.18.1)");
      assertFixed(rule, before, applyAndReread(sc, fix(f, "activateEnvironment"), false));
    }

    @Test
    void quietWithGoGorootAlone(@TempDir Path tmp) {
      Scenario sc = twoGos(tmp).file(SETTINGS, "{\n  \"go.goroot\": \"/usr/local/go\"\n}\n");
      assertEquals(List.of(), run(rule, sc.snapshot()));
    }

    @Test
    void quietWhenTheLanguageServerIsOff(@TempDir Path tmp) {
      Scenario sc = twoGos(tmp).file(SETTINGS, "{\n  \"go.goroot\": \"/usr/local/go\",\n  \"go.useLanguageServer\": false,\n"
          + "  \"go.toolsEnvVars\": { \"PATH\": \"/usr/lib/go-1.18/bin:/usr/bin:/bin\" }\n}\n");
      assertEquals(List.of(), run(rule, sc.snapshot()));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class GorootMismatch {
    private final Rule rule = new GorootMismatchRule();

    private Scenario oldGorootExport(Path tmp, String target) {
      return Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").goRoot("/usr/local/go", "go1.20.14")
          .append(PROFILE, "export GOROOT=" + target + "\n");
    }

    @Test
    void anOldGorootExportGivesTheCompilersOwnError(@TempDir Path tmp) throws IOException {
      Scenario sc = oldGorootExport(tmp, "/usr/local/go");
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      int line = lineOf(sc, PROFILE, "export GOROOT=/usr/local/go");
      assertEquals(Severity.ERROR, f.severity());
      assertAt(f, PROFILE, line);
      assertEvidence(f, PROFILE, line);
      assertEvidence(f, "/usr/local/go/VERSION", 0);
      assertSays(f, "Your login shell and your terminal run /usr/lib/go-1.22/bin/go (go1.22.2) with GOROOT=/usr/local/go (go1.20.14)",
          "compile: version \"go1.20.14\" does not match go tool version \"go1.22.2\"", "log out and back in");
      Fix delete = fix(f, "Delete the GOROOT export");
      assertTrue(delete.preferred());
      Snapshot after = applyAndReread(sc, delete, false);
      assertFalse(Files.readString(sc.host(PROFILE)).contains("GOROOT"));
      assertFixed(rule, before, after);
    }

    @Test
    void aGorootSavedWithGoEnvWIsFixedWithGoEnvU(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").goRoot("/usr/local/go", "go1.20.14")
          .file(ENV_FILE, "GOROOT=/usr/local/go\n");
      List<Finding> found = run(rule, sc.snapshot());
      assertEquals(1, found.size(), () -> describe(found));
      Finding f = found.get(0);
      assertAt(f, ENV_FILE, 0);
      assertEquals(List.of("go env -u GOROOT"), f.commands());
      assertSays(f, "Go user env file", "go env -w");
    }

    @Test
    void goplsRunningAnotherGoThanGoGorootIsAMismatchWhoseCauseIsItsPath(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1").goRoot("/usr/local/go", "go1.22.5").file(SETTINGS,
          "{\n  \"go.goroot\": \"/usr/local/go\",\n  \"go.toolsEnvVars\": { \"PATH\": \"/usr/lib/go-1.18/bin:/usr/bin:/bin\" }\n}\n");
      Finding f = only(rule, sc.snapshot());
      assertAt(f, SETTINGS, 1);
      assertSays(f, "gopls runs /usr/lib/go-1.18/bin/go (go1.18.1) with GOROOT=/usr/local/go (go1.22.5) from go.goroot",
          "compile: version \"go1.22.5\" does not match go tool version \"go1.18.1\"", "gopls-go-differs");
      assertTrue(f.fixes().isEmpty(), "removing go.goroot would change the Go the user chose");
    }

    @Test
    void quietWhenGorootIsTheRootOfTheGoThatRuns(@TempDir Path tmp) {
      assertEquals(List.of(), run(rule, oldGorootExport(tmp, "/usr/lib/go-1.22").snapshot()));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class GorootInvalid {
    private final Rule rule = new GorootInvalidRule();

    @Test
    void aGorootNamingTheBinDirectoryIsNotAGoRootAndCanBeRepaired(@TempDir Path tmp) throws IOException {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
          .append(BASHRC, "export GOROOT=/usr/local/go/bin\nexport PATH=$PATH:/usr/local/go/bin\n")
          .env("PATH", Scenario.DEFAULT_PATH + ":/usr/local/go/bin");
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      int line = lineOf(sc, BASHRC, "export GOROOT=/usr/local/go/bin");
      assertEquals(Severity.ERROR, f.severity());
      assertAt(f, BASHRC, line);
      assertEvidence(f, BASHRC, line);
      assertSays(f, "Your terminal has GOROOT=/usr/local/go/bin", "not a Go root", "the Go root is /usr/local/go (go1.22.5)");
      Fix delete = fix(f, "Delete the GOROOT export");
      assertTrue(delete.preferred());
      assertFalse(fix(f, "Set GOROOT to /usr/local/go").preferred());
      assertFixed(rule, before, applyAndReread(sc, delete, false));
    }

    @Test
    void theParentFixAlsoRepairsIt(@TempDir Path tmp) throws IOException {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
          .append(BASHRC, "export GOROOT=/usr/local/go/bin\nexport PATH=$PATH:/usr/local/go/bin\n")
          .env("PATH", Scenario.DEFAULT_PATH + ":/usr/local/go/bin");
      Snapshot before = sc.snapshot();
      Snapshot after = applyAndReread(sc, fix(only(rule, before), "Set GOROOT to /usr/local/go"), false);
      assertTrue(Files.readString(sc.host(BASHRC)).contains("\nexport GOROOT=/usr/local/go\n"));
      assertFixed(rule, before, after);
    }

    @Test
    void aMissingGorootQuotesTheGoCommandsError(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").append(PROFILE, "export GOROOT=/usr/local/go1.19\n");
      Finding f = only(rule, sc.snapshot());
      assertAt(f, PROFILE, lineOf(sc, PROFILE, "export GOROOT=/usr/local/go1.19"));
      assertSays(f, "Your login shell and your terminal have GOROOT=/usr/local/go1.19", "go: cannot find GOROOT directory: /usr/local/go1.19");
    }

    @Test
    void anExportThatOtherLinesUseIsNotDeletedBlindly(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2")
          .append(PROFILE, "export GOROOT=/usr/local/go1.19\nexport PATH=$PATH:$GOROOT/bin\n");
      Finding f = only(rule, sc.snapshot());
      assertTrue(f.fixes().isEmpty(), () -> "PATH uses $GOROOT: " + f.fixes());
    }

    @Test
    void aGorootInTheEnvFileIsRemovedWithGoEnvU(@TempDir Path tmp) throws IOException {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").file(ENV_FILE, "GOPROXY=direct\nGOROOT=/usr/local/go1.19\n");
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      assertAt(f, ENV_FILE, 1);
      assertEquals(List.of("go env -u GOROOT"), f.commands());
      Snapshot after = applyAndReread(sc, fix(f, "Delete GOROOT"), false);
      assertEquals("GOPROXY=direct\n", Files.readString(sc.host(ENV_FILE)));
      assertFixed(rule, before, after);
    }

    @Test
    void deletingTheLastLineOfAFileWithoutALineEndKeepsTheRest(@TempDir Path tmp) throws IOException {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").file(ENV_FILE, "GOPROXY=direct\nGOROOT=/usr/local/go1.19");
      Snapshot before = sc.snapshot();
      Snapshot after = applyAndReread(sc, fix(only(rule, before), "Delete GOROOT"), false);
      assertEquals("GOPROXY=direct", Files.readString(sc.host(ENV_FILE)));
      assertFixed(rule, before, after);
    }

    @Test
    void quietForAValidGoroot(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").append(PROFILE, "export GOROOT=/usr/lib/go-1.22\n");
      assertEquals(List.of(), run(rule, sc.snapshot()));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class GorootEqualsGopath {
    private final Rule rule = new GorootEqualsGopathRule();

    @Test
    void goInHomeGoWithGopathSetThereTooQuotesGosWarning(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot(HOME + "/go", "go1.22.5")
          .append(PROFILE, "export GOROOT=$HOME/go\nexport GOPATH=$HOME/go\nexport PATH=$GOROOT/bin:$PATH\n");
      Finding f = only(rule, sc.snapshot());
      int gorootLine = lineOf(sc, PROFILE, "export GOROOT=$HOME/go");
      assertEquals(Severity.WARNING, f.severity());
      assertAt(f, PROFILE, gorootLine);
      assertEvidence(f, PROFILE, gorootLine);
      assertEvidence(f, PROFILE, gorootLine + 1);
      assertSays(f, "GOROOT=/home/u/go", "GOPATH=/home/u/go", "warning: GOPATH set to GOROOT (/home/u/go) has no effect",
          "move the Go installation out of ~/go");
    }

    @Test
    void goInHomeGoWithoutGopathLosesTheModuleCache(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot(HOME + "/go", "go1.22.5").append(PROFILE, "export PATH=$HOME/go/bin:$PATH\n")
          .env("PATH", HOME + "/go/bin:" + Scenario.DEFAULT_PATH);
      Finding f = only(rule, sc.snapshot());
      assertSays(f, "The editor, your login shell, your terminal, the VS Code Go extension and gopls have GOROOT=/home/u/go",
          "go: module cache not found: neither GOMODCACHE nor GOPATH is set");
    }

    @Test
    void aGopathSetToTheGoRootIsDeleted(@TempDir Path tmp) throws IOException {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
          .append(PROFILE, "export PATH=$PATH:/usr/local/go/bin\nexport GOPATH=/usr/local/go\n")
          .env("PATH", Scenario.DEFAULT_PATH + ":/usr/local/go/bin");
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      assertAt(f, PROFILE, lineOf(sc, PROFILE, "export GOPATH=/usr/local/go"));
      assertFixed(rule, before, applyAndReread(sc, fix(f, "Delete the GOPATH export"), false));
    }

    @Test
    void quietForSeparateRootAndGopath(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
          .append(PROFILE, "export PATH=$PATH:/usr/local/go/bin\nexport GOPATH=$HOME/go\n")
          .env("PATH", Scenario.DEFAULT_PATH + ":/usr/local/go/bin");
      assertEquals(List.of(), run(rule, sc.snapshot()));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class GorootPinnedSnapRevision {
    private final Rule rule = new GorootPinnedSnapRevisionRule();

    private Scenario snapGo(Path tmp) {
      return Scenario.ubuntu(tmp).goRoot("/snap/go/10585", "go1.22.5").symlink("/snap/go/current", "10585")
          .goTool("/usr/bin/snap", "go1.21.9", "github.com/snapcore/snapd/cmd/snap").symlink("/snap/bin/go", "/usr/bin/snap");
    }

    @Test
    void aRevisionInTheProfileIsReplacedByCurrent(@TempDir Path tmp) throws IOException {
      Scenario sc = snapGo(tmp).append(PROFILE, "export GOROOT=/snap/go/10585\nexport PATH=$GOROOT/bin:$PATH\n");
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      int line = lineOf(sc, PROFILE, "export GOROOT=/snap/go/10585");
      assertEquals(Severity.WARNING, f.severity());
      assertAt(f, PROFILE, line);
      assertEvidence(f, PROFILE, line);
      assertSays(f, "GOROOT=/snap/go/10585", "/snap/go/current is 10585 today", "snap refresh --hold=forever go");
      Fix current = fix(f, "Use /snap/go/current");
      assertTrue(current.preferred(), "the export cannot be deleted: the next line uses $GOROOT");
      Snapshot after = applyAndReread(sc, current, false);
      assertTrue(Files.readString(sc.host(PROFILE)).contains("export GOROOT=/snap/go/current\n"));
      assertFixed(rule, before, after);
    }

    @Test
    void aRevisionInGoGorootIsReplacedInTheSettingsFile(@TempDir Path tmp) throws IOException {
      Scenario sc = snapGo(tmp).symlink("/snap/go/current", "10600").goRoot("/snap/go/10600", "go1.23.1")
          .file(SETTINGS, "{\n  // pinned by hand\n  \"go.goroot\": \"/snap/go/10585\"\n}\n");
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      assertAt(f, SETTINGS, 2);
      assertSays(f, "/snap/go/current is already 10600");
      Snapshot after = applyAndReread(sc, fix(f, "Set go.goroot to /snap/go/current"), false);
      assertTrue(Files.readString(sc.host(SETTINGS)).contains("// pinned by hand"));
      assertFixed(rule, before, after);
    }

    @Test
    void quietForCurrent(@TempDir Path tmp) {
      assertEquals(List.of(), run(rule, snapGo(tmp).append(PROFILE, "export GOROOT=/snap/go/current\n").snapshot()));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class GorootInGoEnvFile {
    private final Rule rule = new GorootInGoEnvFileRule();

    @Test
    void aSavedGorootIsReportedWithTheMismatchItCauses(@TempDir Path tmp) throws IOException {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").goRoot("/usr/local/go", "go1.21.6")
          .file(ENV_FILE, "GOPROXY=https://proxy.golang.org,direct\nGOROOT=/usr/local/go\n");
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      assertEquals(Severity.WARNING, f.severity());
      assertAt(f, ENV_FILE, 1);
      assertEvidence(f, ENV_FILE, 1);
      assertEquals(List.of("go env -u GOROOT"), f.commands());
      assertSays(f, "GOROOT=/usr/local/go is saved in the Go user env file (~/.config/go/env:2)",
          "The editor, your login shell, your terminal, the VS Code Go extension and gopls run /usr/lib/go-1.22/bin/go (go1.22.2),"
              + " whose own root is /usr/lib/go-1.22; builds there fail with compile: version \"go1.21.6\" does not match go tool version \"go1.22.2\".");
      assertEquals(1, f.message().split("does not match").length - 1, "one sentence per go, not per layer");
      Snapshot after = applyAndReread(sc, fix(f, "Delete GOROOT"), false);
      assertEquals("GOPROXY=https://proxy.golang.org,direct\n", Files.readString(sc.host(ENV_FILE)));
      assertFixed(rule, before, after);
    }

    @Test
    void gorootOffTurnsTheFileOff(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").file(ENV_FILE, "GOROOT=/usr/lib/go-1.22\n")
          .env("GOENV", "off");
      assertEquals(List.of(), run(rule, withLayers(sc.snapshot(),
          sc.snapshot().layers().stream().filter(l -> l.id() != LayerId.LOGIN && l.id() != LayerId.TERMINAL).toList())));
    }

    @Test
    void quietWithoutGoroot(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").file(ENV_FILE, "GOPROXY=direct\n");
      assertEquals(List.of(), run(rule, sc.snapshot()));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class GoEnvFileShadowed {
    private final Rule rule = new GoEnvFileShadowedRule();

    @Test
    void anExportBelowTheGuardShadowsTheSavedValueInTheTerminal(@TempDir Path tmp) throws IOException {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2")
          .file(ENV_FILE, "GOPROXY=https://goproxy.example.com,direct\n").append(BASHRC, "export GOPROXY=direct\n");
      Snapshot before = sc.snapshot();
      Finding f = only(rule, before);
      int line = lineOf(sc, BASHRC, "export GOPROXY=direct");
      assertEquals(Severity.WARNING, f.severity());
      assertAt(f, BASHRC, line);
      assertEvidence(f, BASHRC, line);
      assertEvidence(f, ENV_FILE, 0);
      assertSays(f, "GOPROXY=https://goproxy.example.com,direct is saved in ~/.config/go/env:1",
          "your terminal has GOPROXY=direct", "The editor, your login shell, the VS Code Go extension and gopls use the saved value");
      assertEquals(List.of("go env -u GOPROXY"), f.commands());
      Fix delete = fix(f, "Delete the GOPROXY export");
      assertFalse(delete.preferred(), "which of the two values is wanted is the user's choice");
      assertFixed(rule, before, applyAndReread(sc, delete, false));
    }

    @Test
    void toolsEnvVarsShadowsTheFileForTheTools(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").file(ENV_FILE, "GOFLAGS=-mod=mod\n")
          .file(SETTINGS, "{\n  \"go.toolsEnvVars\": {\n    \"GOFLAGS\": \"-tags=integration\"\n  }\n}\n");
      Finding f = only(rule, sc.snapshot());
      assertAt(f, SETTINGS, 2);
      assertSays(f, "go.toolsEnvVars sets GOFLAGS=-tags=integration", "the VS Code Go extension and gopls");
      assertTrue(fix(f, "Remove go.toolsEnvVars > GOFLAGS").files().contains(SETTINGS));
    }

    @Test
    void quietWhenTheExportSaysTheSame(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").file(ENV_FILE, "GOPROXY=direct\n").append(BASHRC, "export GOPROXY=direct\n");
      assertEquals(List.of(), run(rule, sc.snapshot()));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class MixedGoroot {
    private final Rule rule = new MixedGorootRule();

    @Test
    void aBinaryOfAnotherReleaseInTheTreeIsAMixedTree(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5")
          .executable("/usr/local/go/bin/go", FixtureGo.image("go1.21.6"))
          .append(PROFILE, "export PATH=$PATH:/usr/local/go/bin\n").env("PATH", Scenario.DEFAULT_PATH + ":/usr/local/go/bin");
      Finding f = only(rule, sc.snapshot());
      assertEquals(Severity.ERROR, f.severity());
      assertAt(f, "/usr/local/go/VERSION", 0);
      assertEvidence(f, "/usr/local/go/VERSION", 0);
      assertSays(f, "/usr/local/go/VERSION says go1.22.5", "/usr/local/go/bin/go was built as go1.21.6", "mixes two releases",
          "The editor, your login shell, your terminal, the VS Code Go extension and gopls run this go");
      assertEquals(List.of("sudo rm -rf /usr/local/go && sudo tar -C /usr/local -xzf go1.22.5.linux-amd64.tar.gz"), f.commands());
    }

    @Test
    void theRealAptGoBinaryUnderAnotherVersionFileIsAMixedTree(@TempDir Path tmp) {
      Scenario sc = copyRealGo(Scenario.ubuntu(tmp), "/usr/local/go", "go1.22.5");
      Finding f = only(rule, sc.snapshot());
      assertSays(f, "/usr/local/go/VERSION says go1.22.5", "/usr/local/go/bin/go was built as " + realGoVersion());
    }

    @Test
    void anAptTreeIsReinstalledWithApt(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").executable("/usr/lib/go-1.22/bin/go", FixtureGo.image("go1.22.1"));
      Finding f = only(rule, sc.snapshot());
      assertEquals(List.of("sudo apt install --reinstall golang-1.22-go"), f.commands());
    }

    @Test
    void quietWhenVersionAndBinaryAgree(@TempDir Path tmp) {
      assertEquals(List.of(), run(rule, Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").aptGo("1.18", "go1.18.1").snapshot()));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class GoWrongArch {
    private final Rule rule = new GoWrongArchRule();

    @Test
    void anAmd64GoOnAnArm64MachineCannotRun(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").file("/proc/sys/kernel/arch", "aarch64\n");
      Finding f = only(rule, sc.snapshot());
      assertEquals(Severity.ERROR, f.severity());
      assertAt(f, HOME + "/proj/go.mod", 0);
      assertEvidence(f, "/etc/environment", 0);
      assertSays(f, "run /usr/lib/go-1.22/bin/go, an ELF binary for amd64; this machine is arm64 (aarch64)",
          "Exec format error", "linux-arm64 release");
    }

    /** A fixture go whose ELF header names another machine (e_machine is the 16-bit field at offset 18). */
    private byte[] goFor(int elfMachine) {
      byte[] image = FixtureGo.image("go1.22.5");
      image[18] = (byte) (elfMachine & 0xff);
      image[19] = (byte) (elfMachine >> 8);
      return image;
    }

    @Test
    void anArm64TarballOnAnAmd64MachineIsReportedForTheLayersThatRunIt(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").executable("/usr/local/go/bin/go", goFor(183))
          .append(PROFILE, "export PATH=$PATH:/usr/local/go/bin\n");
      Finding f = only(rule, sc.snapshot());
      assertEquals(Severity.ERROR, f.severity());
      assertEvidence(f, PROFILE, lineOf(sc, PROFILE, "export PATH=$PATH:/usr/local/go/bin"));
      assertSays(f, "Your login shell, your terminal, the VS Code Go extension and gopls run /usr/local/go/bin/go, an ELF binary for arm64;"
          + " this machine is amd64 (x86_64)",
          "install the linux-amd64 release");
    }

    @Test
    void a386GoOnAnAmd64MachineIsOnlyAWarning(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").executable("/usr/local/go/bin/go", goFor(3))
          .append(PROFILE, "export PATH=$PATH:/usr/local/go/bin\n");
      Finding f = only(rule, sc.snapshot());
      assertEquals(Severity.WARNING, f.severity());
      assertSays(f, "an ELF binary for 386", "32-bit support", "builds 386 programs by default");
    }

    @Test
    void theRealAptGoIsReadFromItsElfHeader(@TempDir Path tmp) {
      Scenario sc = copyRealGo(Scenario.ubuntu(tmp), "/usr/local/go", realGoVersion())
          .file("/proc/sys/kernel/arch", "riscv64\n").env("PATH", "/usr/local/go/bin:" + Scenario.DEFAULT_PATH);
      Finding f = only(rule, sc.snapshot());
      assertSays(f, "The editor, the VS Code Go extension and gopls run /usr/local/go/bin/go, an ELF binary for amd64; this machine is riscv64");
    }

    @Test
    void quietOnTheRightMachine(@TempDir Path tmp) {
      assertEquals(List.of(), run(rule, Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").snapshot()));
    }

    @Test
    void quietWhenTheHostArchitectureIsUnknown(@TempDir Path tmp) {
      assertEquals(List.of(), run(rule, Scenario.ubuntu(tmp).aptGo("1.22", "go1.22.2").file("/proc/sys/kernel/arch", "\n").snapshot()));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class GoBrokenLink {
    private final Rule rule = new GoBrokenLinkRule();

    @Test
    void aDanglingLinkBeforeTheWorkingGoIsReported(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1").symlink("/usr/local/bin/go", "/usr/local/go/bin/go");
      Finding f = only(rule, sc.snapshot());
      assertEquals(Severity.WARNING, f.severity());
      assertAt(f, HOME + "/proj/go.mod", 0);
      assertEvidence(f, "/etc/environment", 0);
      assertSays(f, "/usr/local/bin/go is a symlink to /usr/local/go/bin/go, which does not exist",
          "The editor, your login shell, your terminal, the VS Code Go extension and gopls skip it and run /usr/lib/go-1.18/bin/go (go1.18.1) instead");
      assertEquals(List.of("sudo rm /usr/local/bin/go"), f.commands());
    }

    @Test
    void aGoBinaryWithoutExecutePermissionIsReported(@TempDir Path tmp) throws IOException {
      Scenario sc = Scenario.ubuntu(tmp).goTool(HOME + "/bin/go", "go1.22.5", "cmd/go")
          .env("PATH", HOME + "/bin:" + Scenario.DEFAULT_PATH);
      Files.setPosixFilePermissions(sc.host(HOME + "/bin/go"), PosixFilePermissions.fromString("rw-r--r--"));
      List<Finding> found = run(rule, sc.snapshot());
      assertEquals(1, found.size(), () -> describe(found));
      Finding f = found.get(0);
      assertSays(f, "/home/u/bin/go is not executable", "lost its execute permission", "find no other go");
      assertEquals(List.of("chmod +x /home/u/bin/go"), f.commands());
      assertEvidence(f, PROFILE, lineOf(sc, PROFILE, "    PATH=\"$HOME/bin:$PATH\""));
    }

    @Test
    void quietForABrokenLinkBehindTheWorkingGo(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).aptGo("1.18", "go1.18.1").symlink("/usr/games/go", "/usr/local/go/bin/go");
      assertEquals(List.of(), run(rule, sc.snapshot()));
    }

    @Test
    void quietForAWorkingLink(@TempDir Path tmp) {
      Scenario sc = Scenario.ubuntu(tmp).goRoot("/usr/local/go", "go1.22.5").symlink("/usr/local/bin/go", "/usr/local/go/bin/go");
      assertEquals(List.of(), run(rule, sc.snapshot()));
    }
  }
}
