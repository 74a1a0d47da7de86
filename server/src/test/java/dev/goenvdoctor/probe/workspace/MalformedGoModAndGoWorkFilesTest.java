package dev.goenvdoctor.probe.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.Root;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken go.mod and go.work files on disk, read by the workspace probe as the tool reads a workspace: no exception,
 * no hang (a FIFO, /dev/zero and a symlink loop named go.mod included), and a message that names the file and what
 * is wrong, in the go command's words where it has some. The parsed result keeps what could be read.
 */
class MalformedGoModAndGoWorkFilesTest {
  @TempDir Path dir;

  private static BiConsumer<Path, String> text(String content) {
    return (file, name) -> write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  private static BiConsumer<Path, String> bytes(byte[] content) {
    return (file, name) -> write(file, content);
  }

  private static void write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] withBytes(String before, byte[] middle, String after) {
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] c = after.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[a.length + middle.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(middle, 0, out, a.length, middle.length);
    System.arraycopy(c, 0, out, a.length + middle.length, c.length);
    return out;
  }

  /** file name, a title, how to make the file, a fragment of the expected problem (null: none required), the toolchain read. */
  static Stream<Arguments> cases() {
    byte[] junk = new byte[32 * 1024];
    new Random(11).nextBytes(junk);
    List<Arguments> all = new ArrayList<>();
    all.add(Arguments.of("go.mod", "invalid UTF-8 in the module path", bytes(withBytes("module exa", new byte[] {(byte) 0xC3}, "mple.com/m\ngo 1.21\ntoolchain go1.22.1\n")), null, "go1.22.1"));
    all.add(Arguments.of("go.mod", "a byte order mark", bytes(withBytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "module m\ngo 1.21\n")), ":1: unexpected input character", null));
    all.add(Arguments.of("go.mod", "a NUL byte", text("module m\ngo 1.21\u0000\n"), "file contains a NUL byte", null));
    all.add(Arguments.of("go.mod", "random bytes", bytes(junk), ":", null));
    all.add(Arguments.of("go.mod", "4 MiB of comments and a toolchain line", text("// x\n".repeat(800_000) + "module m\ngo 1.21\ntoolchain go1.22.2\n"), null, "go1.22.2"));
    all.add(Arguments.of("go.mod", "over the 4 MiB limit", text("// " + "x".repeat(5 << 20) + "\n"), "is larger than 4 MiB, so it was not read", null));
    all.add(Arguments.of("go.mod", "100,000 require lines", text("module m\ngo 1.21\n" + "require example.com/x v1.0.0\n".repeat(100_000) + "toolchain go1.22.3\n"), null, "go1.22.3"));
    all.add(Arguments.of("go.mod", "10,000 nested blocks", text("module m\n" + "require (\n".repeat(10_000)), "syntax error (unterminated block started at", null));
    all.add(Arguments.of("go.mod", "a line of one megabyte", text("module m\ngo 1.21\n// " + "y".repeat(1 << 20) + "\ntoolchain go1.22.4\n"), null, "go1.22.4"));
    all.add(Arguments.of("go.mod", "an unterminated block with CRLF line ends", text("module m\r\ngo 1.21\r\nrequire (\r\n\tx v1.0.0\r\n"), "unterminated block", null));
    all.add(Arguments.of("go.mod", "a toolchain line with extra words", text("module m\ngo 1.21\ntoolchain go1.22.0 extra\n"), "toolchain directive expects exactly one argument", null));
    all.add(Arguments.of("go.mod", "a toolchain with a no-break space", text("module m\ngo 1.21\ntoolchain go1.22.0\u00a0\n"), "go.mod:3: unexpected input character", null));
    all.add(Arguments.of("go.mod", "a go version with 30 digits", text("module m\ngo 1.999999999999999999999999999999\n"), null, null));
    all.add(Arguments.of("go.mod", "a module path of 10,000 quotes", text("module " + "\"".repeat(10_000) + "\n"), "go.mod:1: usage: module module/path", null));
    all.add(Arguments.of("go.mod", "an empty file", text(""), null, null));
    all.add(Arguments.of("go.mod", "only comments", text("// nothing\n// here\n"), null, null));
    all.add(Arguments.of("go.mod", "block comments", text("module m\n/* go 1.99 */\ngo 1.21\n"), "mod files must use // comments", null));
    all.add(Arguments.of("go.work", "random bytes", bytes(junk), ":", null));
    all.add(Arguments.of("go.work", "a use that climbs out of the workspace", text("go 1.22\n\nuse ../../../../../../etc\nuse .\ntoolchain go1.22.5\n"), null, "go1.22.5"));
    all.add(Arguments.of("go.work", "a module directive", text("go 1.22\nmodule m\n"), "unknown directive: module", null));
    all.add(Arguments.of("go.work", "an unterminated use block", text("go 1.22\nuse (\n\t./a\n"), "unterminated block", null));
    all.add(Arguments.of("go.work", "a NUL byte", text("go 1.22\u0000\n"), "file contains a NUL byte", null));
    all.add(Arguments.of("go.work", "two toolchain lines", text("go 1.22\ntoolchain go1.22.0\ntoolchain go1.23.0\n"), "repeated toolchain statement", null));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void eachFileGivesARecordAndAMessageNamingIt(String name, String title, BiConsumer<Path, String> make, String expected,
      String toolchain) throws Exception {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    Path file = ws.resolve(name);
    make.accept(file, name);

    FolderFacts folder = probe(ws);

    List<GoModFile> read = name.equals("go.mod") ? folder.goMods() : folder.goWorks();
    assertEquals(1, read.size(), "the file is listed: " + read);
    List<String> shown = read.get(0).problems().stream().map(WorkspaceProblem::display).toList();
    shown.forEach(p -> assertTrue(p.startsWith(file + ":"), "names the file: " + p));
    if (expected != null) {
      assertTrue(shown.stream().anyMatch(p -> p.contains(expected)), "<" + expected + "> among " + cut(shown));
    }
    if (toolchain != null) {
      assertEquals(toolchain, read.get(0).toolchain().orElseThrow().value(), "what could be read is kept");
    }
    assertTrue(shown.size() <= 101, "a bounded number of problems: " + shown.size());
  }

