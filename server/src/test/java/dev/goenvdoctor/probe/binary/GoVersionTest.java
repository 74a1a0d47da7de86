package dev.goenvdoctor.probe.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's version ordering (src/internal/gover/gover.go) and the forms toolchains and go.mod files use. */
class GoVersionTest {
  /** Strictly ascending, as gover.Compare orders them. */
  private static final List<String> ASCENDING = List.of(
      "1", "1.2", "1.2.1", "1.9", "1.10", "1.18beta1", "1.18rc1", "1.18", "1.18.1", "1.18.10", "1.19.8",
      "1.20rc1", "1.20", "1.20.1",
      "1.21", "1.21rc", "1.21rc1", "1.21rc2", "1.21.0", "1.21.1", "1.21.3rc1", "1.21.3", "1.21.10",
      "1.22", "1.22alpha1", "1.22beta1", "1.22rc1", "1.22.0", "1.22.5", "1.23", "1.27.3", "2.0");

  @Test
  void orderingTable() {
    for (int i = 0; i < ASCENDING.size(); i++) {
      for (int j = 0; j < ASCENDING.size(); j++) {
        GoVersion a = GoVersion.parse(ASCENDING.get(i)).orElseThrow();
        GoVersion b = GoVersion.parse(ASCENDING.get(j)).orElseThrow();
        assertEquals(Integer.compare(i, j), Integer.signum(a.compareTo(b)), ASCENDING.get(i) + " vs " + ASCENDING.get(j));
      }
    }
    List<GoVersion> shuffled = new ArrayList<>(ASCENDING.stream().map(s -> GoVersion.parse(s).orElseThrow()).toList());
    Collections.shuffle(shuffled, new Random(7));
    Collections.sort(shuffled);
    assertEquals(ASCENDING, shuffled.stream().map(GoVersion::toString).toList());
  }

  @ParameterizedTest
  @CsvSource({
      "go1.22.5, 1, 22, 5, ''",
      "go1.21rc2, 1, 21, -1, rc2",
      "go1.19.8, 1, 19, 8, ''",
      "1.21, 1, 21, -1, ''",
      "1.21.0, 1, 21, 0, ''",
      "1.22rc1, 1, 22, -1, rc1",
      "1.20, 1, 20, 0, ''",
      "go1.20, 1, 20, 0, ''",
      "devel go1.23-abc123def Tue Mar 5 10:00:00 2024 +0000, 1, 23, -1, ''",
      "go1.22.5 X:boringcrypto, 1, 22, 5, ''",
      "go1.21.0-bigcorp, 1, 21, 0, ''",
      "' go1.22.5 ', 1, 22, 5, ''"})
  void parses(String text, int major, int minor, int patch, String prerelease) {
    assertEquals(Optional.of(new GoVersion(major, minor, patch, prerelease)), GoVersion.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "go", "go1.", "1.", "1.21.", "01.21", "1.021", "1.21.00", "1.21RC1", "1.21rc01", "1.21-rc1",
      "v1.21", "1.21.1.1", "1.x", "devel +abcdef Tue", "1.1234567890", "go 1.21", "1.21 x", "1.21-foo"})
  void rejects(String text) {
    assertEquals(Optional.empty(), GoVersion.parse(text), text);
  }

  @Test
  void nullIsRejected() {
    assertEquals(Optional.empty(), GoVersion.parse(null));
  }

  @Test
  void languageVersionsAndNames() {
    GoVersion v = GoVersion.parse("go1.22.5").orElseThrow();
    assertEquals("1.22", v.languageVersion());
    assertEquals("1.22.5", v.toString());
    assertEquals("go1.22.5", v.toolchainName());
    assertFalse(v.isLanguageVersion());
    assertTrue(GoVersion.parse("1.21").orElseThrow().isLanguageVersion());
    assertFalse(GoVersion.parse("1.21rc1").orElseThrow().isLanguageVersion());
    assertFalse(GoVersion.parse("1.20").orElseThrow().isLanguageVersion(), "before 1.21, 1.20 means the release 1.20.0");
    assertEquals("1.21", GoVersion.parse("go1.21rc2").orElseThrow().languageVersion());
    assertEquals("1", GoVersion.parse("1").orElseThrow().languageVersion());
    assertEquals("go1.20", GoVersion.parse("1.20.0").orElseThrow().toolchainName(), "Go 1.20's first release was go1.20");
    assertTrue(GoVersion.parse("1.22.0").orElseThrow().atLeast(GoVersion.parse("1.22").orElseThrow()));
    assertFalse(GoVersion.parse("1.21.13").orElseThrow().atLeast(GoVersion.parse("1.22").orElseThrow()));
  }

  @Provide
  Arbitrary<GoVersion> versions() {
    Arbitrary<String> prerelease = Arbitraries.oneOf(Arbitraries.just(""),
        Combinators.combine(Arbitraries.of("alpha", "beta", "rc"), Arbitraries.integers().between(-1, 12))
            .as((k, n) -> n < 0 ? k : k + n));
    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 40),
            Arbitraries.integers().between(-1, 20), prerelease)
        .as(GoVersion::new);
  }

  @Property(tries = 2_000)
  void toStringParsesBackToAnEqualVersion(@ForAll("versions") GoVersion v) {
    GoVersion back = GoVersion.parse(v.toString()).orElseThrow(() -> new AssertionError(v.toString()));
    assertEquals(0, back.compareTo(v), v + " vs " + back);
    assertEquals(back, GoVersion.parse(back.toolchainName()).orElseThrow());
  }

  @Property(tries = 2_000)
  void orderIsAntisymmetricAndTransitive(@ForAll("versions") GoVersion a, @ForAll("versions") GoVersion b,
      @ForAll("versions") GoVersion c) {
    assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)));
    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
      assertTrue(a.compareTo(c) <= 0, a + " <= " + b + " <= " + c);
    }
  }
}
