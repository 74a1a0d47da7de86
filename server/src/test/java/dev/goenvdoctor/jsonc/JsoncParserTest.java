package dev.goenvdoctor.jsonc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.model.TextRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsoncParserTest {
  @Test
  void vsCodeDialectParsesWithoutErrors() {
    String text = "\uFEFF// user settings\r\n{\r\n\t\"go.goroot\": \"/usr/local/go\", /* pinned */\r\n"
        + "\t\"go.toolsEnvVars\": {\"GOFLAGS\": \"-mod=mod\",},\r\n\t\"editor.tabSize\": 4,\r\n}\r\n";
    JsoncDocument doc = Jsonc.parseSettings(text);
    assertEquals(List.of(), doc.errors());
    assertEquals(Map.of("go.goroot", "/usr/local/go", "go.toolsEnvVars", Map.of("GOFLAGS", "-mod=mod"),
        "editor.tabSize", 4L), doc.root().orElseThrow().toJava());
    assertEquals(2, doc.comments().size());
    assertEquals("// user settings", text.substring(doc.comments().get(0).start(), doc.comments().get(0).end()));
    assertTrue(doc.comments().get(1).block());
  }

  @Test
  void propertiesKnowTheirKeyColonCommaAndSpan() {
    String text = "{\n  \"go.goroot\" : \"/usr/lib/go\",\n  \"b\": [1, 2,],\n  \"c\": true\n}";
    JsoncDocument doc = Jsonc.parse(text);
    JsonObject root = doc.rootObject().orElseThrow();
    assertTrue(root.closed());
    assertEquals(0, root.start());
    assertEquals(text.length(), root.end());

    JsonProperty goroot = root.properties().get(0);
    assertEquals("\"go.goroot\"", text.substring(goroot.key().start(), goroot.key().end()));
    assertEquals(':', text.charAt(goroot.colonOffset()));
    assertEquals(',', text.charAt(goroot.commaOffset()));
    assertEquals("\"go.goroot\" : \"/usr/lib/go\"", text.substring(goroot.start(), goroot.end()));
    assertEquals(new TextRange(1, 2, 1, 13), doc.range(goroot.key()));
    assertEquals(new TextRange(1, 16, 1, 29), doc.range(goroot.value().orElseThrow()));

    JsonArray b = (JsonArray) root.get("b").orElseThrow();
    assertEquals(2, b.elements().size());
    assertEquals(2, b.commaOffsets().size(), "the trailing comma is recorded too");
    assertEquals("[1, 2,]", doc.source(b));

    JsonProperty c = root.properties().get(2);
    assertFalse(c.hasComma());
    assertEquals(-1, c.commaOffset());
  }

  @Test
  void stringsAreDecodedAndKeepTheirRawSpan() {
    String text = "{\"k\": \"a\\\"b\\\\c\\/d\\n\\u00e9\\uD83D\\uDE00\"}";
    JsoncDocument doc = Jsonc.parse(text);
    assertEquals(List.of(), doc.errors());
    JsonString s = (JsonString) doc.rootObject().orElseThrow().get("k").orElseThrow();
    assertEquals("a\"b\\c/d\né\uD83D\uDE00", s.value());
    assertEquals(text.indexOf("\"a"), s.start());
    assertEquals(text.length() - 1, s.end());
  }

  @Test
  void numbersKeepTheirTextAndReadAsLongOrDouble() {
    JsoncDocument doc = Jsonc.parse("[0, -12, 1.5, 2e3, -0.0, 12345678901234567890]");
    assertEquals(List.of(), doc.errors());
    List<?> values = (List<?>) doc.root().orElseThrow().toJava();
    assertEquals(Arrays.asList(0L, -12L, 1.5, 2000.0, -0.0, 1.2345678901234567E19), values);
    assertEquals("2e3", ((JsonNumber) ((JsonArray) doc.root().orElseThrow()).elements().get(3)).raw());
  }

  @Test
  void pathLookupTreatsDottedSettingNamesAsOneKey() {
    JsoncDocument doc = Jsonc.parse(
        "{\"go.toolsEnvVars\": {\"PATH\": \"/opt/go/bin\"}, \"go\": {\"toolsEnvVars\": 1}, \"a\": [{\"b\": 2}]}");
    JsonNode root = doc.root().orElseThrow();
    assertEquals("/opt/go/bin",
        ((JsonString) JsoncPath.find(root, List.of("go.toolsEnvVars", "PATH")).orElseThrow()).value());
    assertEquals(1L, JsoncPath.find(root, List.of("go", "toolsEnvVars")).orElseThrow().toJava());
    assertEquals(2L, JsoncPath.find(root, List.of("a", "0", "b")).orElseThrow().toJava());
    assertTrue(JsoncPath.find(root, List.of("a", "1")).isEmpty());
    assertTrue(JsoncPath.find(root, List.of("go.toolsEnvVars", "PATH", "x")).isEmpty());
    assertEquals("PATH", JsoncPath.findProperty(root, List.of("go.toolsEnvVars", "PATH")).orElseThrow().key().value());
    assertEquals(root, JsoncPath.find(root, List.of()).orElseThrow());
  }

  @Test
  void duplicateKeysResolveToTheLastOneAsVsCodeDoes() {
    String text = "{\n  \"go.goroot\": \"/a\",\n  \"go.goroot\": \"/b\"\n}";
    JsoncDocument doc = Jsonc.parseSettings(text);
    JsonObject root = doc.rootObject().orElseThrow();
    assertEquals(2, root.properties().size(), "both stay in the tree for editing");
    assertEquals("/b", ((JsonString) JsoncPath.find(root, List.of("go.goroot")).orElseThrow()).value());
    assertTrue(root.isOverridden(0));
    assertFalse(root.isOverridden(1));
    assertEquals(Map.of("go.goroot", "/b"), root.toJava());
    assertEquals(1, doc.errors().size());
    assertEquals("duplicate key 'go.goroot' (the last one wins in VS Code) at line 3, column 3",
        doc.errors().get(0).message());
  }

  @Test
  void emptyAndCommentOnlyTextsHaveNoRootAndNoError() {
    for (String text : List.of("", "   \n\t", "// nothing\n/* here */", "\uFEFF")) {
      JsoncDocument doc = Jsonc.parseSettings(text);
      assertTrue(doc.root().isEmpty(), text);
      assertEquals(List.of(), doc.errors(), text);
    }
  }

  @Test
  void aRealisticSettingsFileParsesCleanly() throws IOException {
    String text = resource("/jsonc/realistic-settings.jsonc");
    JsoncDocument doc = Jsonc.parseSettings(text);
    assertEquals(List.of(), doc.errors());
    JsonNode root = doc.root().orElseThrow();
    assertEquals("${env:HOME}/sdk/go1.22.5",
        ((JsonString) JsoncPath.find(root, List.of("go.goroot")).orElseThrow()).value());
    assertEquals("local", ((JsonString) JsoncPath.find(root, List.of("go.toolsEnvVars", "GOTOOLCHAIN")).orElseThrow()).value());
    assertInstanceOf(JsonObject.class, JsoncPath.find(root, List.of("gopls")).orElseThrow());
    assertEquals(true, JsoncPath.find(root, List.of("gopls", "ui.semanticTokens")).orElseThrow().toJava());
  }

  static String resource(String name) throws IOException {
    try (InputStream in = JsoncParserTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
