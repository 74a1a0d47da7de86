package dev.goenvdoctor.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.exec.CountingExecutor;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.probe.exec.RefusingExecutor;
import dev.goenvdoctor.testing.TestTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole snapshot on this machine, with real shells and the real apt Go: a HOME laid out like a fresh
 * Ubuntu account (Debian's /etc/skel files) with one export above the .bashrc guard and one below.
 */
class RealMachineSnapshotTest {
  @TempDir Path home;

  private Map<String, String> editorEnv(String shell) {
    return Map.of("HOME", home.toString(), "USER", "u", "SHELL", shell, "LANG", "C.UTF-8",
        "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  }

  private void ubuntuHome() throws Exception {
    Files.copy(TestTools.systemFile("/etc/skel/.profile"), home.resolve(".profile"));
    String bashrc = Files.readString(TestTools.systemFile("/etc/skel/.bashrc"));
    // One export above the interactive-only guard, one below it (where tutorials tell people to append).
    Files.writeString(home.resolve(".bashrc"), "export GOFLAGS=-mod=mod\nexport GITHUB_TOKEN=ghp_s3cr3t\n" + bashrc + "\nexport GOPROXY=off\n");
  }

  private Snapshot take(CountingExecutor executor, String shell, boolean execAllowed) {
    Path workspace = home.resolve("proj");
    try {
      Files.createDirectories(workspace);
      Files.writeString(workspace.resolve("go.mod"), "module example.com/proj\n\ngo 1.19\n");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return SnapshotBuilder.withDaemonThreads(executor).build(new SnapshotRequest(Root.system(), editorEnv(shell),
        LayerSource.ENV_FILE, List.of(workspace.toString()), execAllowed, false, Duration.ofSeconds(10)));
  }

  @Test
  void loginShellSeesOnlyTheExportAboveTheGuardAndTheTerminalSeesBoth() throws Exception {
    TestTools.systemFile("/usr/lib/go-1.19/bin/go");
    ubuntuHome();
    CountingExecutor executor = new CountingExecutor(new ProcessExecutor());
    Snapshot s = take(executor, "/bin/bash", true);

    Layer login = s.layer(LayerId.LOGIN).orElseThrow();
    Layer terminal = s.layer(LayerId.TERMINAL).orElseThrow();
    assertEquals(LayerSource.SHELL, login.source(), login.notes().toString());
    assertEquals("-mod=mod", login.environment().get("GOFLAGS"));
    assertFalse(login.environment().containsKey("GOPROXY"), "the export below the guard never reaches a login shell");
    assertEquals("off", terminal.environment().get("GOPROXY"));
    int bashrcLines = (int) Files.readString(home.resolve(".bashrc")).lines().count();
    assertEquals(home.resolve(".bashrc") + ":" + bashrcLines, terminal.origins().get("GOPROXY").display());
    assertEquals(home.resolve(".bashrc") + ":1", login.origins().get("GOFLAGS").display());
    // The shells saw the token; no report may carry it.
    assertEquals("ghp_s3cr3t", s.shellRuns().get(0).environment().get("GITHUB_TOKEN"));
    assertFalse(dev.goenvdoctor.report.JsonReport.render(s).contains("ghp_s3cr3t"), "a secret leaked into the JSON report");
    assertFalse(dev.goenvdoctor.report.TextReport.render(s).contains("ghp_s3cr3t"));

    // Every layer runs the apt Go, read from its build info; go env ran once for it.
    for (Layer layer : s.layers()) {
      assertEquals("/usr/lib/go-1.19/bin/go", layer.go().orElseThrow().realPath(), layer.id().id());
      assertTrue(layer.go().orElseThrow().version().orElseThrow().startsWith("go1.19"), layer.id().id());
    }
    assertEquals(3, executor.count(), "two shells and one go env: " + executor.requests());
    assertTrue(s.goEnv().get("/usr/lib/go-1.19/bin/go").succeeded());
    assertEquals("/usr/lib/go-1.19", s.goEnv().get("/usr/lib/go-1.19/bin/go").values().get("GOROOT"));
  }

  @Test
  void zshReadsZprofileForLoginAndZshrcOnlyForTheTerminal() throws Exception {
    TestTools.systemFile("/usr/bin/zsh");
    Files.createDirectories(home.resolve("go/bin"));
    Files.writeString(home.resolve(".zprofile"), "export GOPATH=$HOME/go\n");
    Files.writeString(home.resolve(".zshrc"), "export PATH=\"$HOME/go/bin:$PATH\"\n");
    Snapshot s = take(new CountingExecutor(new ProcessExecutor()), "/usr/bin/zsh", true);
    Layer login = s.layer(LayerId.LOGIN).orElseThrow();
    Layer terminal = s.layer(LayerId.TERMINAL).orElseThrow();
    String goBin = home.resolve("go/bin").toString();
    assertEquals(home.resolve("go").toString(), login.environment().get("GOPATH"));
    assertTrue(login.path().stream().noneMatch(e -> e.dir().equals(goBin)));
    PathEntry entry = terminal.path().stream().filter(e -> e.dir().equals(goBin)).findFirst().orElseThrow();
    assertEquals(home.resolve(".zshrc") + ":1", entry.origin().orElseThrow().display());
  }

  @Test
  void zeroExecRunsNothingAndFallsBackToTheStartupFiles() throws Exception {
    ubuntuHome();
    CountingExecutor executor = new CountingExecutor(new RefusingExecutor());
    Snapshot s = take(executor, "/bin/bash", false);
    assertEquals(0, executor.count(), executor.requests().toString());
    Layer login = s.layer(LayerId.LOGIN).orElseThrow();
    assertEquals(LayerSource.STATIC, login.source());
    assertFalse(login.environment().containsKey("GOPROXY"));
    assertEquals("off", s.layer(LayerId.TERMINAL).orElseThrow().environment().get("GOPROXY"));
    assertTrue(s.goEnv().values().stream().allMatch(r -> r.failure().orElse("").contains("--no-exec")));
  }
}
