package dev.goenvdoctor.probe.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinParsersTest {
  private static final String GO_VERSION = "/w/.go-version";
  private static final String TOOL_VERSIONS = "/w/.tool-versions";
  private static final String MISE = "/w/mise.toml";

  private static List<String> raw(PinFile file) {
    return file.versions().stream().map(PinnedVersion::raw).toList();
  }

  // ---- .go-version ----

  @Test
  void goVersionPlainAndShort() {
    PinFile pin = GoVersionFileParser.parse(GO_VERSION, "1.22.5\n");
    assertEquals(PinFile.Kind.GO_VERSION, pin.kind());
    assertEquals("1.22.5", pin.primary().orElseThrow().version());
    assertEquals(new Location(GO_VERSION, TextRange.line(0, 0, 6)), pin.primary().orElseThrow().location());
    assertEquals(List.of(), pin.problems());
    assertEquals("1.22", GoVersionFileParser.parse(GO_VERSION, "1.22").primary().orElseThrow().version());
  }

  @Test
  void goVersionInGvmStyleKeepsTheRawValue() {
    PinnedVersion v = GoVersionFileParser.parse(GO_VERSION, "go1.22.5\n").primary().orElseThrow();
    assertEquals("go1.22.5", v.raw());
    assertEquals("1.22.5", v.version());
    assertTrue(v.goPrefixed());
    assertFalse(GoVersionFileParser.parse(GO_VERSION, "1.22.5").primary().orElseThrow().goPrefixed());
    // a word that merely starts with "go" is not gvm style
    assertEquals("gotip", GoVersionFileParser.parse(GO_VERSION, "gotip").primary().orElseThrow().version());
  }

  @Test
  void goVersionSkipsCommentsBlankLinesAndTrailingWords() {
    PinFile pin = GoVersionFileParser.parse(GO_VERSION, "# pinned for CI\r\n\r\n   1.21.3   # lts\r\n1.20\r\n");
    assertEquals(List.of("1.21.3", "1.20"), raw(pin));
    assertEquals(new Location(GO_VERSION, TextRange.line(2, 3, 9)), pin.versions().get(0).location());
  }

  @Test
  void goVersionDropsPathLikeWordsAsGoenvDoes() {
    PinFile pin = GoVersionFileParser.parse(GO_VERSION, "../../etc\n..\n1.22.1\n");
    assertEquals(List.of("1.22.1"), raw(pin));
    assertEquals(2, pin.problems().size());
    assertEquals("'../../etc' is not a version; goenv ignores it", pin.problems().get(0).message());
  }

  @Test
  void anEmptyGoVersionIsReported() {
    PinFile pin = GoVersionFileParser.parse(GO_VERSION, "# nothing\n\n");
    assertTrue(pin.primary().isEmpty());
    assertEquals("/w/.go-version:1: names no Go version (the file is empty or only comments)", pin.problems().get(0).display());
  }

  // ---- .tool-versions ----

  @Test
  void toolVersionsReadsGolangWithFallbacksAndLocations() {
    String text = "nodejs 20.11.0\n# go for the backend\ngolang 1.22.5 1.21.13 system # newest first\npython 3.12\n";
    PinFile pin = ToolVersionsParser.parse(TOOL_VERSIONS, text);
    assertEquals(PinFile.Kind.TOOL_VERSIONS, pin.kind());
    assertEquals(List.of("1.22.5", "1.21.13", "system"), raw(pin));
    assertEquals("golang", pin.primary().orElseThrow().tool());
    assertEquals(new Location(TOOL_VERSIONS, TextRange.line(2, 7, 13)), pin.versions().get(0).location());
    assertEquals(new Location(TOOL_VERSIONS, TextRange.line(2, 14, 21)), pin.versions().get(1).location());
    assertEquals(List.of(), pin.problems());
  }

  @Test
  void toolVersionsAcceptsMisesGoName() {
    PinFile pin = ToolVersionsParser.parse(TOOL_VERSIONS, "go\t1.23.0\r\n");
    assertEquals("go", pin.primary().orElseThrow().tool());
    assertEquals("1.23.0", pin.primary().orElseThrow().version());
  }

  @Test
  void toolVersionsWithoutGoNamesNothingAndRepeatsAreReported() {
    assertTrue(ToolVersionsParser.parse(TOOL_VERSIONS, "nodejs 20\n").versions().isEmpty());
    assertTrue(ToolVersionsParser.parse(TOOL_VERSIONS, "nodejs 20\n").problems().isEmpty());
    PinFile repeated = ToolVersionsParser.parse(TOOL_VERSIONS, "golang 1.22.0\ngolang 1.21.0\n");
    assertEquals(List.of("1.22.0"), raw(repeated));
    assertEquals("/w/.tool-versions:2: 'golang' is listed again (first on line 1); asdf uses the first line",
        repeated.problems().get(0).display());
    PinFile bare = ToolVersionsParser.parse(TOOL_VERSIONS, "golang\n");
    assertEquals("'golang' is listed without a version", bare.problems().get(0).message());
  }

  // ---- mise.toml ----

  @Test
  void miseStringValueWithItsLocationInsideTheQuotes() {
    String text = "[env]\nGOFLAGS = \"-mod=mod\"\n\n[tools]\nnode = \"20\"\ngo = \"1.22\" # pinned\n";
    PinFile pin = MiseTomlParser.parse(MISE, text);
    assertEquals(PinFile.Kind.MISE_TOML, pin.kind());
    assertEquals(List.of("1.22"), raw(pin));
    assertEquals(new Location(MISE, TextRange.line(5, 6, 10)), pin.primary().orElseThrow().location());
    assertEquals(List.of(), pin.problems());
  }

  @Test
  void miseArrayOfFallbacksEvenOverSeveralLines() {
    PinFile oneLine = MiseTomlParser.parse(MISE, "[tools]\ngo = [\"1.22\", '1.21']\n");
    assertEquals(List.of("1.22", "1.21"), raw(oneLine));
    assertEquals(new Location(MISE, TextRange.line(1, 15, 19)), oneLine.versions().get(1).location());
    PinFile multi = MiseTomlParser.parse(MISE, "[tools]\ngo = [\n  \"1.22\", # newest\n  \"1.21\",\n]\nnode = \"20\"\n");
    assertEquals(List.of("1.22", "1.21"), raw(multi));
    assertEquals(new Location(MISE, TextRange.line(3, 3, 7)), multi.versions().get(1).location());
  }

  @Test
  void miseInlineTableToolsTableAndDottedKey() {
    assertEquals(List.of("1.22"), raw(MiseTomlParser.parse(MISE, "[tools]\ngo = { version = \"1.22\", os = [\"linux\"] }\n")));
    assertEquals(List.of("1.23.1"), raw(MiseTomlParser.parse(MISE, "[tools.go]\nversion = \"1.23.1\"\n")));
    assertEquals(List.of("1.21"), raw(MiseTomlParser.parse(MISE, "tools.go = \"1.21\"\n")));
    assertEquals(List.of("1.21"), raw(MiseTomlParser.parse(MISE, "[tools]\n\"go\" = \"1.21\"\n")));
    assertEquals(List.of("1.20", "1.19"),
        raw(MiseTomlParser.parse(MISE, "[tools]\ngo = [{ version = \"1.20\" }, \"1.19\"]\n")));
  }

  @Test
  void miseIgnoresEverythingElseEvenTrickyContent() {
    String text = String.join("\n",
        "min_version = \"2024.1.0\"",
        "[env]",
        "NOTE = \"\"\"",
        "[tools]",
        "go = \"9.99\"",
        "\"\"\"",
        "LITERAL = '''",
        "go = \"8.88\"",
        "'''",
        "[[tasks.build.depends]]",
        "go = \"7.77\"",
        "[tasks.test]",
        "run = \"go test ./...\"",
        "[tools]",
        "ruby = 3",
        "go = \"1.22.4\"",
        "");
    PinFile pin = MiseTomlParser.parse(MISE, text);
    assertEquals(List.of("1.22.4"), raw(pin));
    assertEquals(List.of(), pin.problems());
  }

  @Test
  void miseReportsAVersionThatIsNotAStringAndDuplicates() {
    PinFile number = MiseTomlParser.parse(MISE, "[tools]\ngo = 1.22\n");
    assertTrue(number.versions().isEmpty());
    assertEquals("/w/mise.toml:2: the Go version should be a quoted string, like \"1.22\" (found 1.22)",
        number.problems().get(0).display());
    PinFile twice = MiseTomlParser.parse(MISE, "[tools]\ngo = \"1.22\"\n[tools.go]\nversion = \"1.21\"\n");
    assertEquals(List.of("1.22"), raw(twice));
    assertEquals("Go is set again (first on line 2); TOML does not allow a key twice", twice.problems().get(0).message());
  }

  @Test
  void miseSurvivesGarbage() {
    for (String text : List.of("[tools", "[tools]\ngo = [\"1.22\"", "[tools]\ngo = \"1.22", "[tools]\ngo =", "= = =\n[[[",
        "[tools]\ngo = {version = ", "\"\"\"", "[tools]\ngo = " + "[".repeat(10_000), "\u0000\uFFFD")) {
      PinFile pin = MiseTomlParser.parse(MISE, text);
      assertTrue(pin.versions().isEmpty(), text);
    }
  }
}
