package dev.goenvdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.goenvdoctor.probe.go.GoEnvRunner;
import dev.goenvdoctor.testing.HostileWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check} and {@code report} on this machine (real bash, real apt Go) with workspaces that try to get a binary
 * of theirs run: without --trust-workspace none of them runs; with it, the workspace's go may run, and the tool says
 * so. And every {@code go env} they run, trusted or not, has GOTOOLCHAIN=local, runs in {@code /} and asks
 * exactly {@code env -json NAMES}, whatever the workspace, the user env file or the environment ask for.
 */
class WorkspaceBinariesAndToolchainCliTest {
  @TempDir Path tmp;
  private HostileWorkspace m;

  @BeforeEach
  void machine() {
    m = HostileWorkspace.withRealTools(tmp);
  }

  private CliRun run(Path ws, boolean trusted, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--env", m.envFile().toString(), "--workspace", ws.toString(), "--shell-timeout", "5"));
    if (trusted) {
      args.add("--trust-workspace");
    }
    return CliRun.run(args.toArray(String[]::new));
  }

  /** A workspace whose settings name scripts of its own in every way the Go extension looks for go and tools. */
  private Path hostile(String settingsKind) {
    Path ws = m.workspace("ws", "module example.com/ws\n\ngo 1.19\n");
    m.markerScript(ws, "tools/go", "alternate-go");
    m.markerScript(ws, "tools/gopls", "alternate-gopls");
    m.markerScript(ws, "goroot/bin/go", "goroot-go");
    m.markerScript(ws, "pathbin/go", "path-go");
    m.markerScript(ws, "gopath/bin/gopls", "gopath-gopls");
    String alternate = "\"go.alternateTools\": { \"go\": \"" + ws + "/tools/go\", \"gopls\": \"" + ws + "/tools/gopls\" }";
    String goroot = "\"go.goroot\": \"" + ws + "/goroot\"";
    String toolsPath = "\"go.toolsEnvVars\": { \"PATH\": \"${workspaceFolder}/pathbin:/usr/bin:/bin\" }, \"go.gopath\": \"" + ws + "/gopath\"";
    String settings = switch (settingsKind) {
      case "alternateTools" -> alternate;
      case "goroot" -> goroot;
      case "toolsEnvVars" -> toolsPath;
      case "editor PATH" -> "";
      default -> alternate + ", " + goroot + ", " + toolsPath;
    };
    // The workspace also claims to be trusted: trust comes only from the user, never from the workspace.
    m.file(ws, ".vscode/settings.json", "{ " + (settings.isEmpty() ? "" : settings + ", ") + "\"goEnvDoctor.trusted\": true }\n");
    if (settingsKind.equals("editor PATH")) {
      m.env("PATH", ws + "/pathbin:/usr/bin:/bin"); // the editor was started from a shell with the workspace's bin first
    }
    return ws;
  }

