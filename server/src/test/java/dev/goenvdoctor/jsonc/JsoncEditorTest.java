package dev.goenvdoctor.jsonc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Golden tests: each edit of a settings text gives exactly the expected text. */
class JsoncEditorTest {
  private static final List<String> GOROOT = List.of("go.goroot");
  private static final List<String> GOTOOLCHAIN = List.of("go.toolsEnvVars", "GOTOOLCHAIN");

  @Nested
  class ReplacingAValue {
    @Test
    void onlyTheValueSpanChangesAndCommentsStay() {
      String before = """
          {
              // pinned by the team
              "go.goroot": /* old */ "/usr/lib/go-1.18", // see README
              "go.useLanguageServer": true
          }
          """;
      JsoncEditResult result = JsoncEditor.set(before, GOROOT, "/usr/local/go");
      assertEquals(List.of(new JsoncEdit(before.indexOf("\"/usr/lib"), "\"/usr/lib/go-1.18\"".length(), "\"/usr/local/go\"")),
          result.edits());
      assertEquals(before.replace("\"/usr/lib/go-1.18\"", "\"/usr/local/go\""), result.applyTo(before));
    }

    @Test
    void aNestedKeyWithADotIsOneKey() {
      String before = "{\n\t\"go.toolsEnvVars\": {\n\t\t\"GOTOOLCHAIN\": \"auto\",\n\t\t\"GOFLAGS\": \"-mod=mod\"\n\t}\n}\n";
      assertSet(before, GOTOOLCHAIN, "local", before.replace("\"auto\"", "\"local\""));
    }

    @Test
    void anObjectValueIsWrittenOverLinesAtThePropertysIndentation() {
      String before = """
          {
            "gopls": {
              "build.env": {}
            }
          }""";
      Map<String, Object> env = new LinkedHashMap<>();
      env.put("GOFLAGS", "-tags=integration");
      env.put("GOTOOLCHAIN", "local");
      assertSet(before, List.of("gopls", "build.env"), env, """
          {
            "gopls": {
              "build.env": {
                "GOFLAGS": "-tags=integration",
                "GOTOOLCHAIN": "local"
              }
            }
          }""");
    }

    @Test
    void inAnObjectWrittenOnOneLineTheValueStaysOnTheLine() {
      assertSet("{\"go.toolsEnvVars\": {\"GOFLAGS\": \"\"}}", List.of("go.toolsEnvVars"), Map.of("GOFLAGS", "-v"),
          "{\"go.toolsEnvVars\": {\"GOFLAGS\": \"-v\"}}");
    }

    @Test
    void theLastOfDuplicateKeysIsTheOneVsCodeReadsSoItIsTheOneReplaced() {
      String before = "{\n  \"go.goroot\": \"/a\",\n  \"go.goroot\": \"/b\"\n}";
      assertSet(before, GOROOT, "/c", "{\n  \"go.goroot\": \"/a\",\n  \"go.goroot\": \"/c\"\n}");
    }

    @Test
    void anEscapedKeyMatchesItsDecodedName() {
      assertSet("{\"go.\\u0067oroot\": \"/a\"}", GOROOT, "/b", "{\"go.\\u0067oroot\": \"/b\"}");
    }

    @Test
    void theSameValueWrittenTheSameWayNeedsNoEdit() {
      JsoncEditResult result = JsoncEditor.set("{\n  \"go.goroot\": \"/usr/local/go\"\n}", GOROOT, "/usr/local/go");
      assertFalse(result.isRefused());
      assertFalse(result.changesText());
    }

    @Test
    void nullIsAValueLikeAnyOther() {
      assertSet("{\n    \"go.goroot\": \"/x\"\n}", GOROOT, null, "{\n    \"go.goroot\": null\n}");
      assertSet("{}", GOROOT, null, "{\n    \"go.goroot\": null\n}");
    }

    @Test
    void aByteOrderMarkAndCrlfStay() {
      String before = "\uFEFF{\r\n    \"go.goroot\": \"/a\"\r\n}\r\n";
      assertSet(before, GOROOT, "/b", "\uFEFF{\r\n    \"go.goroot\": \"/b\"\r\n}\r\n");
    }
  }

  @Nested
  class AddingAProperty {
    @Test
    void afterTheLastPropertyWithTheFilesFourSpaces() {
      assertSet("""
          {
              "editor.tabSize": 4,
              "go.useLanguageServer": true
          }
          """, GOROOT, "/usr/local/go", """
          {
              "editor.tabSize": 4,
              "go.useLanguageServer": true,
              "go.goroot": "/usr/local/go"
          }
          """);
    }

