package dev.goenvdoctor.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.fix.FixApplier;
import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.jsonc.JsonNode;
import dev.goenvdoctor.jsonc.Jsonc;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.probe.workspace.WorkspaceFacts;
import dev.goenvdoctor.probe.workspace.WorkspaceProbe;
import dev.goenvdoctor.probe.workspace.WorkspaceProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken {@code .vscode/settings.json} files on disk, read the way the tool reads them (the workspace probe), then
 * fixed the way {@code check --fix} fixes them (the JSONC editor, then the file writer): no exception, a bounded
 * time, a message naming the file and what is wrong, and a fix that either refuses with a reason (leaving every
 * byte) or changes only the setting it is about.
 */
class MalformedSettingsFilesTest {
  private static final String BASE = "{\n  // Go for this project\n  \"go.goroot\": \"/nowhere/go\",\n"
      + "  \"go.gopath\": \"/home/u/go\",  /* kept */\n  \"editor.tabSize\": 4\n}\n";

  @TempDir Path dir;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** name, bytes, a fragment the problems must contain (null: the file is fine as JSONC, so no problem is required). */
  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    // truncated at 14 places, from inside the first token to just before the last brace
    for (int cut : new int[] {1, 3, 10, 20, 26, 30, 40, 45, 52, 60, 75, 88, 95, BASE.length() - 2}) {
      all.add(Arguments.of("truncated after " + cut + " characters", utf8(BASE.substring(0, cut)), "line"));
    }
    all.add(Arguments.of("10,000 nested objects", utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)), "nesting deeper than 512 levels"));
    all.add(Arguments.of("10,000 nested arrays in a value", utf8("{\"go.goroot\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
        "nesting deeper than 512 levels"));
    all.add(Arguments.of("10,000 unclosed levels", utf8("{\"a\":[".repeat(10_000)), "nesting deeper than 512 levels"));
    all.add(Arguments.of("10 MB of valid settings", utf8("{\n" + "  \"pad.x\": \"" + "y".repeat(10_000_000) + "\",\n" + BASE.substring(2)), null));
    all.add(Arguments.of("10 MB of garbage", utf8("{" + "x ,: ] ".repeat(1_500_000)), "too many errors"));
    all.add(Arguments.of("17 MB: over the size limit", utf8("{\"pad\": \"" + "z".repeat(17 << 20) + "\"}"), "is larger than 16 MiB, so it was not read"));
    all.add(Arguments.of("duplicate go.goroot", utf8("{\"go.goroot\": \"/a\",\n\"go.goroot\": \"/b\"}"), "duplicate key 'go.goroot'"));
    all.add(Arguments.of("array root", utf8("[" + BASE + "]"), "settings must be a JSON object (found an array"));
    all.add(Arguments.of("string root", utf8("\"go.goroot\""), "settings must be a JSON object (found a string"));
    all.add(Arguments.of("number root", utf8("42"), "settings must be a JSON object (found a number"));
    all.add(Arguments.of("null root", utf8("null"), "settings must be a JSON object (found a null"));
    all.add(Arguments.of("true root", utf8("true"), "settings must be a JSON object (found a boolean"));
    all.add(Arguments.of("two roots", utf8(BASE + BASE), "after the end of the object"));
    byte[] badInString = utf8(BASE);
    badInString[BASE.indexOf("nowhere")] = (byte) 0xC3;
    all.add(Arguments.of("invalid UTF-8 inside a string", badInString, null));
    all.add(Arguments.of("invalid UTF-8 outside strings", concat(utf8("{\"go.goroot\": \"/x\", "), new byte[] {(byte) 0xFF}, utf8("}")),
        "expected a property name"));
    all.add(Arguments.of("overlong UTF-8 slash", concat(utf8("{\"go.goroot\": \""), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("go\"}")), null));
    all.add(Arguments.of("surrogate encoded in UTF-8 (CESU)", concat(utf8("{\"go.goroot\": \""), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}")), null));
    all.add(Arguments.of("BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(BASE)), null));
    // the second BOM is U+FEFF in the text, which JSONC (like VS Code's parser) reads as white space
    all.add(Arguments.of("two BOMs", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(BASE)), null));
    all.add(Arguments.of("UTF-16 with its BOM", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, BASE.getBytes(StandardCharsets.UTF_16LE)), "line 1"));
    all.add(Arguments.of("lone surrogate escapes", utf8("{\"go.goroot\": \"\\ud800\", \"go.gopath\": \"\\udc00x\"}"), null));
    all.add(Arguments.of("NUL inside a string", utf8("{\"go.goroot\": \"/opt/go\u0000\"}"), "control character U+0000"));
    all.add(Arguments.of("NUL outside strings", utf8("{\"go.goroot\": \"/opt/go\"\u0000}"), "line 1"));
    all.add(Arguments.of("raw control character in a string", utf8("{\"go.goroot\": \"/opt\u0001go\"}"), "control character U+0001"));
    all.add(Arguments.of("bell outside strings", utf8("{\u0007\"go.goroot\": \"/opt/go\"}"), "line 1"));
    all.add(Arguments.of("unterminated block comment", utf8("{\"go.goroot\": \"/x\" /* never closed"), "unterminated comment"));
    all.add(Arguments.of("unterminated comment after CRLF lines", utf8("{\r\n\"go.goroot\": \"/x\"\r\n/* open"), "unterminated comment: the '/*' at line 3"));
    all.add(Arguments.of("unterminated string", utf8("{\"go.goroot\": \"/x}"), "unterminated string"));
    all.add(Arguments.of("string cut by a line break", utf8("{\"go.goroot\": \"/x\n\"}"), "cut by a line break"));
    all.add(Arguments.of("trailing comma in the object", utf8("{\"go.goroot\": \"/x\",}"), null));
    all.add(Arguments.of("trailing comma in an array", utf8("{\"go.toolsEnvVars\": {}, \"a\": [1, 2,]}"), null));
    all.add(Arguments.of("huge exponent", utf8("{\"go.goroot\": \"/x\", \"n\": 1e999999999}"), null));
    all.add(Arguments.of("a 1,000-digit integer", utf8("{\"n\": " + "9".repeat(1000) + ", \"go.goroot\": \"/x\"}"), null));
    all.add(Arguments.of("leading zeros", utf8("{\"n\": 007}"), "invalid number '007'"));
    all.add(Arguments.of("empty file", new byte[0], null));
    all.add(Arguments.of("only whitespace", utf8(" \n\t\r\n"), null));
    all.add(Arguments.of("only a comment", utf8("// nothing here\n"), null));
    all.add(Arguments.of("single-quoted strings", utf8("{'go.goroot': '/x'}"), "line 1"));
    all.add(Arguments.of("unquoted keys", utf8("{go.goroot: \"/x\"}"), "expected a property name in double quotes"));
    all.add(Arguments.of("go.goroot is a number", utf8("{\"go.goroot\": 42}"), null));
    all.add(Arguments.of("go.toolsEnvVars is an array", utf8("{\"go.toolsEnvVars\": [\"PATH=/x\"]}"), null));
    all.add(Arguments.of("go.alternateTools is a string", utf8("{\"go.alternateTools\": \"/x/go\"}"), null));
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 100_000; i++) {
      many.append("\"go.k").append(i).append("\": ").append(i).append(',');
    }
    all.add(Arguments.of("100,000 Go keys", utf8(many.append("\"go.goroot\": \"/x\"}").toString()), "more than 2000 Go settings"));
    all.add(Arguments.of("a key of one megabyte", utf8("{\"" + "k".repeat(1 << 20) + "\": 1, \"go.goroot\": \"/x\"}"), null));
    all.add(Arguments.of("Windows line ends everywhere", utf8(BASE.replace("\n", "\r\n")), null));
    all.add(Arguments.of("a stray closing brace", utf8("}" + BASE), "line 1"));
    all.add(Arguments.of("binary junk", binaryJunk(), "line"));
    return all.stream();
  }

  private static byte[] binaryJunk() {
    byte[] b = new byte[64 * 1024];
    new java.util.Random(7).nextBytes(b);
    return b;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readAndFixedWithoutCrashOrHangWithAMessageNamingTheFile(String name, byte[] bytes, String expected) throws Exception {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    Path file = Files.createDirectories(ws.resolve(".vscode")).resolve("settings.json");
    Files.write(file, bytes);

    WorkspaceFacts facts = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> new WorkspaceProbe(Root.system()).probe(List.of(ws.toString()), dir.resolve("home").toString(), Map.of()));

    List<WorkspaceProblem> problems = facts.allProblems();
    List<String> shown = problems.stream().map(WorkspaceProblem::display).toList();
    for (String p : shown) {
      assertTrue(p.startsWith(file + ":"), "each problem names the file: " + cut(p));
    }
    if (expected != null) {
      assertTrue(shown.stream().anyMatch(p -> p.contains(expected)), name + ": <" + expected + "> among " + cut(shown.toString()));
    }
    Optional<SettingsFile> read = facts.folders().stream().findFirst().flatMap(FolderFacts::folderSettings);
    assertTrue(read.isPresent(), "the file is known, even when it could not be read");

    // The fix check --fix would apply: set go.goroot. It refuses with a reason, or changes nothing but that setting.
    Optional<Fix> fix = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> SettingsFixes.change(read.get(), "use /usr/local/go", true, Map.of(List.of("go.goroot"), "/usr/local/go")));
    if (fix.isEmpty()) {
      assertArrayEquals(bytes, Files.readAllBytes(file));
      return;
    }
    try {
      FixApplier.apply(Root.system(), fix.get());
    } catch (IOException refused) {
      assertTrue(refused.getMessage().startsWith(file.toString()), "the refusal names the file: " + refused.getMessage());
      assertFalse(refused.getMessage().contains("Input length"), refused.getMessage());
      assertArrayEquals(bytes, Files.readAllBytes(file), "a refused fix leaves every byte");
      return;
    }
    byte[] after = Files.readAllBytes(file);
    assertOnlyTheSettingChanged(name, bytes, after, read.get());
  }

  /**
   * Every byte but the setting's value is kept: the new text is the old one with go.goroot's old value replaced (the
   * last one, when the key is repeated), or with the property inserted where nothing but white space and commas changed.
   */
  private static void assertOnlyTheSettingChanged(String name, byte[] before, byte[] after, SettingsFile read) {
    String beforeText;
    try {
      beforeText = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(before)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("a file that is not valid UTF-8 was rewritten");
    }
    String afterText = new String(after, StandardCharsets.UTF_8);
    String bom = beforeText.startsWith("\uFEFF") ? "\uFEFF" : "";
    String body = beforeText.substring(bom.length());
    assertEquals(read.text(), body, "the settings text is the file without its BOM");
    // The value the editor replaces: the last go.goroot of the root object (also past the 2,000 entries the reader keeps).
    Optional<JsonNode> old = Jsonc.parseSettings(body).rootObject().flatMap(o -> o.get("go.goroot"));
    if (old.isPresent()) {
      int start = old.get().start();
      int end = old.get().end();
      assertEquals(bom + body.substring(0, start) + "\"/usr/local/go\"" + body.substring(end), afterText, name);
      return;
    }
    int prefix = 0;
    while (prefix < beforeText.length() && prefix < afterText.length() && beforeText.charAt(prefix) == afterText.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < beforeText.length() - prefix && suffix < afterText.length() - prefix
        && beforeText.charAt(beforeText.length() - 1 - suffix) == afterText.charAt(afterText.length() - 1 - suffix)) {
      suffix++;
    }
    String removed = beforeText.substring(prefix, beforeText.length() - suffix);
    assertTrue(removed.matches("[\\s,]*"), name + ": an insertion removed <" + cut(removed) + "> from <" + cut(beforeText) + ">, giving <" + cut(afterText) + ">");
    assertTrue(Jsonc.parseSettings(afterText).rootObject().orElseThrow().property("go.goroot").isPresent());
  }

  private static String cut(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
