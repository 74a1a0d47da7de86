package dev.goenvdoctor.jsonc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken settings files: each must give a clear message at the right place, and never an exception. */
class JsoncMalformedTest {

  static Stream<Arguments> malformed() {
    return Stream.of(
        // truncated at every kind of place
        Arguments.of("truncated after '{'", "{", "unterminated object: the '{' at line 1, column 1 has no matching '}' (found the end of the file)"),
        Arguments.of("truncated after key", "{\"go.goroot\"", "expected ':' after property name 'go.goroot' at line 1, column 13 (found the end of the file)"),
        Arguments.of("truncated after colon", "{\"go.goroot\":", "expected a value for 'go.goroot' at line 1, column 14 (found the end of the file)"),
        Arguments.of("truncated after value", "{\"a\": 1", "unterminated object: the '{' at line 1, column 1 has no matching '}' (found the end of the file)"),
        Arguments.of("truncated after comma", "{\"a\": 1,\n", "unterminated object: the '{' at line 1, column 1 has no matching '}' (found the end of the file)"),
        Arguments.of("truncated array", "{\"a\": [1, 2", "unterminated array: the '[' at line 1, column 7 has no matching ']' (found the end of the file)"),
        Arguments.of("truncated inside literal", "{\"a\": tr", "invalid value 'tr' (expected a string, number, object, array, true, false or null) at line 1, column 7"),
        // strings
        Arguments.of("unterminated string at EOF", "{\"a\": \"abc", "unterminated string: the string that starts at line 1, column 7 has no closing '\"'"),
        Arguments.of("unterminated string at line end", "{\n  \"a\": \"abc\n}", "unterminated string: the string that starts at line 2, column 8 is cut by a line break (a string cannot span lines)"),
        Arguments.of("unterminated key", "{\"go.goroot", "unterminated string: the string that starts at line 1, column 2 has no closing '\"'"),
        Arguments.of("invalid escape", "{\"a\": \"C:\\go\"}", "invalid escape '\\g' in a string at line 1, column 10"),
        Arguments.of("short unicode escape", "{\"a\": \"\\u12\"}", "invalid unicode escape '\\u12' (needs 4 hex digits) at line 1, column 8"),
        Arguments.of("non-hex unicode escape", "{\"a\": \"\\uZZZZ\"}", "invalid unicode escape '\\u' (needs 4 hex digits) at line 1, column 8"),
        Arguments.of("raw tab in string", "{\"a\": \"x\ty\"}", "control character U+0009 must be escaped in a string at line 1, column 9"),
        Arguments.of("single-quoted string", "{\"a\": 'x'}", "invalid value 'x': strings must use double quotes at line 1, column 7"),
        // comments
        Arguments.of("unterminated block comment", "{\"a\": 1 /* note", "unterminated comment: the '/*' at line 1, column 9 is never closed with '*/'"),
        Arguments.of("lone slash", "{\"a\": 1 / 2}", "expected ',' or '}' after property value at line 1, column 9 (found '/')"),
        Arguments.of("hash comment", "{\n# go settings\n\"a\": 1}", "expected a property name in double quotes or '}' at line 2, column 1 (found '#')"),
        // structure
        Arguments.of("missing comma between properties", "{\n  \"a\": 1\n  \"b\": 2\n}", "expected ',' or '}' after property value at line 3, column 3 (found '\"b\"')"),
        Arguments.of("missing colon", "{\"a\" 1}", "expected ':' after property name 'a' at line 1, column 6 (found '1')"),
        Arguments.of("unquoted key", "{go.goroot: \"/x\"}", "expected a property name in double quotes or '}' at line 1, column 2 (found 'go.goroot')"),
        Arguments.of("double comma", "{\"a\": 1,, \"b\": 2}", "unexpected ',' (expected a property name or '}') at line 1, column 9"),
        Arguments.of("leading comma", "{, \"a\": 1}", "unexpected ',' (expected a property name or '}') at line 1, column 2"),
        Arguments.of("missing comma in array", "[1 2]", "expected ',' or ']' after array element at line 1, column 4 (found '2')"),
        Arguments.of("double comma in array", "[1,,2]", "unexpected ',' (expected a value or ']') at line 1, column 4"),
        Arguments.of("mismatched bracket", "{\"a\": [1}", "expected ',' or ']' after array element at line 1, column 9 (found '}')"),
        Arguments.of("stray closing bracket", "{\"a\": 1]}", "expected ',' or '}' after property value at line 1, column 8 (found ']')"),
        Arguments.of("content after root", "{}\n{}", "unexpected '{' after the end of the object at line 2, column 1"),
        Arguments.of("closing brace first", "}", "expected a value at line 1, column 1 (found '}')"),
        // numbers and literals
        Arguments.of("leading zero", "{\"a\": 01}", "invalid number '01' at line 1, column 7"),
        Arguments.of("hex number", "{\"a\": 0x1F}", "invalid number '0x1F' at line 1, column 7"),
        Arguments.of("plus sign", "{\"a\": +1}", "invalid number '+1' at line 1, column 7"),
        Arguments.of("trailing dot", "{\"a\": 1.}", "invalid number '1.' at line 1, column 7"),
        Arguments.of("NaN", "{\"a\": NaN}", "invalid value 'NaN' (expected a string, number, object, array, true, false or null) at line 1, column 7"),
        Arguments.of("capitalised literal", "{\"a\": True}", "invalid value 'True' (expected a string, number, object, array, true, false or null) at line 1, column 7"),
        // duplicates and roots
        Arguments.of("duplicate key", "{\"go.goroot\": \"/a\",\n\"go.goroot\": \"/b\"}", "duplicate key 'go.goroot' (the last one wins in VS Code) at line 2, column 1"),
        Arguments.of("array root", "[{\"go.goroot\": \"/a\"}]", "settings must be a JSON object (found an array at line 1, column 1)"),
        Arguments.of("string root", "\"go.goroot\"", "settings must be a JSON object (found a string at line 1, column 1)"),
        Arguments.of("number root", "  42", "settings must be a JSON object (found a number at line 1, column 3)"),
        Arguments.of("null root", "// x\nnull", "settings must be a JSON object (found a null at line 2, column 1)"),
        Arguments.of("garbage root", "go.goroot=/usr/lib/go", "settings must be a JSON object (found no valid value at line 1, column 1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void eachMistakeIsNamedWithItsPosition(String name, String text, String expected) {
    JsoncDocument doc = Jsonc.parseSettings(text);
    List<String> messages = doc.errors().stream().map(JsoncError::message).toList();
    assertTrue(messages.contains(expected), () -> "expected <" + expected + "> among " + messages);
    for (JsoncError e : doc.errors()) {
      assertTrue(e.offset() >= 0 && e.offset() + e.length() <= text.length(), () -> "error span inside the text: " + e);
    }
  }

  @Test
  void tenThousandLevelsOfNestingAreCappedNotAStackOverflow() {
    int depth = 10_000;
    String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    String arrays = "[".repeat(depth) + "]".repeat(depth);
    String unclosed = "{\"a\":[".repeat(depth);
    for (String text : List.of(objects, arrays, unclosed)) {
      JsoncDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Jsonc.parse(text));
      assertTrue(doc.errors().get(0).message().startsWith("nesting deeper than 512 levels; the nested value was skipped at line 1"),
          doc.errors().get(0).message());
      // the tree is bounded, so recursive walks over it are safe
      assertFalse(String.valueOf(doc.root().orElseThrow().toJava()).isEmpty());
    }
    JsoncDocument objectsDoc = Jsonc.parse(objects);
    assertEquals(1, objectsDoc.errors().size(), "the enclosing objects close normally: " + objectsDoc.errors());
    assertEquals(512, depthOf(objectsDoc.root().orElseThrow()));
  }

  @Test
  void nestingUpToTheLimitIsKept() {
    String text = "[".repeat(512) + "]".repeat(512);
    JsoncDocument doc = Jsonc.parse(text);
    assertEquals(List.of(), doc.errors());
    assertEquals(512, depthOf(doc.root().orElseThrow()));
  }

  @Test
  void tenMegabytesParseInBoundedTime() {
    StringBuilder big = new StringBuilder("{\n");
    int i = 0;
    while (big.length() < 10_000_000) {
      big.append("  // setting ").append(i).append("\n  \"key.").append(i).append("\": [\"value\", ").append(i)
          .append(", {\"nested\": true}],\n");
      i++;
    }
    big.append("  \"go.goroot\": \"/usr/local/go\"\n}");
    String text = big.toString();
    JsoncDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Jsonc.parseSettings(text));
    assertEquals(List.of(), doc.errors());
    assertEquals("/usr/local/go", JsoncPath.find(doc.root().orElseThrow(), List.of("go.goroot")).orElseThrow().toJava());
    assertEquals(i + 1, doc.rootObject().orElseThrow().properties().size());
  }

