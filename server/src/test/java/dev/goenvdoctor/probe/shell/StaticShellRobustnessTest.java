package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticShellRobustnessTest {
  @TempDir Path tmp;

  @Property(tries = 150)
  void anyFileContentGivesAResultInEveryShellAndMode(
      @ForAll @StringLength(max = 300) @Chars({'$', '{', '}', '(', ')', '"', '\'', '\\', '`', ';', '&', '|', '<', '>',
          '\n', ' ', '~', ':', '=', '*', '#', '[', ']', '!', '-'}) @CharRange(from = 'a', to = 'z') String text)
      throws IOException {
    Path dir = Files.createTempDirectory("startup-prop");
    try {
      StartupScenario s = StartupScenario.empty(dir)
          .write("/home/u/.bash_profile", "if x; then\n" + text + "\nfi\n" + text)
          .write("/home/u/.profile", text)
          .write("/home/u/.zshenv", text)
          .write("/home/u/.config/fish/config.fish", text + "\nbegin\n" + text + "\nend\n");
      for (ShellKind kind : ShellKind.values()) {
        for (ShellMode mode : ShellMode.values()) {
          StaticShellResult r = s.run(kind, mode);
          assertNotNull(r.pathValue());
        }
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void runawayRecursionLoopsAndDeepSourcesAreBounded() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.bash_profile", String.join("\n",
            "f() { f; }",
            "f",
            "for x in $(seq 1 100000) a b c; do export GOPATH=$x; done",
            "while true; do :; done",
            ". ~/.d1",
            "export GOFLAGS=-end",
            ""));
    for (int i = 1; i <= 15; i++) {
      s.write("/home/u/.d" + i, ". ~/.d" + (i + 1) + "\nexport GOBIN=/d" + i + "\n");
    }
    StaticShellResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> s.run(ShellKind.BASH,
        ShellMode.LOGIN));
    assertEquals("-end", r.variable("GOFLAGS").orElseThrow().value());
    assertEquals("/d1", r.variable("GOBIN").orElseThrow().value());
    assertTrue(r.files().stream().anyMatch(f -> f.status() == StartupFileStatus.TOO_DEEP));
    assertTrue(r.notes().stream().anyMatch(n -> n.kind() == StartupNote.Kind.LIMIT));
  }

  @Test
  void budgetStopsAnExplodingFunctionTree() {
    StringBuilder text = new StringBuilder("f0() { export GOPATH=/leaf; }\n");
    for (int i = 1; i <= 20; i++) {
      text.append("f").append(i).append("() { f").append(i - 1).append("; f").append(i - 1).append("; }\n");
    }
    text.append("f20\nexport GOFLAGS=-after\n");
    StartupScenario s = StartupScenario.empty(tmp).write("/home/u/.profile", text.toString());
    StaticShellResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> s.run(ShellKind.BASH,
        ShellMode.LOGIN));
    assertTrue(r.notes().stream().anyMatch(n -> n.kind() == StartupNote.Kind.LIMIT), r.notes().toString());
    assertEquals("/leaf", r.variable("GOPATH").orElseThrow().value());
  }

  @Test
  void unknownShellAndMissingHomeStillAnswer() {
    StartupScenario s = StartupScenario.empty(tmp);
    s.env.remove("HOME");
    StaticShellResult unknown = s.run(ShellKind.UNKNOWN, ShellMode.LOGIN);
    assertEquals("/usr/bin:/bin", unknown.pathValue());
    assertTrue(unknown.notes().stream().anyMatch(n -> n.message().contains("unknown login shell")));
    StaticShellResult bash = s.run(ShellKind.BASH, ShellMode.TERMINAL);
    assertEquals("/usr/bin:/bin", bash.pathValue());
    assertTrue(bash.notes().stream().anyMatch(n -> n.message().contains("HOME")));
  }
}
