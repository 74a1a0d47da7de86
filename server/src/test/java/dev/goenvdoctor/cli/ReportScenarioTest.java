package dev.goenvdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code report} on one scenario per install source and shape: which go each layer runs, and the file
 * and line that put it there, as a user reads them in the JSON report (the same data as the text).
 */
class ReportScenarioTest {

  private static JsonObject report(String scenario) throws Exception {
    CliRun run = CliRun.onScenario(scenario, "report", "--json");
    assertEquals(0, run.exitCode(), run.err());
    return run.json();
  }

  private static JsonObject layer(JsonObject report, String id) {
    for (JsonElement l : report.getAsJsonArray("layers")) {
      if (l.getAsJsonObject().get("id").getAsString().equals(id)) {
        return l.getAsJsonObject();
      }
    }
    throw new AssertionError("no layer " + id);
  }

  private static String go(JsonObject report, String layer, String field) {
    JsonElement go = layer(report, layer).get("go");
    return go.isJsonNull() || go.getAsJsonObject().get(field).isJsonNull() ? null : go.getAsJsonObject().get(field).getAsString();
  }

  private static JsonObject pathEntry(JsonObject report, String layer, String dir) {
    for (JsonElement e : layer(report, layer).getAsJsonArray("path")) {
      if (e.getAsJsonObject().get("dir").getAsString().equals(dir)) {
        return e.getAsJsonObject();
      }
    }
    return null;
  }

  private static String originOf(JsonObject entryOrVariable) {
    JsonObject location = entryOrVariable.getAsJsonObject("location");
    return location.get("file").getAsString() + ":" + (location.getAsJsonObject("range").get("startLine").getAsInt() + 1);
  }

  private static List<String> installKinds(JsonObject report) {
    return StreamSupport.stream(report.getAsJsonObject("installations").getAsJsonArray("installations").spliterator(), false)
        .map(i -> i.getAsJsonObject().get("goroot").getAsString() + "=" + i.getAsJsonObject().get("kind").getAsString())
        .toList();
  }

  @Test
  void ubuntuAptGoIsFirstOnPathAndTheTarballExportSitsBelowTheBashrcGuard() throws Exception {
    JsonObject r = report("ubuntu-apt-and-tarball-in-bashrc");
    assertEquals("/usr/bin/go", go(r, "editor", "command"));
    assertEquals("/usr/lib/go-1.18/bin/go", go(r, "editor", "realPath"));
    assertEquals("go1.18.1", go(r, "editor", "version"));
    assertEquals("build info", go(r, "editor", "basis"));
    assertEquals("/usr/lib/go-1.18", go(r, "editor", "goroot"));
    // The desktop session (login) never sees the export below the guard; the terminal does, from .bashrc:116.
    assertEquals(null, pathEntry(r, "login", "/usr/local/go/bin"));
    assertEquals("/home/u/.bashrc:116", originOf(pathEntry(r, "terminal", "/usr/local/go/bin").getAsJsonObject("origin")));
    assertEquals("/home/u/.bashrc:117", originOf(layer(r, "terminal").getAsJsonObject("origins").getAsJsonObject("GOPATH")));
    assertTrue(layer(r, "login").get("notes").toString().contains("interactive-only guard"), layer(r, "login").get("notes").toString());
    assertTrue(installKinds(r).containsAll(List.of("/usr/local/go=TARBALL", "/usr/lib/go-1.18=APT")), installKinds(r).toString());
  }