    @Test
    void withTabsAndCrlf() {
      assertSet("{\r\n\t\"editor.tabSize\": 4\r\n}", GOROOT, "/usr/local/go",
          "{\r\n\t\"editor.tabSize\": 4,\r\n\t\"go.goroot\": \"/usr/local/go\"\r\n}");
    }

    @Test
    void withTwoSpaces() {
      assertSet("{\n  \"a\": 1\n}\n", List.of("b"), List.of("x", "y"), "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    \"y\"\n  ]\n}\n");
    }

    @Test
    void theCommaGoesBeforeATrailingLineComment() {
      assertSet("""
          {
              "editor.tabSize": 4 // as the team uses
          }""", GOROOT, "/usr/local/go", """
          {
              "editor.tabSize": 4, // as the team uses
              "go.goroot": "/usr/local/go"
          }""");
    }

    @Test
    void aTrailingCommaIsReusedAndTheCommentAfterItStays() {
      assertSet("""
          {
              "editor.tabSize": 4, // as the team uses
          }""", GOROOT, "/usr/local/go", """
          {
              "editor.tabSize": 4, // as the team uses
              "go.goroot": "/usr/local/go"
          }""");
    }

    @Test
    void aBlockCommentAfterTheLastValueStaysOnItsLine() {
      assertSet("{\n    \"a\": 1 /* one */\n}", List.of("b"), 2, "{\n    \"a\": 1, /* one */\n    \"b\": 2\n}");
    }

    @Test
    void commentedOutSettingsBelowTheLastPropertyStayBelow() {
      assertSet("""
          {
              "go.useLanguageServer": true,
              // "go.goroot": "/usr/lib/go-1.18",
              /* "go.gopath": "/tmp" */
          }
          """, GOROOT, "/usr/local/go", """
          {
              "go.useLanguageServer": true,
              "go.goroot": "/usr/local/go"
              // "go.goroot": "/usr/lib/go-1.18",
              /* "go.gopath": "/tmp" */
          }
          """);
    }

    @Test
    void theParentObjectIsCreatedWhenMissing() {
      assertSet("""
          {
          \t"go.goroot": "/usr/local/go"
          }
          """, GOTOOLCHAIN, "local", """
          {
          \t"go.goroot": "/usr/local/go",
          \t"go.toolsEnvVars": {
          \t\t"GOTOOLCHAIN": "local"
          \t}
          }
          """);
    }

    @Test
    void intoAnExistingNestedObjectWithItsOwnIndentation() {
      assertSet("""
          {
            "go.toolsEnvVars": {
                "GOFLAGS": "-mod=mod"
            }
          }""", GOTOOLCHAIN, "local", """
          {
            "go.toolsEnvVars": {
                "GOFLAGS": "-mod=mod",
                "GOTOOLCHAIN": "local"
            }
          }""");
    }

    @Test
    void intoALanguageBlock() {
      assertSet("""
          {
              "[go]": {
                  "editor.formatOnSave": true
              }
          }""", List.of("[go]", "editor.defaultFormatter"), "golang.go", """
          {
              "[go]": {
                  "editor.formatOnSave": true,
                  "editor.defaultFormatter": "golang.go"
              }
          }""");
    }

    @Test
    void intoAnObjectOnOneLine() {
      assertSet("{\"a\": 1}", List.of("b"), Map.of("c", true), "{\"a\": 1, \"b\": {\"c\": true}}");
      assertSet("{ \"a\": 1, }", List.of("b"), 2, "{ \"a\": 1, \"b\": 2 }");
    }

    @Test
    void intoAnEmptyNestedObject() {
      assertSet("{\n    \"go.toolsEnvVars\": {}\n}", GOTOOLCHAIN, "local",
          "{\n    \"go.toolsEnvVars\": {\n        \"GOTOOLCHAIN\": \"local\"\n    }\n}");
      assertSet("{\"go.toolsEnvVars\": {}}", GOTOOLCHAIN, "local", "{\"go.toolsEnvVars\": {\"GOTOOLCHAIN\": \"local\"}}");
    }

    @Test
    void whenTheClosingBraceSharesTheLastLine() {
      assertSet("{ \"a\": 1,\n  \"b\": 2 }", List.of("c"), 3, "{ \"a\": 1,\n  \"b\": 2,\n  \"c\": 3 }");
    }