  /** Things named go.mod that are no file to read: skipped at once, never waited on. */
  @ParameterizedTest(name = "go.mod that is {0}")
  @MethodSource("notFiles")
  void aGoModThatIsNotARegularFileIsSkippedWithoutWaiting(String what, BiConsumer<Path, Path> make) throws Exception {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    make.accept(ws.resolve("go.mod"), dir);

    FolderFacts folder = probe(ws);

    assertEquals(List.of(), folder.goMods(), "nothing to read");
  }

  static Stream<Arguments> notFiles() {
    return Stream.of(
        Arguments.of("a FIFO", (BiConsumer<Path, Path>) (file, tmp) -> run("mkfifo", file.toString())),
        Arguments.of("a link to /dev/zero", (BiConsumer<Path, Path>) (file, tmp) -> link(file, Path.of("/dev/zero"))),
        Arguments.of("a symlink loop", (BiConsumer<Path, Path>) (file, tmp) -> {
          link(file, file.resolveSibling("other"));
          link(file.resolveSibling("other"), file);
        }),
        Arguments.of("a directory", (BiConsumer<Path, Path>) (file, tmp) -> run("mkdir", file.toString())));
  }

  private FolderFacts probe(Path ws) {
    WorkspaceFacts facts = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> new WorkspaceProbe(Root.system()).probe(List.of(ws.toString()), dir.resolve("home").toString(), Map.of()));
    return facts.folders().get(0);
  }

  private static void link(Path link, Path target) {
    try {
      Files.createSymbolicLink(link, target);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void run(String... command) {
    try {
      assertEquals(0, new ProcessBuilder(command).start().waitFor());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String cut(List<String> shown) {
    String s = shown.toString();
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }
}
