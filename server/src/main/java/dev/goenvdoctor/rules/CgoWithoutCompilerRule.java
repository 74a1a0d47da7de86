package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoSetting;
import dev.goenvdoctor.probe.host.OsInfo;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CGO_ENABLED=1 is set explicitly and the layer's PATH has no C compiler (CC, else gcc). Since Go 1.20
 * the go command turns cgo off by itself when CGO_ENABLED and CC are unset and gcc is missing; the
 * explicit setting removes that, and cgo builds fail.
 */
final class CgoWithoutCompilerRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("cgo-without-compiler", "GED606", Severity.ERROR,
      "CGO_ENABLED=1 is set and that layer has no C compiler.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** A layer with cgo forced on and the compiler it lacks. */
  private record Missing(GoEnvironmentSetting cgo, String compiler, boolean ccSet) {}

  @Override
  public List<Finding> check(Snapshot snapshot) {
    GoEnvironmentLookup lookup = new GoEnvironmentLookup(snapshot);
    Map<GoEnvironmentSetting.Cause, List<Missing>> byCause = new LinkedHashMap<>();
    for (Layer layer : lookup.layers()) {
      GoEnvironmentSetting cgo = lookup.setting(layer, "CGO_ENABLED");
      if (!cgo.certain() || !cgo.value().strip().equals("1") || layer.path().isEmpty()) {
        continue; // not forced on, or a PATH we do not know
      }
      String cc = lookup.setting(layer, "CC").value();
      Optional<String> compiler = compilerName(cc);
      if (compiler.isEmpty() || found(lookup.root(), layer, compiler.get())) {
        continue;
      }
      byCause.computeIfAbsent(cgo.cause(), k -> new ArrayList<>()).add(new Missing(cgo, compiler.get(), !cc.isBlank()));
    }
    List<Finding> findings = new ArrayList<>();
    byCause.forEach((cause, missing) -> findings.add(finding(lookup, missing)));
    return findings;
  }

  /** The program CC names (its first word), {@code gcc} when CC is unset; empty when it cannot be told. */
  static Optional<String> compilerName(String cc) {
    String value = cc.strip();
    if (value.isEmpty()) {
      return Optional.of("gcc");
    }
    String first = value.split("\\s+")[0];
    if (first.length() >= 2 && (first.startsWith("\"") && first.endsWith("\"") || first.startsWith("'") && first.endsWith("'"))) {
      first = first.substring(1, first.length() - 1);
    }
    if (first.isEmpty() || first.contains("\"") || first.contains("'") || first.contains("$")) {
      return Optional.empty();
    }
    return Optional.of(first);
  }

  /** True when the layer's lookup of {@code compiler} finds an executable, or the answer depends on the working directory. */
  private static boolean found(Root root, Layer layer, String compiler) {
    if (compiler.contains("/")) {
      return !compiler.startsWith("/") || root.isExecutableFile(compiler);
    }
    for (PathEntry e : layer.path()) {
      if (e.dir().startsWith("/") && root.isExecutableFile(Root.join(e.dir(), compiler))) {
        return true;
      }
    }
    return false;
  }

  private static Finding finding(GoEnvironmentLookup lookup, List<Missing> missing) {
    Snapshot snapshot = lookup.snapshot();
    String home = snapshot.machine().home();
    GoEnvironmentSetting cgo = missing.get(0).cgo();
    String compiler = missing.get(0).compiler();
    boolean ccSet = missing.stream().anyMatch(Missing::ccSet);
    List<LayerId> layers = missing.stream().map(m -> m.cgo().layer()).distinct().toList();
    String lacking = layers.size() == lookup.layers().size() && layers.size() > 1 ? "any layer"
        : GoEnvironmentText.join(layers.stream().map(GoEnvironmentText::layer).toList());
    String message = "CGO_ENABLED=1 " + GoEnvironmentText.origin(cgo, home) + ", but there is no " + compiler
        + " on the PATH of " + lacking + "; builds that use cgo fail with: cgo: C compiler \"" + compiler
        + "\" not found: exec: \"" + compiler + "\": executable file not found in $PATH. Install a C compiler, or, if"
        + " you do not need cgo, "
        + (ccSet ? "set CGO_ENABLED=0: with CC set, the go command does not turn cgo off by itself."
            : "remove the setting: since Go 1.20 the go command then turns cgo off by itself when CC is unset and"
                + " gcc is not found.");
    Findings finding = Findings.of(INFO, message).at(lookup.locate(cgo.origin(), false)).evidence(cgo.origin());
    if (compiler.equals("gcc") && debianLike(snapshot.host().os())) {
      finding.command("sudo apt install gcc");
    }
    if (cgo.source() == GoSetting.Source.USER_ENV_FILE) {
      finding.command(ccSet ? "go env -w CGO_ENABLED=0" : "go env -u CGO_ENABLED");
    }
    cgo.origin().ifPresent(origin -> {
      String at = GoEnvironmentText.where(origin, home);
      finding.fix(ccSet
          ? GoEnvironmentFixes.replace(snapshot, lookup.root(), "CGO_ENABLED", origin, "0",
              "Set CGO_ENABLED=0 in " + at + " (no cgo)", false)
          : GoEnvironmentFixes.remove(snapshot, lookup.root(), "CGO_ENABLED", origin,
              "Remove CGO_ENABLED=1 from " + at + " (cgo then turns itself off without a compiler)", false));
    });
    return finding.build();
  }

  private static boolean debianLike(OsInfo os) {
    return os.id().filter(id -> id.equals("debian") || id.equals("ubuntu")).isPresent()
        || os.idLike().contains("debian") || os.idLike().contains("ubuntu");
  }
}
