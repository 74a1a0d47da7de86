package dev.goenvdoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.fix.FixApplier;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.testing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Test helpers for the "VS Code settings" and "Startup files" rule tests: pick a finding and a fix, apply
 * the fix to the scenario's files, and check that the finding is gone, that no other finding appeared and
 * that no file outside the fix changed; run a real shell against a scenario's home directory.
 */
final class SettingsStartupFixHarness {
  private SettingsStartupFixHarness() {}

  /** The only finding of {@code rule} (fails otherwise). */
  static Finding only(List<Finding> findings) {
    assertEquals(1, findings.size(), () -> "expected exactly one finding, got " + findings);
    return findings.get(0);
  }

  /** The fix with this title prefix (fails when absent). */
  static Fix fix(Finding finding, String titlePrefix) {
    return finding.fixes().stream().filter(f -> f.title().startsWith(titlePrefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no fix starting with '" + titlePrefix + "' in " + finding.fixes()));
  }

  /** The preferred fix (fails when there is none or several). */
  static Fix preferred(Finding finding) {
    List<Fix> preferred = finding.fixes().stream().filter(Fix::preferred).toList();
    assertEquals(1, preferred.size(), () -> "expected one preferred fix in " + finding.fixes());
    return preferred.get(0);
  }

  /**
   * Applies {@code fix} to the scenario and takes a new snapshot. Checks: {@code rule} no longer reports
   * anything, no rule of the catalogue reports more than before, and only the fix's files changed.
   */
  static Snapshot applyAndRecheck(Scenario scenario, Rule rule, Fix fix) {
    Snapshot before = scenario.snapshot();
    Map<String, Long> countsBefore = counts(RuleCatalogue.check(before, Set.of()).findings());
    Map<String, byte[]> filesBefore = files(scenario.root().prefix());
    try {
      FixApplier.apply(scenario.root(), fix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, byte[]> filesAfter = files(scenario.root().prefix());
    Set<String> changed = new HashSet<>(filesBefore.keySet());
    changed.addAll(filesAfter.keySet());
    changed.removeIf(f -> filesBefore.containsKey(f) && filesAfter.containsKey(f)
        && Arrays.equals(filesBefore.get(f), filesAfter.get(f)));
    assertTrue(new HashSet<>(fix.files()).containsAll(changed), () -> "files outside the fix changed: " + changed
        + " (fix touches " + fix.files() + ")");
    assertTrue(!changed.isEmpty(), "the fix changed nothing");

    Snapshot after = scenario.snapshot();
    List<Finding> still = rule.check(after);
    assertTrue(still.isEmpty(), () -> "the finding is still there after the fix: " + still);
    Map<String, Long> countsAfter = counts(RuleCatalogue.check(after, Set.of()).findings());
    countsAfter.forEach((slug, n) -> assertTrue(n <= countsBefore.getOrDefault(slug, 0L),
        () -> "the fix made " + slug + " appear: " + RuleCatalogue.check(after, Set.of()).findings()));
    return after;
  }

  private static Map<String, Long> counts(List<Finding> findings) {
    return findings.stream().collect(Collectors.groupingBy(Finding::slug, TreeMap::new, Collectors.counting()));
  }

  /** Every regular file under the scenario root, by machine path. */
  static Map<String, byte[]> files(Path prefix) {
    Map<String, byte[]> out = new HashMap<>();
    try (Stream<Path> walk = Files.walk(prefix)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put("/" + prefix.relativize(p), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Fails unless {@code text} contains every one of {@code parts}. */
  static void contains(String text, String... parts) {
    for (String part : parts) {
      assertTrue(text.contains(part), () -> "expected to find\n  " + part + "\nin\n  " + text);
    }
  }

  /** Fails if {@code text} contains any of {@code parts}. */
  static void lacks(String text, String... parts) {
    for (String part : parts) {
      assertTrue(!text.contains(part), () -> "did not expect\n  " + part + "\nin\n  " + text);
    }
  }

  /** The evidence of a finding as {@code file:line} strings. */
  static List<String> evidence(Finding finding) {
    return finding.evidence().stream().map(p -> p.display()).toList();
  }

  /** The titles of a finding's fixes. */
  static List<String> titles(Finding finding) {
    return finding.fixes().stream().map(Fix::title).toList();
  }

  /** The text of a scenario file. */
  static String read(Scenario scenario, String machinePath) {
    try {
      return Files.readString(scenario.host(machinePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * PATH as printed by a real shell started with {@code args} (e.g. "-l") and HOME set to the scenario's
   * /home/u, from a minimal environment. The machine's own /etc files take part, as they would.
   */
  static String realShellPath(Scenario scenario, String shell, List<String> args) throws InterruptedException {
    Path home = scenario.host("/home/u");
    Map<String, String> env = Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin", "USER", "u", "LOGNAME", "u",
        "TERM", "dumb", "LANG", "C.UTF-8", "ZDOTDIR", home.toString());
    List<String> command = Stream.concat(Stream.concat(Stream.of(shell), args.stream()),
        Stream.of("-c", "printf '%s' \"$PATH\"")).toList();
    ExecResult r = new ProcessExecutor().run(ExecRequest.of(command, env, home.toString(), Duration.ofSeconds(20)));
    assertTrue(r.startError().isEmpty() && !r.timedOut(), () -> shell + " did not run: " + r);
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }
}
