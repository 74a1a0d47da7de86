package dev.goenvdoctor.probe.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.jsonc.JsoncPath;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.probe.Root;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsReaderTest {
  private static final String FOLDER = "/home/u/proj";
  private static final String SETTINGS = FOLDER + "/.vscode/settings.json";

  @TempDir Path dir;

  private SettingsFile readFolderSettings(byte[] bytes) throws Exception {
    Path file = dir.resolve(SETTINGS.substring(1));
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    WorkspaceFacts facts = new WorkspaceProbe(Root.of(dir)).probe(List.of(FOLDER), "/home/u", Map.of());
    return facts.folders().get(0).folderSettings().orElseThrow();
  }

  private static Location at(int line, int start, int end) {
    return new Location(SETTINGS, TextRange.line(line, start, end));
  }

  @Test
  void bomCrlfTabsCommentsAndTrailingCommasWithExactLocations() throws Exception {
    String text = String.join("\r\n",
        "{",
        "\t// Go toolchain",
        "\t\"go.goroot\": \"/usr/local/go\", /* from the tarball */",
        "\t\"go.toolsEnvVars\": {",
        "\t\t\"PATH\": \"/opt/go/bin:${env:PATH}\",",
        "\t\t\"GOTOOLCHAIN\": \"local\",",
        "\t},",
        "\t\"go.alternateTools\": { \"go\": \"/home/u/sdk/go1.22.5/bin/go\" },",
        "\t\"editor.fontSize\": 13,",
        "\t\"terminal.integrated.env.linux\": { \"GOROOT\": null },",
        "\t\"goEnvDoctor.trace\": true,",
        "}",
        "");
    SettingsFile settings = readFolderSettings(("\ufeff" + text).getBytes(StandardCharsets.UTF_8));

    assertTrue(settings.hasBom());
    assertEquals(text, settings.text(), "the text is kept whole, without the byte order mark");
    assertEquals(SettingsFile.Scope.WORKSPACE_FOLDER, settings.scope());
    assertEquals(Optional.of(FOLDER), settings.workspaceFolder());
    assertEquals(List.of(), settings.problems());

    SettingEntry goroot = settings.entry("go.goroot").orElseThrow();
    assertEquals("/usr/local/go", goroot.value());
    assertEquals("\"/usr/local/go\"", goroot.sourceText());
    assertEquals(at(2, 1, 12), goroot.keyLocation());
    assertEquals(at(2, 14, 29), goroot.valueLocation());

    SettingEntry path = settings.entry(List.of("go.toolsEnvVars", "PATH")).orElseThrow();
    assertEquals("/opt/go/bin:${env:PATH}", path.value());
    assertEquals(at(4, 2, 8), path.keyLocation());
    assertEquals(at(4, 10, 35), path.valueLocation());
    assertEquals("go.toolsEnvVars > PATH", path.displayName());
    assertEquals("go.toolsEnvVars", path.setting());

    SettingEntry envVars = settings.entry("go.toolsEnvVars").orElseThrow();
    assertEquals(Map.of("PATH", "/opt/go/bin:${env:PATH}", "GOTOOLCHAIN", "local"), envVars.value());
    assertEquals("object", envVars.type());
    assertEquals(new Location(SETTINGS, new TextRange(3, 20, 6, 2)), envVars.valueLocation());

    SettingEntry alternateGo = settings.entry(List.of("go.alternateTools", "go")).orElseThrow();
    assertEquals(Optional.of("/home/u/sdk/go1.22.5/bin/go"), alternateGo.stringValue());
    assertEquals(at(7, 24, 28), alternateGo.keyLocation());

    SettingEntry terminalGoroot = settings.entry(List.of("terminal.integrated.env.linux", "GOROOT")).orElseThrow();
    assertNull(terminalGoroot.value());
    assertEquals("null", terminalGoroot.type());
    assertEquals(true, settings.entry("goEnvDoctor.trace").orElseThrow().value());
    assertTrue(settings.entry("editor.fontSize").isEmpty(), "settings of other extensions are not collected");

    // the tree is kept for later edits
    assertEquals(goroot.valueLocation().range(),
        settings.document().range(JsoncPath.find(settings.document().root().orElseThrow(), List.of("go.goroot")).orElseThrow()));
  }

  @Test
  void onlyTheLastOfDuplicateKeysIsAnEntry() throws Exception {
    SettingsFile settings = readFolderSettings(
        "{\n  \"go.goroot\": \"/a\",\n  \"go.goroot\": \"/b\",\n  \"go.toolsEnvVars\": {\"GOROOT\": \"/x\", \"GOROOT\": \"/y\"}\n}"
            .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("go.goroot", "go.toolsEnvVars", "go.toolsEnvVars > GOROOT"),
        settings.entries().stream().map(SettingEntry::displayName).toList());
    assertEquals("/b", settings.entry("go.goroot").orElseThrow().value());
    assertEquals(2, settings.entry("go.goroot").orElseThrow().keyLocation().range().startLine());
    assertEquals("/y", settings.entry(List.of("go.toolsEnvVars", "GOROOT")).orElseThrow().value());
    assertEquals(List.of(
        "/home/u/proj/.vscode/settings.json:3: duplicate key 'go.goroot' (the last one wins in VS Code) at line 3, column 3",
        "/home/u/proj/.vscode/settings.json:4: duplicate key 'GOROOT' (the last one wins in VS Code) at line 4, column 39"),
        settings.problems().stream().map(WorkspaceProblem::display).toList());
  }

  @Test
  void invalidUtf8IsReplacedNotFatal() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("{\"go.gopath\": \"/home/u/g".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC3); // lead byte without its continuation
    bytes.write(0xFF); // never valid in UTF-8
    bytes.writeBytes("o\"}".getBytes(StandardCharsets.UTF_8));
    SettingsFile settings = readFolderSettings(bytes.toByteArray());
    assertEquals(List.of(), settings.problems());
    assertEquals("/home/u/g\uFFFD\uFFFDo", settings.entry("go.gopath").orElseThrow().value());
  }

  @Test
  void brokenSettingsKeepWhatCouldBeReadAndSayWhereItBroke() throws Exception {
    SettingsFile settings = readFolderSettings(
        "{\n  \"go.goroot\": \"/usr/local/go\"\n  \"go.gopath\": \"/home/u/go\",\n  \"go.toolsEnvVars\": {\n"
            .getBytes(StandardCharsets.UTF_8));
    assertEquals("/usr/local/go", settings.entry("go.goroot").orElseThrow().value());
    assertEquals("/home/u/go", settings.entry("go.gopath").orElseThrow().value());
    WorkspaceProblem first = settings.problems().get(0);
    assertEquals("expected ',' or '}' after property value at line 3, column 3 (found '\"go.gopath\"')", first.message());
    assertEquals(TextRange.line(2, 2, 13), first.location().range());
    assertEquals(3, settings.problems().size(), settings.problems().toString());
  }

  @Test
  void aNonObjectRootIsReported() throws Exception {
    SettingsFile settings = readFolderSettings("[\"go.goroot\"]".getBytes(StandardCharsets.UTF_8));
    assertTrue(settings.entries().isEmpty());
    assertEquals("settings must be a JSON object (found an array at line 1, column 1)", settings.problems().get(0).message());
  }

  @Test
  void aHugeHostileSettingsFileIsReadInBoundedTimeAndEntries() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < 300_000; i++) {
      text.append("\"go.k").append(i % 1500).append("\": {\"A\": ").append(i).append("},\n");
    }
    text.append('}');
    SettingsFile settings = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> SettingsFile.parse(
        "/s.json", SettingsFile.Scope.USER, "VS Code", Optional.empty(), text.toString()));
    assertEquals(2000, settings.entries().size());
    // duplicates do not stop the parse, and the last one wins: go.k0 was last set by i = 298500
    assertEquals(298_500L, settings.entry(List.of("go.k0", "A")).orElseThrow().value());
    List<String> problems = settings.problems().stream().map(WorkspaceProblem::message).toList();
    assertEquals(202, problems.size());
    assertEquals("more duplicate keys from line 1701, column 1 on are not listed", problems.get(200));
    assertEquals("more than 2000 Go settings; the rest were not read", problems.get(201));
  }

  @Test
  void anEditorBufferCanBeReadWithoutTouchingTheDisk() {
    SettingsFile settings = SettingsFile.parse("/home/u/.config/Code/User/settings.json", SettingsFile.Scope.USER,
        "VS Code", Optional.empty(), "{ \"gopls\": { \"build.env\": { \"GOFLAGS\": \"-tags=e2e\" } } }");
    assertEquals(List.of("gopls", "gopls > build.env", "gopls > build.env > GOFLAGS"),
        settings.entries().stream().map(SettingEntry::displayName).toList());
    assertFalse(settings.hasBom());
  }
}