  @Test
  void tenMegabytesOfGarbageStopAfterAFixedNumberOfErrors() {
    String garbage = "{" + "x ,: ] ".repeat(1_500_000);
    JsoncDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Jsonc.parseSettings(garbage));
    assertEquals(ErrorSink.MAX_ERRORS + 1, doc.errors().size());
    assertTrue(doc.errors().get(doc.errors().size() - 1).message().startsWith("too many errors (200); stopped checking at line 1"));
  }

  @Test
  void aTenMegabyteStringIsOneToken() {
    String text = "{\"a\": \"" + "x".repeat(10_000_000) + "\"}";
    JsoncDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Jsonc.parseSettings(text));
    assertEquals(List.of(), doc.errors());
    assertEquals(10_000_000, ((String) JsoncPath.find(doc.root().orElseThrow(), List.of("a")).orElseThrow().toJava()).length());
  }

  @Test
  void invalidUtf8BytesDecodedWithReplacementDoNotBreakTheParse() {
    byte[] bytes = "{\"go.goroot\": \"/opt/go\u0000\", \"b\": 1}".getBytes(StandardCharsets.UTF_8);
    int nul = indexOf(bytes, (byte) 0);
    bytes[nul] = (byte) 0xC3; // a lead byte with no continuation
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    JsoncDocument doc = Jsonc.parseSettings(decoded);
    assertEquals(List.of(), doc.errors());
    assertEquals(Map.of("go.goroot", "/opt/go\uFFFD", "b", 1L), doc.root().orElseThrow().toJava());

    byte[] outside = "{\"a\": 1, \u0000}".getBytes(StandardCharsets.UTF_8);
    outside[indexOf(outside, (byte) 0)] = (byte) 0xFF;
    JsoncDocument bad = Jsonc.parseSettings(new String(outside, StandardCharsets.UTF_8));
    assertEquals("expected a property name in double quotes or '}' at line 1, column 10 (found '\uFFFD')",
        bad.errors().get(0).message());
    assertEquals(Map.of("a", 1L), bad.root().orElseThrow().toJava());
  }

  @Test
  void loneSurrogatesSurvive() {
    JsoncDocument escaped = Jsonc.parseSettings("{\"a\": \"\\ud800x\", \"b\": \"\\udc00\"}");
    assertEquals(List.of(), escaped.errors());
    assertEquals("\ud800x", escaped.rootObject().orElseThrow().get("a").orElseThrow().toJava());
    // a raw lone surrogate in the text (possible in a Java string from an editor buffer)
    JsoncDocument raw = Jsonc.parseSettings("{\"a\": \"\ud800\", \"\udfff\": \ud800}");
    assertEquals("\ud800", raw.rootObject().orElseThrow().get("a").orElseThrow().toJava());
    assertEquals(1, raw.errors().size(), raw.errors().toString());
  }

  @Test
  void theTreeBuiltSoFarIsKeptAfterAnError() {
    JsoncDocument doc = Jsonc.parseSettings("{\n  \"go.goroot\": \"/usr/local/go\",\n  \"go.gopath\": ,\n  \"go.toolsEnvVars\": {\"A\": \"1\"}\n");
    assertEquals(Map.of("go.goroot", "/usr/local/go", "go.toolsEnvVars", Map.of("A", "1")), doc.root().orElseThrow().toJava());
    assertEquals(List.of(
        "expected a value for 'go.gopath' at line 3, column 16 (found ',')",
        "unterminated object: the '{' at line 1, column 1 has no matching '}' (found the end of the file)"),
        doc.errors().stream().map(JsoncError::message).toList());
    assertFalse(doc.rootObject().orElseThrow().closed());
    assertTrue(doc.rootObject().orElseThrow().property("go.gopath").orElseThrow().value().isEmpty());
  }

  @Test
  void nullInputIsAnEmptyDocument() {
    assertTrue(Jsonc.parse(null).root().isEmpty());
  }

  private static int depthOf(JsonNode node) {
    int depth = 0;
    JsonNode current = node;
    while (true) {
      if (current instanceof JsonObject o && !o.properties().isEmpty() && o.properties().get(0).value().isPresent()) {
        depth++;
        current = o.properties().get(0).value().get();
      } else if (current instanceof JsonArray a && !a.elements().isEmpty()) {
        depth++;
        current = a.elements().get(0);
      } else {
        return current instanceof JsonObject || current instanceof JsonArray ? depth + 1 : depth;
      }
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