    @Test
    void aKeyIsEscapedAsJsonStringifyDoes() {
      assertSet("{}", List.of("a\"b\\c\u0001\u2028"), "\t\ud800", "{\n    \"a\\\"b\\\\c\\u0001\u2028\": \"\\t\\ud800\"\n}");
    }
  }

  @Nested
  class EmptyTexts {
    @Test
    void anEmptyObjectGetsTheLayoutVsCodeWrites() {
      assertSet("{}", GOROOT, "/usr/local/go", "{\n    \"go.goroot\": \"/usr/local/go\"\n}");
      assertSet("{ }\n", GOROOT, "/usr/local/go", "{\n    \"go.goroot\": \"/usr/local/go\"\n}\n");
      assertSet("{\r\n}\r\n", GOROOT, "/x", "{\r\n    \"go.goroot\": \"/x\"\r\n}\r\n");
    }

    @Test
    void anEmptyObjectWithOnlyCommentsKeepsThem() {
      assertSet("{\n\t// settings for this repository\n}\n", GOROOT, "/x",
          "{\n\t// settings for this repository\n\t\"go.goroot\": \"/x\"\n}\n");
      assertSet("{ /* none yet */ }", GOROOT, "/x", "{ /* none yet */\n    \"go.goroot\": \"/x\"\n}");
    }

    @Test
    void anEmptyTextGetsARootObject() {
      assertSet("", GOTOOLCHAIN, "local", "{\n    \"go.toolsEnvVars\": {\n        \"GOTOOLCHAIN\": \"local\"\n    }\n}");
      assertSet("\n", GOROOT, "/x", "{\n    \"go.goroot\": \"/x\"\n}\n");
      assertSet("\uFEFF", GOROOT, "/x", "\uFEFF{\n    \"go.goroot\": \"/x\"\n}");
    }

    @Test
    void aCommentOnlyTextGetsTheObjectBelowItsComments() {
      assertSet("// workspace settings\r\n", GOROOT, "/x", "// workspace settings\r\n{\r\n    \"go.goroot\": \"/x\"\r\n}\r\n");
      assertSet("/* a */ // b", GOROOT, "/x", "/* a */ // b\n{\n    \"go.goroot\": \"/x\"\n}");
    }

    @Test
    void aNewSettingsFileIsWhatVsCodeWouldWrite() {
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("go.goroot", "/usr/local/go");
      settings.put("go.toolsEnvVars", Map.of("GOTOOLCHAIN", "local"));
      assertEquals("{\n    \"go.goroot\": \"/usr/local/go\",\n    \"go.toolsEnvVars\": {\n        \"GOTOOLCHAIN\": \"local\"\n    }\n}",
          JsoncEditor.newSettingsText(settings));
      assertEquals("{}", JsoncEditor.newSettingsText(Map.of()));
      // the same text as setting the values one by one into an empty file
      String stepwise = JsoncEditor.set("", GOROOT, "/usr/local/go").applyTo("");
      stepwise = JsoncEditor.set(stepwise, GOTOOLCHAIN, "local").applyTo(stepwise);
      assertEquals(JsoncEditor.newSettingsText(settings), stepwise);
    }
  }

  @Nested
  class Removing {
    @Test
    void aMiddlePropertyGoesWithItsLineAndComma() {
      assertRemove("""
          {
              "a": 1,
              "go.goroot": "/usr/lib/go-1.18", // the old one
              "b": 2
          }
          """, GOROOT, """
          {
              "a": 1,
              "b": 2
          }
          """);
    }

    @Test
    void theFirstPropertyLeavesTheCommentsOfOthersInPlace() {
      assertRemove("""
          {
              // Go
              "go.goroot": "/x",
              // language server
              "go.useLanguageServer": true
          }""", GOROOT, """
          {
              // Go
              // language server
              "go.useLanguageServer": true
          }""");
    }

    @Test
    void theLastPropertyTakesThePreviousComma() {
      assertRemove("{\r\n\t\"a\": 1, // one\r\n\t\"go.goroot\": \"/x\"\r\n}\r\n", GOROOT, "{\r\n\t\"a\": 1 // one\r\n}\r\n");
    }

    @Test
    void aTrailingCommaStyleIsKept() {
      assertRemove("{\n  \"a\": 1,\n  \"go.goroot\": \"/x\",\n}", GOROOT, "{\n  \"a\": 1,\n}");
    }

    @Test
    void theOnlyPropertyLeavesAnEmptyObject() {
      assertRemove("{\n    \"go.goroot\": \"/x\"\n}\n", GOROOT, "{}\n");
      assertRemove("{\n    // keep me\n    \"go.goroot\": \"/x\"\n}\n", GOROOT, "{\n    // keep me\n}\n");
    }

