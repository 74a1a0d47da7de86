package dev.goenvdoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.fix.FixApplier;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.testing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Assertions shared by the "Versions and pins" and "Tools" rule tests: run one rule, expect exactly one
 * finding with the given slug, severity and location, apply a fix to the scenario's files and check that
 * the finding is gone, that no finding of these groups appeared, and that no other file changed.
 */
final class VersionRuleChecks {
  private VersionRuleChecks() {}

  /** Every rule of the two groups, as the catalogue runs them. */
  static List<Rule> groupRules() {
    List<Rule> rules = new ArrayList<>(VersionRules.all());
    rules.addAll(ToolRules.all());
    return rules;
  }

  /** The one finding {@code rule} reports for the scenario, checked for slug, severity and location. */
  static Finding single(Scenario scenario, Rule rule, Severity severity, String file, int zeroBasedLine) {
    List<Finding> findings = rule.check(scenario.snapshot());
    assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
    Finding f = findings.get(0);
    assertEquals(rule.info().slug(), f.slug());
    assertEquals(rule.info().code(), f.code());
    assertEquals(severity, f.severity(), f::message);
    assertEquals(file, f.location().file(), f::message);
    assertEquals(zeroBasedLine, f.location().range().startLine(), f::message);
    return f;
  }

  static void none(Scenario scenario, Rule rule) {
    List<Finding> findings = rule.check(scenario.snapshot());
    assertTrue(findings.isEmpty(), () -> "expected no finding, got " + findings);
  }

  static void contains(Finding f, String... parts) {
    for (String part : parts) {
      assertTrue(f.message().contains(part), () -> "message lacks \"" + part + "\":\n" + f.message());
    }
  }

  /** Asserts an evidence entry at {@code file}:{@code oneBasedLine}. */
  static void evidence(Finding f, String file, int oneBasedLine) {
    assertTrue(f.evidence().stream().map(Provenance::display).anyMatch((file + ":" + oneBasedLine)::equals),
        () -> "no evidence " + file + ":" + oneBasedLine + " in " + f.evidence().stream().map(Provenance::display).toList());
  }

  static Fix preferredFix(Finding f) {
    List<Fix> preferred = f.fixes().stream().filter(Fix::preferred).toList();
    assertEquals(1, preferred.size(), () -> "expected one preferred fix: " + f.fixes());
    return preferred.get(0);
  }

  static Fix fixTitled(Finding f, String start) {
    return f.fixes().stream().filter(x -> x.title().startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no fix \"" + start + "...\" in " + f.fixes()));
  }

  /**
   * Applies {@code fix}, then checks on a new snapshot (after the log-out-and-in that startup-file fixes
   * need, when {@code relogin}): no finding of {@code rule} at the old location, no finding of these
   * groups at a new slug and location, and every file the fix does not name byte-identical.
   */
  static Snapshot applyAndVerify(Scenario scenario, Rule rule, Finding before, Fix fix, boolean relogin) {
    Snapshot beforeSnapshot = scenario.snapshot();
    Set<String> beforeKeys = keys(beforeSnapshot);
    Map<String, String> filesBefore = files(scenario);
    try {
      FixApplier.apply(scenario.root(), fix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (relogin) {
      relogin(scenario);
    }
    Snapshot after = scenario.snapshot();
    List<Finding> again = rule.check(after);
    assertFalse(again.stream().anyMatch(f -> f.location().file().equals(before.location().file())
        && f.location().range().startLine() == before.location().range().startLine()),
        () -> "finding still there after \"" + fix.title() + "\": " + again);
    for (String key : keys(after)) {
      assertTrue(beforeKeys.contains(key), () -> "a new finding appeared after \"" + fix.title() + "\": " + key);
    }
    Map<String, String> filesAfter = files(scenario);
    Set<String> touched = new HashSet<>();
    fix.files().forEach(f -> touched.add(scenario.host(f).toString()));
    Set<String> allFiles = new HashSet<>(filesBefore.keySet());
    allFiles.addAll(filesAfter.keySet());
    for (String path : allFiles) {
      if (!touched.contains(path)) {
        assertEquals(filesBefore.get(path), filesAfter.get(path), () -> path + " changed, but the fix does not name it");
      }
    }
    return after;
  }

  /** What logging out and back in does to the editor: it inherits the desktop session's PATH again. */
  static void relogin(Scenario scenario) {
    scenario.env("PATH", reloginPath(scenario));
  }

  /** The desktop session's PATH as the startup files build it now. */
  static String reloginPath(Scenario scenario) {
    Optional<Layer> login = scenario.snapshot().layer(LayerId.LOGIN);
    return login.flatMap(l -> l.get("PATH")).orElseThrow(() -> new AssertionError("no login layer PATH"));
  }

  private static Set<String> keys(Snapshot snapshot) {
    Set<String> keys = new HashSet<>();
    for (Rule r : groupRules()) {
      for (Finding f : r.check(snapshot)) {
        keys.add(f.slug() + " @ " + f.location().display());
      }
    }
    return keys;
  }

  /** Every regular file of the scenario with its content (a hash would do; these files are small). */
  private static Map<String, String> files(Scenario scenario) {
    Map<String, String> out = new TreeMap<>();
    Path top = scenario.host("/");
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(p.toString(), Files.size(p) > (1 << 20) ? "size " + Files.size(p) : Files.readString(p, StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
