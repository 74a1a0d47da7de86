package dev.goenvdoctor.probe.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.goenvdoctor.testing.TestTools;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each go.mod fixture is also given to the real go command (apt Go 1.19, {@code go mod edit -json}): what
 * it reads, we read; every error it prints, we report on the same line with the same words (Go 1.19 says
 * "must match format 1.23" where current x/mod says "1.23.0", so its message must be a prefix of ours).
 */
class GoModAgainstGoCommandTest {
  private static final Pattern ERROR_LINE = Pattern.compile("^(.+go\\.mod):(\\d+)(?::\\d+)?: (.*)$");

  @TempDir Path dir;

  static Stream<String> fixtures() throws IOException, URISyntaxException {
    Path fixtures = Path.of(GoModAgainstGoCommandTest.class.getResource("/workspace/gomod").toURI());
    try (Stream<Path> files = Files.list(fixtures)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mod")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void weReadWhatTheGoCommandReads(String fixture) throws Exception {
    Path go = TestTools.systemFile("/usr/lib/go-1.19/bin/go");
    Path goMod = dir.resolve("go.mod");
    Files.copy(GoModAgainstGoCommandTest.class.getResourceAsStream("/workspace/gomod/" + fixture), goMod);

    ProcessBuilder pb = new ProcessBuilder(go.toString(), "mod", "edit", "-json").directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(Map.of("HOME", dir.toString(), "GOPATH", dir.resolve("gopath").toString(),
        "GOCACHE", dir.resolve("cache").toString(), "GOENV", "off", "GOFLAGS", "", "PATH", "/usr/bin:/bin"));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = pb.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "go mod edit finished");

    String text = Files.readString(goMod, StandardCharsets.UTF_8);
    GoModFile ours = GoModParser.parse(goMod.toString(), text, GoModFile.Kind.GO_MOD);
    if (process.exitValue() == 0) {
      JsonObject json = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
      assertEquals(json.getAsJsonObject("Module").get("Path").getAsString(), ours.module().orElseThrow().value());
      assertEquals(json.get("Go").getAsString(), ours.go().orElseThrow().value());
      assertEquals(List.of(), ours.problems());
      return;
    }
    List<String> goErrors = new ArrayList<>();
    for (String line : Files.readAllLines(err)) {
      Matcher m = ERROR_LINE.matcher(line);
      if (m.matches()) {
        goErrors.add(line);
        int lineNumber = Integer.parseInt(m.group(2));
        String message = m.group(3);
        boolean found = ours.problems().stream().anyMatch(p ->
            p.location().range().startLine() + 1 == lineNumber && p.message().startsWith(message));
        assertTrue(found, () -> "go said <" + line + ">; we said " + ours.problems().stream().map(WorkspaceProblem::display).toList());
      }
    }
    assertFalse(goErrors.isEmpty(), () -> "go failed without a parse error: " + read(err));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
