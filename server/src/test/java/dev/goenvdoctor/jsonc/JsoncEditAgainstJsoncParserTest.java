package dev.goenvdoctor.jsonc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.goenvdoctor.testing.TestTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against the npm package VS Code itself uses to write settings, {@code jsonc-parser}
 * ({@code modify} + {@code applyEdits}, with formatting options matching each file's detected style):
 * on a corpus of real-looking settings files, every set/remove (alone, and chained) must leave a
 * document with the same JSON value as jsonc-parser's, read by both parsers. Where jsonc-parser throws
 * (a parent that is not an object), the editor must refuse. One node process runs all cases.
 */
class JsoncEditAgainstJsoncParserTest {
  private static final int MIN_CORPUS = 50;

  /** A set (value) or remove of one path. */
  record Op(List<String> path, boolean remove, Object value) {
    static Op set(Object value, String... path) {
      return new Op(List.of(path), false, value);
    }

    static Op remove(String... path) {
      return new Op(List.of(path), true, null);
    }

    @Override
    public String toString() {
      return (remove ? "remove " : "set ") + path + (remove ? "" : " = " + value);
    }
  }

  record Case(String id, String file, String text, List<Op> ops) {}

  /** Our result: the edited text, or the refusal. */
  record Outcome(String text, String refusal) {}

  private static final List<Case> CASES = new ArrayList<>();
  private static final Map<String, Outcome> OURS = new HashMap<>();
  private static final Map<String, JsonObject> THEIRS = new HashMap<>();
  private static final Map<String, String> CORPUS = new LinkedHashMap<>();

  private static final String SCRIPT = """
      const jp = require(process.argv[2]);
      let input = '';
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', d => { input += d; });
      process.stdin.on('end', () => {
        const out = JSON.parse(input).map(c => {
          const r = { id: c.id };
          try {
            let text = withoutBom(c.text);
            for (const op of c.ops) {
              const edits = jp.modify(text, op.path, op.remove ? undefined : op.value, { formattingOptions: c.options });
              text = jp.applyEdits(text, edits);
            }
            r.text = text;
            r.value = read(text);
          } catch (e) {
            r.error = String(e && e.message ? e.message : e);
          }
          if (c.ours !== null) { r.oursValue = read(c.ours); }
          return r;
        });
        process.stdout.write(JSON.stringify(out));
      });
      // VS Code drops the byte order mark when it reads a file: its editors and parsers never see it
      function withoutBom(text) {
        return text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text;
      }
      function read(text) {
        const errors = [];
        const v = jp.parse(withoutBom(text), errors, { allowTrailingComma: true });
        return { json: v === undefined ? '<none>' : JSON.stringify(v), errors: errors.length };
      }
      """;

  @BeforeAll
  static void runBothEditors() throws IOException, InterruptedException, URISyntaxException {
    Path jsoncParser = TestTools.npmFile("jsonc-parser", "package.json").getParent();
    Path node = TestTools.systemFile("/usr/bin/node");
    Path corpus = Path.of(JsoncEditAgainstJsoncParserTest.class.getResource("/jsoncedit/corpus").toURI());
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path file : files.sorted().toList()) {
        CORPUS.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    CORPUS.forEach((name, text) -> {
      List<Op> ops = operations(text);
      for (int i = 0; i < ops.size(); i++) {
        CASES.add(new Case(name + " #" + i, name, text, List.of(ops.get(i))));
      }
      CASES.add(new Case(name + " chain", name, text, chain(text)));
    });
    List<Map<String, Object>> input = new ArrayList<>();
    for (Case c : CASES) {
      Outcome ours = runOurs(c);
      OURS.put(c.id(), ours);
      input.add(toNode(c, ours));
    }
    JsonArray results = runNode(node, jsoncParser, new GsonBuilder().serializeNulls().create().toJson(input));
    for (JsonElement result : results) {
      THEIRS.put(result.getAsJsonObject().get("id").getAsString(), result.getAsJsonObject());
    }
  }

  @Test
  void theCorpusIsLargeAndReadsWithoutErrors() {
    assertTrue(CORPUS.size() >= MIN_CORPUS, "corpus has " + CORPUS.size() + " files");
    CORPUS.forEach((name, text) -> assertEquals(List.of(), Jsonc.parseSettings(text).errors(), name));
    assertTrue(CORPUS.values().stream().anyMatch(t -> t.contains("\r\n")), "a CRLF file");
    assertTrue(CORPUS.values().stream().anyMatch(t -> t.startsWith("\ufeff")), "a BOM file");
    assertTrue(CORPUS.values().stream().anyMatch(t -> t.contains("\n\t\"")), "a tab-indented file");
    assertTrue(CORPUS.values().stream().anyMatch(String::isEmpty), "an empty file");
    assertTrue(CASES.size() >= 10 * MIN_CORPUS, CASES.size() + " cases");
  }

  @Test
  void bothRefuseTheSameCasesAndTheyAreNotRare() {
    long theirErrors = THEIRS.values().stream().filter(r -> r.has("error")).count();
    long bothRefused = CASES.stream()
        .filter(c -> THEIRS.get(c.id()).has("error") && OURS.get(c.id()).refusal() != null)
        .filter(c -> OURS.get(c.id()).refusal().contains("not an object"))
        .count();
    long emptyRemovals = THEIRS.values().stream()
        .filter(r -> r.has("error") && r.get("error").getAsString().contains("Can not delete in empty document"))
        .count();
    assertTrue(bothRefused >= 10, bothRefused + " cases refused by both");
    assertEquals(theirErrors, bothRefused + emptyRemovals, "every jsonc-parser error is a refusal or an empty-text removal");
    long ourRefusals = OURS.values().stream().filter(o -> o.refusal() != null).count();
    assertEquals(bothRefused, ourRefusals, "the editor refuses nothing jsonc-parser edits");
  }

  @TestFactory
  Stream<DynamicTest> sameJsonValueAsJsoncParser() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + c.ops(), () -> compare(c)));
  }

  private static void compare(Case c) {
    Outcome ours = OURS.get(c.id());
    JsonObject theirs = THEIRS.get(c.id());
    assertNotNull(theirs, "no result from node for " + c.id());
    String context = c.id() + " " + c.ops() + "\n--- text ---\n" + c.text() + "\n--- ours ---\n"
        + (ours.text() != null ? ours.text() : "REFUSED: " + ours.refusal())
        + "\n--- jsonc-parser ---\n" + (theirs.has("text") ? theirs.get("text").getAsString() : "ERROR: " + theirs.get("error"));
    if (theirs.has("error")) {
      String error = theirs.get("error").getAsString();
      if (error.contains("Can not delete in empty document")) {
        // jsonc-parser throws; there is nothing to remove, so the editor leaves the text as it is
        assertEquals(c.text(), ours.text(), context);
        return;
      }
      assertTrue(ours.refusal() != null, "jsonc-parser refused (" + error + ") but the editor did not\n" + context);
      return;
    }
    if (ours.refusal() != null) {
      fail("the editor refused (" + ours.refusal() + ") where jsonc-parser edited\n" + context);
    }
    JsonObject theirValue = theirs.getAsJsonObject("value");
    JsonObject ourValue = theirs.getAsJsonObject("oursValue");
    assertEquals(0, ourValue.get("errors").getAsInt(), "jsonc-parser finds errors in our result\n" + context);
    if (theirValue.get("errors").getAsInt() > 0) {
      // jsonc-parser 3.3.1 leaves a stray comma when it removes the only property of an object and that
      // property had a trailing comma; its reader recovers from it, so the values still compare
      System.out.println("jsonc-parser's own result has a syntax error (ours has none): " + c.id() + " " + c.ops());
    }
    assertEquals(jsonOf(theirValue), jsonOf(ourValue), "read by jsonc-parser\n" + context);
    // and read by our parser
    JsoncDocument ourDoc = Jsonc.parse(ours.text());
    JsoncDocument theirDoc = Jsonc.parse(theirs.get("text").getAsString());
    assertEquals(List.of(), ourDoc.errors(), context);
    assertEquals(theirDoc.root().map(JsonNode::toJava), ourDoc.root().map(JsonNode::toJava), "read by our parser\n" + context);
    assertEquals(c.text().startsWith("\ufeff"), ours.text().startsWith("\ufeff"), "BOM kept\n" + context);
  }

  private static JsonElement jsonOf(JsonObject read) {
    String json = read.get("json").getAsString();
    return json.equals("<none>") ? null : JsonParser.parseString(json);
  }

  /** The operations tried on every file, each on its own, plus ones on the file's first and last keys. */
  private static List<Op> operations(String text) {
    Map<String, Object> gosettings = new LinkedHashMap<>();
    gosettings.put("GOFLAGS", "-tags=integration");
    gosettings.put("GOTOOLCHAIN", "local");
    List<Op> ops = new ArrayList<>(List.of(
        Op.set("/usr/local/go", "go.goroot"),
        Op.set("local", "go.toolsEnvVars", "GOTOOLCHAIN"),
        Op.set(gosettings, "gopls", "build.env"),
        Op.set(false, "[go]", "editor.formatOnSave"),
        Op.set("/usr/lib/go-1.22/bin/go", "go.alternateTools", "go"),
        Op.set("${env:HOME}/go/bin:${env:PATH}", "terminal.integrated.env.linux", "PATH"),
        Op.set(Arrays.asList("-v", "-count=1", null, 3, 2.5, true, List.of(), Map.of()), "go.testFlags"),
        Op.set(null, "go.useLanguageServer"),
        Op.set("quote\" back\\slash tab\t é \u0001", "go.buildTags"),
        Op.remove("go.goroot"),
        Op.remove("go.gopath"),
        Op.remove("go.toolsEnvVars", "GOROOT"),
        Op.remove("go.toolsEnvVars", "GOTOOLCHAIN"),
        Op.remove("go.toolsEnvVars"),
        Op.remove("[go]", "editor.formatOnSave"),
        Op.remove("gopls")));
    List<String> keys = rootKeys(text);
    if (!keys.isEmpty()) {
      ops.add(Op.remove(keys.get(0)));
      ops.add(Op.remove(keys.get(keys.size() - 1)));
      ops.add(Op.set(42, keys.get(0)));
      ops.add(Op.set(Map.of("nested", List.of(1, 2)), keys.get(keys.size() - 1)));
      ops.add(Op.set("x", keys.get(0), "under.first")); // refused by both when the first value is no object
    }
    return ops;
  }

  /** A fix as a rule would make it: several changes one after the other. */
  private static List<Op> chain(String text) {
    List<Op> ops = new ArrayList<>(List.of(
        Op.set("/usr/local/go", "go.goroot"),
        Op.set("local", "go.toolsEnvVars", "GOTOOLCHAIN"),
        Op.remove("go.gopath"),
        Op.set(false, "gopls", "ui.semanticTokens"),
        Op.remove("go.toolsEnvVars", "GOROOT")));
    List<String> keys = rootKeys(text);
    if (!keys.isEmpty() && !keys.get(0).equals("go.goroot") && !keys.get(0).equals("go.toolsEnvVars")) {
      ops.add(Op.remove(keys.get(0)));
    }
    return ops;
  }

  private static List<String> rootKeys(String text) {
    List<String> keys = new ArrayList<>();
    Jsonc.parse(text).rootObject().ifPresent(root -> root.properties().forEach(p -> keys.add(p.key().value())));
    return keys;
  }

  private static Outcome runOurs(Case c) {
    String text = c.text();
    for (Op op : c.ops()) {
      JsoncEditResult result = op.remove() ? JsoncEditor.remove(text, op.path()) : JsoncEditor.set(text, op.path(), op.value());
      if (result.isRefused()) {
        return new Outcome(null, result.refusal().get());
      }
      JsoncEditorTest.assertOutsideKept(text, result.edits(), result.applyTo(text));
      text = result.applyTo(text);
    }
    return new Outcome(text, null);
  }

  /** The case as the node script reads it, with formatting options from the file's detected style. */
  private static Map<String, Object> toNode(Case c, Outcome ours) {
    JsoncFormatStyle style = JsoncFormatStyle.detect(Jsonc.parse(c.text()));
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("insertSpaces", !style.usesTabs());
    options.put("tabSize", style.usesTabs() ? 4 : style.indentUnit().length());
    options.put("eol", style.eol());
    List<Map<String, Object>> ops = new ArrayList<>();
    for (Op op : c.ops()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("path", op.path());
      o.put("remove", op.remove());
      o.put("value", op.value());
      ops.add(o);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("text", c.text());
    m.put("ops", ops);
    m.put("options", options);
    m.put("ours", ours.text());
    return m;
  }

  private static JsonArray runNode(Path node, Path jsoncParser, String input) throws IOException, InterruptedException {
    Path script = Files.createTempFile("jsonc-parser-modify", ".js");
    try {
      Files.writeString(script, SCRIPT);
      ProcessBuilder pb = new ProcessBuilder(node.toString(), script.toString(), jsoncParser.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().clear();
      Process process = pb.start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out;
      try (InputStream stdout = process.getInputStream()) {
        out = stdout.readAllBytes();
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("node did not finish in 60 s");
      }
      assertEquals(0, process.exitValue(), "node exit status");
      JsonArray results = JsonParser.parseString(new String(out, StandardCharsets.UTF_8)).getAsJsonArray();
      assertFalse(results.isEmpty());
      return results;
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