    @Test
    void everyDuplicateGoesSoNoOlderValueComesBack() {
      assertRemove("{\n  \"go.goroot\": \"/a\",\n  \"b\": 1,\n  \"go.goroot\": \"/c\"\n}", GOROOT, "{\n  \"b\": 1\n}");
    }

    @Test
    void onOneLine() {
      assertRemove("{\"a\": 1, \"go.goroot\": \"/x\", \"b\": 2}", GOROOT, "{\"a\": 1, \"b\": 2}");
      assertRemove("{\"a\": 1, \"go.goroot\": \"/x\"}", GOROOT, "{\"a\": 1}");
      assertRemove("{\"go.goroot\": \"/x\", \"a\": 1}", GOROOT, "{\"a\": 1}");
      assertRemove("{\"a\": 1, /* c */ \"go.goroot\": \"/x\"}", GOROOT, "{\"a\": 1 /* c */}");
    }

    @Test
    void aNestedKey() {
      assertRemove("""
          {
              "go.toolsEnvVars": {
                  "GOFLAGS": "-mod=mod",
                  "GOTOOLCHAIN": "local"
              }
          }""", GOTOOLCHAIN, """
          {
              "go.toolsEnvVars": {
                  "GOFLAGS": "-mod=mod"
              }
          }""");
    }

    @Test
    void nothingThereMeansNoEdit() {
      for (String text : List.of("", "// only a comment", "{}", "{\"a\": 1}", "{\"go.toolsEnvVars\": \"x\"}")) {
        JsoncEditResult result = JsoncEditor.remove(text, GOTOOLCHAIN);
        assertFalse(result.isRefused(), text);
        assertEquals(List.of(), result.edits(), text);
      }
    }
  }

  @Nested
  class Refusals {
    @Test
    void aSyntaxErrorInAnObjectOnThePath() {
      assertRefused(JsoncEditor.set("{\n  \"a\": 1\n  \"b\": 2\n}", GOROOT, "/x"),
          "cannot edit \"go.goroot\": the text has a syntax error where the edit would go: expected ',' or '}' after property value at line 3, column 3 (found '\"b\"')");
      assertRefused(JsoncEditor.remove("{\n  \"go.goroot\": \"/x\"\n  \"b\": 2\n}", GOROOT), "expected ',' or '}'");
      assertRefused(JsoncEditor.set("{\n  \"go.toolsEnvVars\": {\"A\": 1 \"B\": 2}\n}", GOTOOLCHAIN, "local"), "line 2");
    }

    @Test
    void anUnclosedRootOrTextAfterIt() {
      assertRefused(JsoncEditor.set("{\n  \"a\": 1,\n", GOROOT, "/x"), "unterminated object");
      assertRefused(JsoncEditor.set("{\"a\": 1} x", GOROOT, "/x"), "after the end of the object");
      assertRefused(JsoncEditor.set("/* unterminated", GOROOT, "/x"), "unterminated comment");
    }

    @Test
    void aRootThatIsNotAnObject() {
      assertRefused(JsoncEditor.set("[1, 2]", GOROOT, "/x"),
          "cannot edit: settings must be a JSON object, but the text holds an array at line 1, column 1");
      assertRefused(JsoncEditor.remove("\"go\"", GOROOT), "holds a string");
    }

    @Test
    void aParentThatIsNotAnObject() {
      assertRefused(JsoncEditor.set("{\"go.toolsEnvVars\": \"GOTOOLCHAIN=local\"}", GOTOOLCHAIN, "local"),
          "cannot edit \"go.toolsEnvVars\" > \"GOTOOLCHAIN\": the setting \"go.toolsEnvVars\" holds a string, not an object");
      assertRefused(JsoncEditor.set("{\"go.toolsEnvVars\": null}", GOTOOLCHAIN, "local"), "holds a null, not an object");
      assertRefused(JsoncEditor.set("{\"a\": [{}]}", List.of("a", "0", "b"), 1), "holds an array, not an object");
    }

    @Test
    void errorsInsideAnotherCompleteValueDoNotBlock() {
      String before = "{\n  \"files.exclude\": [1 2],\n  \"go.goroot\": \"/a\"\n}";
      assertSet(before, GOROOT, "/b", before.replace("/a", "/b"));
      assertSet(before, List.of("go.gopath"), "/g", "{\n  \"files.exclude\": [1 2],\n  \"go.goroot\": \"/a\",\n  \"go.gopath\": \"/g\"\n}");
    }

