package dev.goenvdoctor.probe.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.TextRange;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoModParserTest {
  private static final String MOD = "/w/app/go.mod";
  private static final String WORK = "/w/go.work";

  @Test
  void readsModuleGoToolchainAndGodebugWithExactLocations() {
    String text = String.join("\n",
        "// Copyright line",
        "module \"example.com/app\" // quoted, as go mod edit may write it",
        "",
        "go 1.22 // the minimum",
        "toolchain\tgo1.22.5",
        "",
        "godebug (",
        "\tdefault=go1.21",
        "\tpanicnil=1",
        ")",
        "godebug asynctimerchan=0",
        "",
        "require (",
        "\tgolang.org/x/mod v0.20.0 // indirect",
        ")",
        "replace example.com/a v1.0.0 => ../a",
        "tool golang.org/x/tools/cmd/stringer",
        "");
    GoModFile mod = GoModParser.parse(MOD, text, GoModFile.Kind.GO_MOD);
    assertEquals(List.of(), mod.problems());

    GoDirective module = mod.module().orElseThrow();
    assertEquals("example.com/app", module.value());
    assertEquals(new Location(MOD, TextRange.line(1, 7, 24)), module.valueLocation());
    assertEquals(new Location(MOD, TextRange.line(1, 0, 63)), module.lineLocation());

    GoDirective go = mod.go().orElseThrow();
    assertEquals("1.22", go.value());
    assertEquals(new Location(MOD, TextRange.line(3, 3, 7)), go.valueLocation());
    assertEquals(new Location(MOD, TextRange.line(3, 0, 22)), go.lineLocation());
    assertEquals("/w/app/go.mod:4", go.valueLocation().display());

    GoDirective toolchain = mod.toolchain().orElseThrow();
    assertEquals("go1.22.5", toolchain.value());
    assertEquals(new Location(MOD, TextRange.line(4, 10, 18)), toolchain.valueLocation());

    assertEquals(List.of("default=go1.21", "panicnil=1", "asynctimerchan=0"),
        mod.godebugs().stream().map(GoDirective::value).toList());
    assertEquals(new Location(MOD, TextRange.line(7, 1, 15)), mod.godebugs().get(0).valueLocation());
    assertEquals(new Location(MOD, TextRange.line(7, 0, 15)), mod.godebugs().get(0).lineLocation());

    assertEquals(1, mod.replaces().size());
    assertEquals(List.of("example.com/a", "v1.0.0", "=>", "../a"), mod.replaces().get(0).arguments());
    assertEquals("/w/app", mod.directory());
  }

  @Test
  void goWorkUsesSingleAndBlockFormsWithQuotedPaths() {
    String text = String.join("\n",
        "go 1.23.1",
        "",
        "toolchain go1.23.2",
        "",
        "use (",
        "\t./api // the API",
        "\t\"./web app\"",
        "",
        "\t// a comment line inside the block",
        ")",
        "use ./tools",
        "replace example.com/x => ./x",
        "godebug default=go1.22");
    GoModFile work = GoModParser.parse(WORK, text, GoModFile.Kind.GO_WORK);
    assertEquals(List.of(), work.problems());
    assertEquals("1.23.1", work.go().orElseThrow().value());
    assertEquals("go1.23.2", work.toolchain().orElseThrow().value());
    assertEquals(List.of("./api", "./web app", "./tools"), work.uses().stream().map(GoDirective::value).toList());
    assertEquals(new Location(WORK, TextRange.line(6, 1, 12)), work.uses().get(1).valueLocation());
    assertEquals(new Location(WORK, TextRange.line(10, 4, 11)), work.uses().get(2).valueLocation());
    assertEquals(1, work.replaces().size());
    assertEquals(1, work.godebugs().size());
    assertTrue(work.module().isEmpty());
  }

  @Test
  void crlfLineEndingsAndTabsAreFine() {
    GoModFile mod = GoModParser.parse(MOD, "module m\r\n\r\ngo\t1.21.0\r\ntoolchain go1.22.0\r\n", GoModFile.Kind.GO_MOD);
    assertEquals(List.of(), mod.problems());
    assertEquals(new TextRange(2, 3, 2, 9), mod.go().orElseThrow().valueLocation().range());
    assertEquals(new TextRange(2, 0, 2, 9), mod.go().orElseThrow().lineLocation().range());
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(MOD, "module m\n\ngo 1.x\n", "/w/app/go.mod:3: invalid go version '1.x': must match format 1.23.0"),
        Arguments.of(MOD, "module m\ngo v1.21\n", "/w/app/go.mod:2: invalid go version 'v1.21': must match format 1.23.0"),
        Arguments.of(MOD, "module m\ngo 1.21.0.1\n", "/w/app/go.mod:2: invalid go version '1.21.0.1': must match format 1.23.0"),
        Arguments.of(MOD, "module m\ngo 1.21 1.22\n", "/w/app/go.mod:2: go directive expects exactly one argument"),
        Arguments.of(MOD, "module m\ngo 1.21\ngo 1.22\n", "/w/app/go.mod:3: repeated go statement"),
        Arguments.of(MOD, "module m\ntoolchain 1.22.0\n", "/w/app/go.mod:2: invalid toolchain version '1.22.0': must match format go1.23.0 or default"),
        Arguments.of(MOD, "module m\ntoolchain\n", "/w/app/go.mod:2: toolchain directive expects exactly one argument"),
        Arguments.of(MOD, "module m\ntoolchain go1.22.0\ntoolchain go1.23.0\n", "/w/app/go.mod:3: repeated toolchain statement"),
        Arguments.of(MOD, "module m\nmodule n\n", "/w/app/go.mod:2: repeated module statement"),
        Arguments.of(MOD, "module a b\n", "/w/app/go.mod:1: usage: module module/path"),
        Arguments.of(MOD, "module `m`\n", "/w/app/go.mod:1: invalid quoted string: unquoted string cannot contain quote"),
        Arguments.of(MOD, "module \"a\\q\"\n", "/w/app/go.mod:1: invalid quoted string: invalid syntax"),
        Arguments.of(MOD, "module m\nfrobnicate now\n", "/w/app/go.mod:2: unknown directive: frobnicate"),
        Arguments.of(MOD, "module m\ngo (\n\t1.21\n)\n", "/w/app/go.mod:2: unknown block type: go"),
        Arguments.of(MOD, "module m\nrequire (\n\tx v1.0.0\n", "/w/app/go.mod:4: syntax error (unterminated block started at /w/app/go.mod:2:1)"),
        Arguments.of(MOD, "module m\nrequire (\n\tx v1.0.0\n) extra\n", "/w/app/go.mod:4: syntax error (expected newline after closing paren)"),
        Arguments.of(MOD, "module m\n/* no */\ngo 1.21\n", "/w/app/go.mod:2: mod files must use // comments (not /* */ comments)"),
        Arguments.of(MOD, "module \"m\ngo 1.21\n", "/w/app/go.mod:1: unexpected newline in string"),
        Arguments.of(MOD, "module m\ngo 1.21 \"x", "/w/app/go.mod:2: unexpected EOF in string"),
        Arguments.of(MOD, "module m\ngo\u0001 1.21\n", "/w/app/go.mod:2: unexpected input character '\\x01'"),
        Arguments.of(MOD, "module m\nrequire x\n", "/w/app/go.mod:2: usage: require module/path v1.2.3"),
        Arguments.of(MOD, "module m\nreplace a b\n", "/w/app/go.mod:2: usage: replace module/path [v1.2.3] => other/module v1.4 or replace module/path [v1.2.3] => ../local/directory"),
        Arguments.of(MOD, "module m\ngodebug panicnil\n", "/w/app/go.mod:2: usage: godebug key=value"),
        Arguments.of(MOD, "module m\nuse ./a\n", "/w/app/go.mod:2: unknown directive: use"),
        Arguments.of(WORK, "go 1.22\nmodule m\n", "/w/go.work:2: unknown directive: module"),
        Arguments.of(WORK, "go 1.22\nuse ./a ./b\n", "/w/go.work:2: usage: use local/dir"),
        Arguments.of(WORK, "go 1.22\nrequire (\n)\n", "/w/go.work:2: unknown block type: require"),
        Arguments.of(WORK, "go 1.x\n", "/w/go.work:1: invalid go version '1.x': must match format 1.23.0"),
        Arguments.of(MOD, "module m\ngo 1.21\u0000\n", "/w/app/go.mod:2: file contains a NUL byte (at line 2, column 8): not a text file, so it was not parsed"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("malformed")
  void malformedLinesGetTheGoCommandsWordingAndLine(String path, String text, String expected) {
    GoModFile.Kind kind = path.endsWith("go.work") ? GoModFile.Kind.GO_WORK : GoModFile.Kind.GO_MOD;
    GoModFile file = GoModParser.parse(path, text, kind);
    List<String> shown = file.problems().stream().map(WorkspaceProblem::display).toList();
    assertTrue(shown.contains(expected), () -> "expected <" + expected + "> among " + shown);
  }

  @Test
  void anErrorDoesNotHideTheRestOfTheFile() {
    String text = "module m\n/* bad */\ngo 1.x\ngo 1.22\n\"unterminated\ntoolchain go1.22.3\n";
    GoModFile mod = GoModParser.parse(MOD, text, GoModFile.Kind.GO_MOD);
    assertEquals("m", mod.module().orElseThrow().value());
    // like the go command, an invalid go line does not count, so the next one is taken
    assertEquals("1.22", mod.go().orElseThrow().value());
    assertEquals("go1.22.3", mod.toolchain().orElseThrow().value());
    assertEquals(3, mod.problems().size(), mod.problems().toString());
    // the problem points at the offending token, not the whole line
    WorkspaceProblem badVersion = mod.problems().get(1);
    assertEquals(TextRange.line(2, 3, 6), badVersion.location().range());
  }

  @Test
  void aBadVersionIsAProblemNotAValue() {
    GoModFile mod = GoModParser.parse(MOD, "module m\ngo 1.x\n", GoModFile.Kind.GO_MOD);
    assertTrue(mod.go().isEmpty());
  }

  @Test
  void aRunawayFileStopsAtAFixedNumberOfProblems() {
    String text = "module m\n" + "bogus line\n".repeat(100_000);
    GoModFile mod = GoModParser.parse(MOD, text, GoModFile.Kind.GO_MOD);
    assertEquals(100, mod.problems().size());
  }
}