  @Test
  void ubuntuScenarioTextShowsTheDifferenceAndItsLine() throws Exception {
    CliRun run = CliRun.onScenario("ubuntu-apt-and-tarball-in-bashrc", "report");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("* /usr/local/go/bin  -       -      10        -          -"), run.out());
    assertTrue(run.out().contains("~/.bashrc:116  PATH += /usr/local/go/bin    (export PATH=$PATH:/usr/local/go/bin)"), run.out());
    assertTrue(run.out().contains("editor     /usr/bin/go -> /usr/lib/go-1.18/bin/go  go1.18.1  /usr/lib/go-1.18  first go on PATH (entry 4)"), run.out());
  }

  @Test
  void snapGoIsReachedThroughTheSnapLauncherAndVsCodeGoRewritesIt() throws Exception {
    JsonObject r = report("snap-goroot-pinned");
    assertEquals("/snap/bin/go", go(r, "editor", "command"));
    assertEquals("/snap/go/10585/bin/go", go(r, "editor", "realPath"));
    assertEquals("/snap/go/current/bin/go", go(r, "vscode-go", "command"));
    assertEquals("/snap/go/10585", layer(r, "login").getAsJsonObject("environment").get("GOROOT").getAsString());
    assertEquals("/home/u/.profile:29", originOf(layer(r, "login").getAsJsonObject("origins").getAsJsonObject("GOROOT")));
    assertTrue(installKinds(r).contains("/snap/go/10585=SNAP"), installKinds(r).toString());
  }

  @Test
  void golangDlWrapperAndItsSdkAreFound() throws Exception {
    JsonObject r = report("golang-dl");
    assertTrue(installKinds(r).contains("/home/u/sdk/go1.22.5=GOLANG_DL"), installKinds(r).toString());
    assertTrue(r.getAsJsonObject("installations").getAsJsonArray("dlWrappers").toString().contains("/home/u/go/bin/go1.22.5"));
    // The wrapper is named go1.22.5, so a plain `go` still runs the apt Go.
    assertEquals("/usr/lib/go-1.18/bin/go", go(r, "login", "realPath"));
  }

  @Test
  void goenvShimRunsTheVersionTheWorkspacePins() throws Exception {
    JsonObject r = report("goenv");
    assertEquals("/home/u/.goenv/shims/go", go(r, "login", "command"));
    assertEquals("/home/u/.goenv/versions/1.22.5/bin/go", go(r, "login", "realPath"));
    assertEquals("/home/u/proj/.go-version:1", originOf(layer(r, "login").getAsJsonObject("go").getAsJsonObject("selectedBy")));
    assertEquals("/home/u/.profile:31", originOf(pathEntry(r, "login", "/home/u/.goenv/shims").getAsJsonObject("origin")));
  }

  @Test
  void gvmSetsGorootFromItsDefaultEnvironmentInTheTerminalOnly() throws Exception {
    JsonObject r = report("gvm");
    assertEquals("/home/u/.gvm/gos/go1.21.5/bin/go", go(r, "terminal", "realPath"));
    assertEquals("go1.21.5", go(r, "terminal", "version"));
    assertTrue(layer(r, "login").get("go").isJsonNull(), "gvm is sourced below the .bashrc guard");
    assertTrue(originOf(layer(r, "terminal").getAsJsonObject("origins").getAsJsonObject("GOROOT"))
        .startsWith("/home/u/.gvm/environments/default:"));
  }

  @Test
  void asdfAndMiseShimsFollowTheirPinFiles() throws Exception {
    JsonObject asdf = report("asdf");
    assertEquals("/home/u/.asdf/installs/golang/1.22.5/go/bin/go", go(asdf, "login", "realPath"));
    assertEquals("/home/u/proj/.tool-versions:1", originOf(layer(asdf, "login").getAsJsonObject("go").getAsJsonObject("selectedBy")));
    JsonObject mise = report("mise");
    assertEquals("/home/u/.local/share/mise/installs/go/1.22.5/bin/go", go(mise, "login", "realPath"));
    assertTrue(originOf(layer(mise, "login").getAsJsonObject("go").getAsJsonObject("selectedBy")).startsWith("/home/u/proj/mise.toml:"));
  }

  @Test
  void flatpakEditorSeesNoHostGo() throws Exception {
    JsonObject r = report("flatpak-vscode");
    assertTrue(r.getAsJsonObject("host").getAsJsonObject("sandboxes").getAsJsonObject("flatpak").get("inside").getAsBoolean());
    assertTrue(layer(r, "editor").get("go").isJsonNull());
  }

  @Test
  void wslWithOnlyAWindowsGoHasNoLinuxGo() throws Exception {
    JsonObject r = report("wsl-windows-go");
    JsonObject wsl = r.getAsJsonObject("host").getAsJsonObject("sandboxes").getAsJsonObject("wsl");
    assertTrue(wsl.get("detected").getAsBoolean());
    assertTrue(wsl.get("windowsPathEntries").toString().contains("/mnt/c/Program Files/Go/bin"), wsl.toString());
    assertTrue(layer(r, "editor").get("go").isJsonNull(), "a bare go never runs go.exe");
  }

  @Test
  void healthyTarballRunsTheSameGoEverywhere() throws Exception {
    CliRun run = CliRun.onScenario("tarball-healthy", "report");
    assertEquals(0, run.exitCode());
    String table = run.out().substring(run.out().indexOf("Which go runs where"), run.out().indexOf("Go variables"));
    assertFalse(table.contains("* "), table);
    assertEquals(5, table.lines().filter(l -> l.contains("/usr/local/go/bin/go  go1.22.5")).count(), table);
  }

  @Test
  void tarballUnpackedOverAnOlderTreeShowsTheBinaryVersionBesideTheVersionFile() throws Exception {
    JsonObject r = report("tarball-over-old-tree");
    assertEquals("go1.21.0", go(r, "editor", "version"));
    assertEquals("build info", go(r, "editor", "basis"));
    JsonObject install = r.getAsJsonObject("installations").getAsJsonArray("installations").get(0).getAsJsonObject();
    assertEquals("go1.22.5", install.get("version").getAsString());
    assertTrue(install.get("problems").toString().contains("mixed tree"), install.get("problems").toString());
  }

  @Test
  void markdownForBugReportsHasTheLayersTheOriginsAndTheFindings() throws Exception {
    CliRun run = CliRun.onScenario("ubuntu-apt-and-tarball-in-bashrc", "report", "--markdown");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("| editor | `/usr/bin/go -> /usr/lib/go-1.18/bin/go` | go1.18.1 | `/usr/lib/go-1.18` |"), run.out());
    assertTrue(run.out().contains("- `~/.bashrc:116` (`export PATH=$PATH:/usr/local/go/bin`) adds `/usr/local/go/bin`"), run.out());
    assertTrue(run.out().contains("- **error** `module-needs-newer-go` at `~/proj/go.mod:3`"), run.out());
  }

  @Test
  void scenarioRunsNothing() throws Exception {
    JsonObject r = report("ubuntu-apt-and-tarball-in-bashrc");
    assertEquals(0, r.getAsJsonArray("shellRuns").size());
    assertTrue(r.getAsJsonObject("goEnv").toString().contains("not run: the machine is a scenario directory"));
  }
}
