package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.go.GoSetting;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Settings that switch off Go's module authentication for more than private code: GOSUMDB=off,
 * GONOSUMDB / GOPRIVATE / GOINSECURE patterns that match every module or a whole public host, and
 * {@code -insecure} in GOFLAGS.
 */
final class ChecksumDbDisabledRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("checksum-db-disabled", "GED602", Severity.WARNING,
      "GOSUMDB=off, or GONOSUMDB/GOPRIVATE/GOINSECURE/GOFLAGS settings that are too broad.");

  /** Hosts where a pattern naming the whole host covers the public ecosystem, not a team's private code. */
  private static final Set<String> PUBLIC_HOSTS = Set.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org",
      "golang.org", "google.golang.org", "go.googlesource.com", "cloud.google.com", "gopkg.in", "k8s.io", "sigs.k8s.io",
      "go.uber.org", "go.opentelemetry.io", "git.sr.ht");
  private static final Pattern WILDCARD_ONLY = Pattern.compile("[*?]+");
  private static final Pattern ANY_HOST_IN_TLD = Pattern.compile("[*?]+\\.[A-Za-z*?]+");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** One setting that is too broad, and what it does. */
  private record Broad(GoEnvironmentSetting setting, String effect) {}

  @Override
  public List<Finding> check(Snapshot snapshot) {
    GoEnvironmentLookup lookup = new GoEnvironmentLookup(snapshot);
    List<Broad> problems = new ArrayList<>();
    for (Layer layer : lookup.layers()) {
      GoEnvironmentSetting sumdb = lookup.setting(layer, "GOSUMDB");
      if (sumdb.value().strip().equals("off")) {
        problems.add(new Broad(sumdb, "the go command checks no newly downloaded module against the checksum database"
            + " (sum.golang.org by default), public modules included"));
      }
      GoEnvironmentSetting nosumdb = lookup.setting(layer, "GONOSUMDB");
      broadPattern(nosumdb.value()).ifPresent(what -> problems.add(new Broad(nosumdb,
          "the go command skips the checksum database for " + what + ", public modules included")));
      if (!nosumdb.isSet()) { // GOPRIVATE is only GONOSUMDB's default
        GoEnvironmentSetting gonoprivate = lookup.setting(layer, "GOPRIVATE");
        broadPattern(gonoprivate.value()).ifPresent(what -> problems.add(new Broad(gonoprivate,
            "the go command treats " + what + " as private and skips the checksum database and the proxy for them")));
      }
      GoEnvironmentSetting insecure = lookup.setting(layer, "GOINSECURE");
      broadPattern(insecure.value()).ifPresent(what -> problems.add(new Broad(insecure,
          "the go command may fetch " + what + " directly over plain HTTP or without checking certificates"
              + " (GOINSECURE does not turn off the checksum database)")));
      GoEnvironmentSetting goflags = lookup.setting(layer, "GOFLAGS");
      if (Stream.of(goflags.value().strip().split("\\s+")).anyMatch(ChecksumDbDisabledRule::isInsecureFlag)) {
        problems.add(new Broad(goflags, "since Go 1.17, go get stops with: go: -insecure flag is no longer"
            + " supported; use GOINSECURE instead. Go 1.16 and older fetched over insecure schemes with -insecure and"
            + " skipped checksum validation"));
      }
    }
    problems.removeIf(b -> !b.setting().certain());
    List<Finding> findings = new ArrayList<>();
    // One finding per setting line, naming every layer it reaches.
    List<GoEnvironmentSetting> settings = problems.stream().map(Broad::setting).toList();
    GoEnvironmentSetting.byCause(settings).forEach((cause, group) -> {
      Broad first = problems.stream().filter(b -> b.setting().cause().equals(cause)).findFirst().orElseThrow();
      findings.add(finding(lookup, first, GoEnvironmentSetting.layersOf(group)));
    });
    return findings;
  }

  static boolean isInsecureFlag(String word) {
    String w = word.startsWith("--") ? word.substring(1) : word;
    return w.equals("-insecure") || (w.startsWith("-insecure=") && !w.substring("-insecure=".length())
        .toLowerCase(Locale.ROOT).matches("false|0|f"));
  }

  /**
   * What a comma-separated list of module path patterns covers when too much: "every module" for
   * {@code *} or {@code *}{@code /*}, "every module on github.com" for {@code github.com} or {@code github.com/*},
   * "every module on a .com host" for {@code *.com}. Empty for anything narrower.
   */
  static Optional<String> broadPattern(String value) {
    for (String raw : value.split(",")) {
      String pattern = raw.strip();
      while (pattern.endsWith("/")) {
        pattern = pattern.substring(0, pattern.length() - 1);
      }
      if (pattern.isEmpty()) {
        continue;
      }
      List<String> elements = new ArrayList<>(List.of(pattern.split("/")));
      while (!elements.isEmpty() && WILDCARD_ONLY.matcher(elements.get(elements.size() - 1)).matches()) {
        elements.remove(elements.size() - 1);
      }
      if (elements.isEmpty()) {
        return Optional.of("every module (" + pattern + ")");
      }
      String host = elements.get(0).toLowerCase(Locale.ROOT);
      if (elements.size() == 1 && ANY_HOST_IN_TLD.matcher(host).matches()) {
        return Optional.of("every module on hosts matching " + host + " (" + pattern + ")");
      }
      if (elements.size() == 1 && PUBLIC_HOSTS.contains(host)) {
        return Optional.of("every module on " + host + " (" + pattern + ")");
      }
    }
    return Optional.empty();
  }

  private static Finding finding(GoEnvironmentLookup lookup, Broad broad, List<LayerId> layers) {
    Snapshot snapshot = lookup.snapshot();
    String home = snapshot.machine().home();
    GoEnvironmentSetting s = broad.setting();
    String assignment = s.name() + "=" + s.value();
    String advice = switch (s.name()) {
      case "GOFLAGS" -> "Remove -insecure from GOFLAGS; use GOINSECURE for the few hosts that need it.";
      case "GOINSECURE" -> "List only the hosts that really have no HTTPS, e.g. GOINSECURE=git.internal.example.com.";
      case "GOSUMDB" -> "Remove it to return to the default, and list only your private module paths in GOPRIVATE,"
          + " e.g. GOPRIVATE=git.example.com/team/*.";
      default -> "List only your private module paths in GOPRIVATE, e.g. GOPRIVATE=git.example.com/team/*.";
    };
    String message = assignment + " " + GoEnvironmentText.origin(s, home) + " in "
        + GoEnvironmentText.layers(layers, lookup.layers().size()) + ": " + broad.effect() + ". " + advice;
    Findings finding = Findings.of(INFO, message).at(lookup.locate(s.origin(), false)).evidence(s.origin());
    if (s.source() == GoSetting.Source.USER_ENV_FILE) {
      finding.command("go env -u " + s.name());
    }
    s.origin().ifPresent(origin -> {
      String where = GoEnvironmentText.where(origin, home);
      if (s.name().equals("GOFLAGS")) {
        String rest = GoEnvironmentFixes.withoutFlags(s.value(), ChecksumDbDisabledRule::isInsecureFlag);
        finding.fix(GoEnvironmentFixes.replace(snapshot, lookup.root(), "GOFLAGS", origin, rest,
            "Remove -insecure from GOFLAGS in " + where, true));
      } else {
        // Not preferred: the setting may be what lets private modules build; the user narrows it.
        finding.fix(GoEnvironmentFixes.remove(snapshot, lookup.root(), s.name(), origin,
            "Remove " + assignment + " from " + where, false));
      }
    });
    return finding.build();
  }
}
