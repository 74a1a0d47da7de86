package dev.goenvdoctor.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process, as a user would from a shell, and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {
  static final Path TESTDATA = Path.of("src/test/testdata");

  static CliRun run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code command} on a scenario directory: its root, its editor env file and its workspace folder. */
  static CliRun onScenario(String scenario, String... command) throws Exception {
    Path dir = TESTDATA.resolve(scenario);
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--root", dir.resolve("root").toString(), "--env", dir.resolve("env").toString(),
        "--workspace", Files.readString(dir.resolve("workspace")).strip()));
    return run(args.toArray(String[]::new));
  }

  JsonObject json() {
    return JsonParser.parseString(out).getAsJsonObject();
  }
}
