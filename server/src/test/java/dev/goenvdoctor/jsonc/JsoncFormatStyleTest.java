package dev.goenvdoctor.jsonc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsoncFormatStyleTest {
  private static JsoncFormatStyle detect(String text) {
    return JsoncFormatStyle.detect(Jsonc.parse(text));
  }

  @Test
  void theIndentationStepIsTheMostUsedOne() {
    assertEquals(new JsoncFormatStyle("\t", "\n"), detect("{\n\t\"a\": {\n\t\t\"b\": 1\n\t}\n}"));
    assertEquals(new JsoncFormatStyle("  ", "\n"), detect("{\n  \"a\": 1,\n  \"b\": {\n    \"c\": 2\n  }\n}"));
    // root at 4, one nested object at 2: four is used twice, two once
    assertEquals("    ", detect("{\n    \"a\": 1,\n    \"b\": {\n      \"c\": 2\n    }\n}").indentUnit());
  }

  @Test
  void aFileWithoutIndentedLinesGetsVsCodesDefault() {
    assertEquals(JsoncFormatStyle.DEFAULT, detect(""));
    assertEquals(JsoncFormatStyle.DEFAULT, detect("{\"a\": {\"b\": 1}}"));
    assertEquals(new JsoncFormatStyle("    ", "\n"), JsoncFormatStyle.DEFAULT);
  }

  @Test
  void theLineEndingIsTheMostUsedOne() {
    assertEquals("\r\n", detect("{\r\n  \"a\": 1\r\n}\n").eol());
    assertEquals("\n", detect("{\n  \"a\": 1\n}\r\n").eol(), "a tie goes to the first one");
    assertEquals("\n", detect("{}").eol());
    assertEquals("\r", detect("{\r  \"a\": 1\r}").eol());
  }

  @Test
  void valuesAreWrittenOverLinesLikeVsCodeFormatsThem() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("list", Arrays.asList("a", null));
    value.put("empty", Map.of());
    value.put("none", List.of());
    assertEquals("{\r\n\t\t\"list\": [\r\n\t\t\t\"a\",\r\n\t\t\tnull\r\n\t\t],\r\n\t\t\"empty\": {},\r\n\t\t\"none\": []\r\n\t}",
        JsoncFormatWriter.multiLine(value, "\t", new JsoncFormatStyle("\t", "\r\n")));
    assertEquals("{\"list\": [\"a\", null], \"empty\": {}, \"none\": []}", JsoncFormatWriter.inline(value));
  }

  @Test
  void numbersAreValidJson() {
    assertEquals("[1, -0.5, 1.0E20, 1.5E-7, 12345678901234567890, 0.1, 3]",
        JsoncFormatWriter.inline(List.of(1.0, -0.5, 1e20, 1.5e-7, new java.math.BigInteger("12345678901234567890"), 0.1f, (short) 3)));
    assertThrows(IllegalArgumentException.class, () -> JsoncFormatWriter.inline(Double.POSITIVE_INFINITY));
  }
}