    @Test
    void aBrokenValueBeingReplacedDoesNotBlock() {
      assertSet("{\n  \"go.toolsEnvVars\": {\"A\": 1 \"B\": 2}\n}", List.of("go.toolsEnvVars"), Map.of(),
          "{\n  \"go.toolsEnvVars\": {}\n}");
    }

    @Test
    void aRefusalHasNoEditsAndCannotBeApplied() {
      JsoncEditResult refused = JsoncEditor.set("[]", GOROOT, "/x");
      assertTrue(refused.isRefused());
      assertEquals(List.of(), refused.edits());
      assertThrows(IllegalStateException.class, () -> refused.applyTo("[]"));
    }

    @Test
    void callerMistakesThrow() {
      assertThrows(IllegalArgumentException.class, () -> JsoncEditor.set("{}", List.of(), 1));
      assertThrows(IllegalArgumentException.class, () -> JsoncEditor.set("{}", Arrays.asList("a", null), 1));
      assertThrows(IllegalArgumentException.class, () -> JsoncEditor.set("{}", GOROOT, new Object()));
      assertThrows(IllegalArgumentException.class, () -> JsoncEditor.set("{}", GOROOT, Double.NaN));
      assertThrows(IllegalArgumentException.class, () -> JsoncEditor.set("{}", GOROOT, Map.of(1, 2)));
      List<Object> loop = new ArrayList<>();
      loop.add(loop);
      assertThrows(IllegalArgumentException.class, () -> JsoncEditor.set("{}", GOROOT, loop));
      assertThrows(IllegalArgumentException.class,
          () -> JsoncEditor.apply("abc", List.of(new JsoncEdit(1, 1, ""), new JsoncEdit(0, 1, ""))));
      assertThrows(IllegalArgumentException.class, () -> JsoncEditor.apply("abc", List.of(new JsoncEdit(2, 5, ""))));
    }
  }

  @Test
  void valuesAreWrittenAsJsonStringifyWritesThem() {
    List<Object> values = Arrays.asList(2.0, 0.5, -3L, 7, new BigDecimal("1.50"), true, null, "a/b\u007f", List.of(),
        Map.of());
    assertSet("{\"v\": 0}", List.of("v"), values,
        "{\"v\": [2, 0.5, -3, 7, 1.50, true, null, \"a/b\u007f\", [], {}]}");
  }

  @Test
  void applyJoinsEditsInOrder() {
    assertEquals("xaYc", JsoncEditor.apply("abc", List.of(new JsoncEdit(0, 0, "x"), new JsoncEdit(1, 1, "Y"))));
  }

  /** Asserts the edited text, and that the edits are sorted, apart, and keep every other character. */
  static void assertSet(String before, List<String> path, Object value, String expected) {
    JsoncEditResult result = JsoncEditor.set(before, path, value);
    assertFalse(result.isRefused(), () -> result.refusal().orElse(""));
    assertEquals(expected, result.applyTo(before));
    assertOutsideKept(before, result.edits(), expected);
  }

  static void assertRemove(String before, List<String> path, String expected) {
    JsoncEditResult result = JsoncEditor.remove(before, path);
    assertFalse(result.isRefused(), () -> result.refusal().orElse(""));
    assertEquals(expected, result.applyTo(before));
    assertOutsideKept(before, result.edits(), expected);
  }

  static void assertRefused(JsoncEditResult result, String messagePart) {
    assertTrue(result.isRefused(), "expected a refusal, got " + result.edits());
    assertTrue(result.refusal().orElseThrow().contains(messagePart), result.refusal().orElseThrow());
  }

  /**
   * Walks both texts edit by edit, without applying anything: every character outside the edited spans
   * must be in the new text unchanged, and every edit's content must stand where the edit says.
   */
  static void assertOutsideKept(String before, List<JsoncEdit> edits, String after) {
    int oldPos = 0;
    int newPos = 0;
    for (JsoncEdit edit : edits) {
      assertTrue(edit.offset() >= oldPos, "edits sorted and apart: " + edits);
      int keep = edit.offset() - oldPos;
      assertEquals(before.substring(oldPos, edit.offset()), after.substring(newPos, newPos + keep));
      newPos += keep;
      assertEquals(edit.content(), after.substring(newPos, newPos + edit.content().length()));
      newPos += edit.content().length();
      oldPos = edit.end();
    }
    assertEquals(before.substring(oldPos), after.substring(newPos));
  }
}