  static Stream<Arguments> ways() {
    return Stream.of("all at once", "alternateTools", "goroot", "toolsEnvVars", "editor PATH").map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ways")
  void withoutTrustNoWorkspaceBinaryRunsAndTheReportSaysWhy(String way) throws Exception {
    Path ws = hostile(way);

    CliRun check = run(ws, false, "check");
    CliRun report = run(ws, false, "report", "--json");

    assertTrue(check.exitCode() == 0 || check.exitCode() == 1, check.err());
    assertEquals(0, report.exitCode(), report.err());
    assertEquals(List.of(), m.markersLeft(), "nothing from the workspace ran");
    JsonObject machine = report.json().getAsJsonObject("machine");
    assertFalse(machine.get("workspaceTrusted").getAsBoolean());
    assertEquals("[]", machine.get("workspaceGoRan").toString());
    if (!way.equals("toolsEnvVars")) { // gopls's go is located, never run: nothing to refuse there
      assertTrue(report.out().contains("not run: the workspace is not trusted and this go is inside it or chosen by its settings"),
          "the report says why the workspace's go did not run");
    }
    assertFalse(check.err().contains("because of --trust-workspace"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ways")
  void withTrustTheWorkspacesGoMayRunAndTheToolSaysSo(String way) throws Exception {
    Path ws = hostile(way);

    CliRun check = run(ws, true, "check");
    CliRun report = run(ws, true, "report", "--json");

    String expected = switch (way) {
      case "all at once", "alternateTools" -> "alternate-go";
      case "goroot" -> "goroot-go";
      case "editor PATH" -> "path-go";
      default -> "";
    };
    assertEquals(expected.isEmpty() ? List.of() : List.of(expected), m.markersLeft(), "only the go the Go extension would run");
    assertFalse(m.markersLeft().stream().anyMatch(n -> n.contains("gopls")), "tools are inspected, never run");
    if (!expected.isEmpty()) {
      String script = ws.resolve(expected.equals("alternate-go") ? "tools/go" : expected.equals("goroot-go") ? "goroot/bin/go" : "pathbin/go").toString();
      assertTrue(check.err().contains("go-env-doctor: ran " + script
          + " (a go the workspace contains or its settings choose) because of --trust-workspace"), check.err());
      JsonObject machine = report.json().getAsJsonObject("machine");
      assertEquals("[\"" + script + "\"]", machine.get("workspaceGoRan").toString());
      assertTrue(report.out().contains("ran " + script + " env -json, a go the workspace contains or its settings choose,"
          + " because the workspace is trusted"), "a layer note says so");
      CliRun text = run(ws, true, "report");
      assertTrue(text.out().contains("ran the workspace's go " + script + " because the workspace is trusted"), text.out());
    }
  }

  static Stream<Arguments> toolchainCases() {
    return Stream.of(
        Arguments.of("go.mod with a toolchain line", "module a\n\ngo 1.21\n\ntoolchain go1.99.0\n", "", "", ""),
        Arguments.of("go.mod without one, GOTOOLCHAIN=auto in the environment", "module a\n\ngo 1.19\n", "auto", "", ""),
        Arguments.of("user env file GOTOOLCHAIN=go1.99.0", "module a\n\ngo 1.21\n\ntoolchain go1.99.0\n", "", "GOTOOLCHAIN=go1.99.0\n", ""),
        Arguments.of("user env file auto, environment path, settings go1.99.0+auto", "module a\n\ngo 1.21\ntoolchain go1.99.0\n",
            "path", "GOTOOLCHAIN=auto\n", "{ \"go.toolsEnvVars\": { \"GOTOOLCHAIN\": \"go1.99.0+auto\", \"GOFLAGS\": \"-modfile=x\" } }"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolchainCases")
  void everyGoEnvRunsWithALocalToolchainInTheRootDirectoryWithExactlyItsArguments(String name, String goMod,
      String envToolchain, String userEnvFile, String settings) throws Exception {
    Path bin = m.recordingGo();
    m.env("PATH", bin + ":/usr/bin:/bin");
    if (!envToolchain.isEmpty()) {
      m.env("GOTOOLCHAIN", envToolchain);
    }
    if (!userEnvFile.isEmpty()) {
      m.file(m.home, ".config/go/env", userEnvFile);
    }
    Path ws = m.workspace("ws", goMod);
    m.file(ws, "go.work", "go 1.21\n\ntoolchain go1.99.0\n\nuse .\n");
    if (!settings.isEmpty()) {
      m.file(ws, ".vscode/settings.json", settings);
    }

    CliRun check = run(ws, true, "check");
    CliRun report = run(ws, true, "report", "--json");

    assertTrue(check.exitCode() == 0 || check.exitCode() == 1, check.err());
    assertEquals(0, report.exitCode(), report.err());
    List<HostileWorkspace.GoCall> calls = m.goCalls();
    assertFalse(calls.isEmpty(), "the recording go ran");
    List<String> expectedArgv = new ArrayList<>(List.of("env", "-json"));
    expectedArgv.addAll(GoEnvRunner.DEFAULT_NAMES);
    for (HostileWorkspace.GoCall call : calls) {
      assertEquals("local", call.env().get("GOTOOLCHAIN"), "GOTOOLCHAIN of " + call);
      assertEquals("/", call.cwd(), "never inside the workspace");
      assertFalse(call.cwd().startsWith(ws.toString()));
      assertEquals(expectedArgv, call.argv());
    }
    // The user's own choice is still reported (read from files and the environment, not from go env).
    JsonObject json = JsonParser.parseString(report.out()).getAsJsonObject();
    assertEquals(1, json.get("schemaVersion").getAsInt());
  }

  @Test
  void untrustedRunsOfTheUsersOwnGoAreAlsoLocalAndOutsideTheWorkspace() throws Exception {
    Path bin = m.recordingGo();
    m.env("PATH", bin + ":/usr/bin:/bin").env("GOTOOLCHAIN", "auto");
    Path ws = m.workspace("ws", "module a\n\ngo 1.21\n\ntoolchain go1.99.0\n");

    CliRun check = run(ws, false, "check");

    assertTrue(check.exitCode() == 0 || check.exitCode() == 1, check.err());
    List<HostileWorkspace.GoCall> calls = m.goCalls();
    assertFalse(calls.isEmpty(), "the user's own go (outside the workspace) runs without trust");
    calls.forEach(c -> {
      assertEquals("local", c.env().get("GOTOOLCHAIN"));
      assertEquals("/", c.cwd());
    });
  }
}
