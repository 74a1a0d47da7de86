package dev.goenvdoctor.probe.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.Root;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceProbeTest {
  private static final String HOME = "/home/u";
  private static final String PROJ = "/home/u/src/proj";

  @TempDir Path dir;

  private void write(String machinePath, String content) throws IOException {
    Path file = dir.resolve(machinePath.substring(1));
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private void link(String machinePath, String target) throws IOException {
    Path file = dir.resolve(machinePath.substring(1));
    Files.createDirectories(file.getParent());
    Files.createSymbolicLink(file, Path.of(target));
  }

  private WorkspaceFacts probe(WalkLimits limits, Map<String, String> env, String... folders) {
    return new WorkspaceProbe(Root.of(dir), limits).probe(List.of(folders), HOME, env);
  }

  private static <T> List<String> paths(List<T> files, Function<T, String> path) {
    return files.stream().map(path).toList();
  }

  @Test
  void findsFilesInTheFolderAndAboveIt() throws IOException {
    write("/home/u/.tool-versions", "golang 1.21.0\n");
    write("/home/u/src/go.work", "go 1.22\n\nuse ./proj\n");
    write(PROJ + "/go.mod", "module example.com/proj\n\ngo 1.22.1\n\ntoolchain go1.22.5\n");
    write(PROJ + "/.go-version", "go1.22.5\n");
    write(PROJ + "/.vscode/settings.json", "{ \"go.goroot\": \"/usr/local/go\" }");
    write(PROJ + "/tools/go.mod", "module example.com/proj/tools\ngo 1.21\n");
    write(PROJ + "/tools/mise.toml", "[tools]\ngo = \"1.21\"\n");
    write(PROJ + "/tools/.mise.toml", "[tools]\ngo = \"1.20\"\n");
    write(PROJ + "/sub/.vscode/settings.json", "{ \"go.gopath\": \"/tmp/gopath\" }");
    write(PROJ + "/sub/.tool-versions", "go 1.22.0\n");
    write(PROJ + "/cmd/app/main.go", "package main\n");

    WorkspaceFacts facts = probe(WalkLimits.defaults(), Map.of(), PROJ, PROJ + "/cmd");
    FolderFacts proj = facts.folders().get(0);
    assertEquals(List.of(PROJ + "/go.mod", PROJ + "/tools/go.mod"), paths(proj.goMods(), GoModFile::path));
    assertEquals("1.22.1", proj.goMods().get(0).go().orElseThrow().value());
    assertEquals(List.of(), proj.goWorks());
    assertEquals(List.of(PROJ + "/.go-version", PROJ + "/sub/.tool-versions", PROJ + "/tools/.mise.toml", PROJ + "/tools/mise.toml"),
        paths(proj.pins(), PinFile::path));
    assertEquals(List.of(PinFile.Kind.GO_VERSION, PinFile.Kind.TOOL_VERSIONS, PinFile.Kind.MISE_TOML, PinFile.Kind.MISE_TOML),
        proj.pins().stream().map(PinFile::kind).toList());
    assertEquals("1.22.5", proj.pins().get(0).primary().orElseThrow().version());
    assertEquals(List.of(SettingsFile.Scope.WORKSPACE_FOLDER, SettingsFile.Scope.NESTED_FOLDER),
        proj.settings().stream().map(SettingsFile::scope).toList());
    assertEquals("/usr/local/go", proj.folderSettings().orElseThrow().entry("go.goroot").orElseThrow().value());

    // above the folder: the go.work and asdf's file, nearest first
    assertEquals(List.of("/home/u/src/go.work"), paths(proj.goWorksAbove(), GoModFile::path));
    assertEquals(List.of("./proj"), paths(proj.goWorksAbove().get(0).uses(), GoDirective::value));
    assertEquals(List.of("/home/u/.tool-versions"), paths(proj.pinsAbove(), PinFile::path));
    assertEquals(List.of(), proj.goModsAbove());

    // a folder inside the module: the module's go.mod is above it, and each file is read once
    FolderFacts cmd = facts.folders().get(1);
    assertEquals(List.of(), cmd.goMods());
    assertEquals(List.of(PROJ + "/go.mod"), paths(cmd.goModsAbove(), GoModFile::path));
    assertEquals(List.of(PROJ + "/.go-version", "/home/u/.tool-versions"), paths(cmd.pinsAbove(), PinFile::path));
    assertSame(proj.goMods().get(0), cmd.goModsAbove().get(0));
    assertEquals(List.of(), facts.allProblems());
  }

  @Test
  void theWalkSkipsHeavyDirectoriesFollowsNoSymlinksAndCountsExactly() throws IOException {
    // a generated tree: 3 levels of 4 directories each, a go.mod in every leaf
    List<String> expectedMods = new ArrayList<>();
    int directories = 1;
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        for (int c = 0; c < 4; c++) {
          String leaf = PROJ + "/a" + a + "/b" + b + "/c" + c;
          write(leaf + "/go.mod", "module example.com/m" + a + b + c + "\ngo 1.22\n");
          expectedMods.add(leaf + "/go.mod");
        }
      }
    }
    directories += 4 + 16 + 64;
    List<String> skippedNames = List.of(".git", ".hg", ".svn", ".cache", ".idea", ".hidden", "node_modules", "vendor",
        "testdata", "target", "build", "dist");
    for (String name : skippedNames) {
      write(PROJ + "/a0/" + name + "/deep/go.mod", "module must.not/be/found\n");
    }
    // symlinks to directories: a cycle, a link to a module elsewhere, and a dangling one
    link(PROJ + "/a1/loop", "..");
    write("/elsewhere/mod/go.mod", "module example.com/elsewhere\n");
    link(PROJ + "/a2/linked", "/elsewhere/mod");
    link(PROJ + "/a3/dangling", "/nowhere");

    WorkspaceFacts facts = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> probe(WalkLimits.defaults(), Map.of(), PROJ));
    FolderFacts proj = facts.folders().get(0);
    List<String> found = new ArrayList<>(paths(proj.goMods(), GoModFile::path));
    found.sort(null);
    expectedMods.sort(null);
    assertEquals(expectedMods, found);

    WalkStats walk = proj.walk();
    assertEquals(directories, walk.directoriesVisited(), "every directory read once, no skipped or linked one entered");
    assertEquals(3, walk.deepestLevel());
    assertFalse(walk.capHit());
    assertEquals(skippedNames.size(), walk.skippedDirectoryCount());
    assertEquals(skippedNames.stream().map(n -> PROJ + "/a0/" + n).sorted().toList(),
        walk.skippedDirectories().stream().sorted().toList());
    assertEquals(2, walk.symlinkedDirectoriesSkipped(), "the loop and the link to a module; the dangling link is no directory");
    assertEquals(List.of(), facts.allProblems());
  }

  @Test
  void theDirectoryCapIsReported() throws IOException {
    for (int i = 0; i < 30; i++) {
      write(PROJ + "/d" + i + "/go.mod", "module m" + i + "\n");
    }
    write(PROJ + "/go.mod", "module top\n");
    WorkspaceFacts facts = probe(new WalkLimits(10, 16), Map.of(), PROJ);
    FolderFacts proj = facts.folders().get(0);
    assertTrue(proj.walk().directoryCapHit());
    assertEquals(10, proj.walk().directoriesVisited());
    assertEquals(PROJ + "/go.mod", proj.goMods().get(0).path(), "breadth first: the top module is found before the cap");
    assertEquals(10, proj.goMods().size());
    assertEquals(List.of(PROJ + ":1: stopped after reading 10 directories (the limit): files further down were not checked"),
        proj.problems().stream().map(WorkspaceProblem::display).toList());
  }

  @Test
  void aPinOrGoModThatIsASymlinkToAFileCountsADanglingOneDoesNot() throws IOException {
    write("/data/shared.go-version", "1.22.5\n");
    write(PROJ + "/go.mod", "module top\n");
    link(PROJ + "/.go-version", "/data/shared.go-version");
    link(PROJ + "/sub/go.mod", "/data/missing.mod");
    FolderFacts proj = probe(WalkLimits.defaults(), Map.of(), PROJ).folders().get(0);
    assertEquals(List.of(PROJ + "/go.mod"), paths(proj.goMods(), GoModFile::path));
    assertEquals(List.of(PROJ + "/.go-version"), paths(proj.pins(), PinFile::path));
  }

  @Test
  void aWideLevelListedInParallelKeepsTheOrderAndTheCapOfAOneThreadWalk() throws IOException {
    write(PROJ + "/go.mod", "module top\n");
    List<String> expected = new ArrayList<>(List.of(PROJ + "/go.mod"));
    for (int i = 0; i < 200; i++) {
      String module = PROJ + String.format("/m%03d", i);
      write(module + "/go.mod", "module m" + i + "\n");
      if (i < 149) {
        expected.add(module + "/go.mod");
      }
    }
    FolderFacts proj = probe(new WalkLimits(150, 16), Map.of(), PROJ).folders().get(0);
    assertEquals(expected, paths(proj.goMods(), GoModFile::path), "the folder, then the first 149 of its 200 subdirectories by name");
    assertEquals(150, proj.walk().directoriesVisited());
    assertTrue(proj.walk().directoryCapHit());
  }

  @Test
  void theDepthCapIsReported() throws IOException {
    write(PROJ + "/l1/l2/go.mod", "module within\n");
    write(PROJ + "/l1/l2/l3/go.mod", "module beyond\n");
    FolderFacts proj = probe(new WalkLimits(100, 2), Map.of(), PROJ).folders().get(0);
    assertEquals(List.of(PROJ + "/l1/l2/go.mod"), paths(proj.goMods(), GoModFile::path));
    assertTrue(proj.walk().depthCapHit());
    assertFalse(proj.walk().directoryCapHit());
    assertEquals("did not look more than 2 directories deep: files further down were not checked", proj.problems().get(0).message());
  }

  @Test
  void aFolderReachedThroughASymlinkIsReportedUnderItsOwnName() throws IOException {
    write("/data/ws/go.mod", "module example.com/ws\ngo 1.22\n");
    write("/data/ws/inner/go.mod", "module example.com/ws/inner\n");
    link("/home/u/ws", "/data/ws"); // absolute target: must stay inside the root
    FolderFacts ws = probe(WalkLimits.defaults(), Map.of(), "/home/u/ws").folders().get(0);
    assertEquals(List.of("/home/u/ws/go.mod", "/home/u/ws/inner/go.mod"), paths(ws.goMods(), GoModFile::path));
    assertEquals("/home/u/ws/go.mod", ws.goMods().get(0).go().orElseThrow().valueLocation().file());
  }

  @Test
  void userSettingsOfEveryFlavourAreRead() throws IOException {
    write("/home/u/.config/Code/User/settings.json", "{\"go.goroot\": \"/code\"}");
    write("/home/u/.config/Code - OSS/User/settings.json", "{\"go.goroot\": \"/oss\"}");
    write("/home/u/.config/VSCodium/User/settings.json", "{\"go.goroot\": \"/codium\"}");
    write("/home/u/.config/Code - Insiders/User/settings.json", "{\"go.goroot\": \"/insiders\"}");
    write("/home/u/.local/share/code-server/User/settings.json", "{\"go.goroot\": \"/code-server\"}");
    write("/home/u/.var/app/com.visualstudio.code/config/Code/User/settings.json", "{\"go.goroot\": \"/flatpak\"}");
    WorkspaceFacts facts = probe(WalkLimits.defaults(), Map.of());
    assertEquals(List.of("VS Code", "Code - OSS", "VSCodium", "VS Code Insiders", "code-server", "VS Code (Flatpak)"),
        facts.userSettings().stream().map(SettingsFile::editor).toList());
    assertEquals(List.of("/code", "/oss", "/codium", "/insiders", "/code-server", "/flatpak"),
        facts.userSettings().stream().map(s -> s.entry("go.goroot").orElseThrow().value()).toList());
    assertTrue(facts.userSettings().stream().allMatch(s -> s.scope() == SettingsFile.Scope.USER && s.workspaceFolder().isEmpty()));
  }

  @Test
  void profileSettingsAreReadNextToTheDefaultOnes() throws IOException {
    write("/home/u/.config/Code/User/settings.json", "{\"go.goroot\": \"/default\"}");
    write("/home/u/.config/Code/User/profiles/-5c3c1a2b/settings.json", "{\"go.goroot\": \"/go-profile\"}");
    write("/home/u/.config/Code/User/profiles/7d1e/keybindings.json", "[]");
    WorkspaceFacts facts = probe(WalkLimits.defaults(), Map.of());
    assertEquals(List.of("VS Code", "VS Code profile -5c3c1a2b"), facts.userSettings().stream().map(SettingsFile::editor).toList());
    assertEquals("/go-profile", facts.userSettings().get(1).entry("go.goroot").orElseThrow().value());
  }

  @Test
  void xdgDirectoriesReplaceTheDefaults() throws IOException {
    write("/home/u/.config/Code/User/settings.json", "{\"go.goroot\": \"/not-read\"}");
    write("/cfg/Code/User/settings.json", "{\"go.goroot\": \"/xdg\"}");
    write("/data/code-server/User/settings.json", "{\"go.goroot\": \"/xdg-data\"}");
    WorkspaceFacts facts = probe(WalkLimits.defaults(), Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"));
    assertEquals(List.of("/cfg/Code/User/settings.json", "/data/code-server/User/settings.json"),
        paths(facts.userSettings(), SettingsFile::path));
    // a relative or unusable XDG value is ignored
    assertEquals(List.of("/home/u/.config/Code/User/settings.json"),
        paths(probe(WalkLimits.defaults(), Map.of("XDG_CONFIG_HOME", "/cfg\0x")).userSettings(), SettingsFile::path));
    WorkspaceFacts relative = probe(WalkLimits.defaults(), Map.of("XDG_CONFIG_HOME", "cfg"));
    assertEquals(List.of("/home/u/.config/Code/User/settings.json"), paths(relative.userSettings(), SettingsFile::path));
  }

  @Test
  void oversizedAndBinaryFilesAreProblemsNotHangs() throws IOException {
    Path big = dir.resolve("home/u/src/proj/go.mod");
    Files.createDirectories(big.getParent());
    byte[] tenMegabytes = ("module m\n" + "require example.com/a v1.0.0\n".repeat(360_000)).getBytes(StandardCharsets.UTF_8);
    assertTrue(tenMegabytes.length > 10_000_000);
    Files.write(big, tenMegabytes);
    Path binary = dir.resolve("home/u/src/proj/sub/go.mod");
    Files.createDirectories(binary.getParent());
    Files.write(binary, new byte[] {'m', 'o', 'd', 0, 0, 1, 2, '\n', (byte) 0xff});

    WorkspaceFacts facts = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> probe(WalkLimits.defaults(), Map.of(), PROJ));
    List<String> problems = facts.allProblems().stream().map(WorkspaceProblem::display).toList();
    assertEquals(List.of(
        PROJ + "/go.mod:1: is larger than 4 MiB, so it was not read (is it really this kind of file?)",
        PROJ + "/sub/go.mod:1: file contains a NUL byte (at line 1, column 4): not a text file, so it was not parsed"),
        problems);
    assertTrue(facts.folders().get(0).goMods().get(0).module().isEmpty());
  }

  @Test
  void badFoldersAndHomeAreReportedNotThrown() throws IOException {
    write("/home/u/file", "x");
    WorkspaceFacts facts = new WorkspaceProbe(Root.of(dir)).probe(
        java.util.Arrays.asList("/home/u/missing", "relative/dir", "/home/u/file", "/bad\0path", null), "~", null);
    assertEquals(List.of(
        "relative/dir:1: workspace folder must be an absolute path without NUL characters; it was not read",
        "/bad\0path:1: workspace folder must be an absolute path without NUL characters; it was not read",
        "null:1: workspace folder must be an absolute path without NUL characters; it was not read",
        "~:1: HOME is not an absolute path, so user settings were not read"),
        facts.problems().stream().map(WorkspaceProblem::display).toList());
    assertEquals(List.of("workspace folder does not exist"), facts.folders().get(0).problems().stream().map(WorkspaceProblem::message).toList());
    assertEquals(List.of("workspace folder is not a directory"), facts.folders().get(1).problems().stream().map(WorkspaceProblem::message).toList());
    assertEquals(Optional.empty(), facts.folders().get(0).folderSettings());
    assertEquals(List.of(), new WorkspaceProbe(Root.of(dir)).probe(null, "/home/u", Map.of()).folders());
  }
}
