package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoSetting;
import dev.goenvdoctor.probe.host.HostProbe;
import dev.goenvdoctor.probe.host.Mount;
import dev.goenvdoctor.probe.host.PathMount;
import dev.goenvdoctor.probe.host.Tristate;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory the go command builds in (GOTMPDIR, else TMPDIR, else /tmp) is on a noexec mount, so
 * {@code go run} and {@code go test} cannot start what they built; or a GOTMPDIR/TMPDIR that was set on
 * purpose does not exist, so every build fails to create its work directory.
 */
final class TmpNoexecRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("tmp-noexec", "GED605", Severity.ERROR,
      "The go command's temporary directory is on a `noexec` mount.");
  private static final List<LayerId> EXTENSION_LAYERS = List.of(LayerId.VSCODE_GO, LayerId.GOPLS);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** The temp dir one layer's go command uses, why, and what is wrong with it; equal ones share a finding. */
  private record TempDir(String dir, String variable, Optional<Provenance> origin, GoSetting.Source source, Problem problem,
      Optional<Mount> mount) {}

  private enum Problem { NOEXEC, MISSING }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    GoEnvironmentLookup lookup = new GoEnvironmentLookup(snapshot);
    Map<TempDir, List<LayerId>> layersByDir = new LinkedHashMap<>();
    for (Layer layer : lookup.layers()) {
      tempDir(lookup, layer).ifPresent(t -> layersByDir.computeIfAbsent(t, k -> new ArrayList<>()).add(layer.id()));
    }
    List<Finding> findings = new ArrayList<>();
    layersByDir.forEach((t, layers) -> findings.add(finding(lookup, t, layers)));
    return findings;
  }

  private static Optional<TempDir> tempDir(GoEnvironmentLookup lookup, Layer layer) {
    GoEnvironmentSetting gotmp = lookup.setting(layer, "GOTMPDIR");
    String dir;
    String variable;
    Optional<Provenance> origin;
    GoSetting.Source source;
    if (gotmp.isSet()) {
      dir = gotmp.value();
      variable = "GOTMPDIR";
      origin = gotmp.origin();
      source = gotmp.source();
    } else if (!layer.environment().getOrDefault("TMPDIR", "").isEmpty()) {
      dir = layer.environment().get("TMPDIR");
      variable = "TMPDIR";
      origin = Optional.ofNullable(layer.origins().get("TMPDIR"));
      source = GoSetting.Source.ENVIRONMENT;
    } else {
      dir = "/tmp";
      variable = "";
      origin = Optional.empty();
      source = GoSetting.Source.UNSET;
    }
    if (!dir.startsWith("/")) {
      return Optional.empty(); // relative: depends on the working directory; the host facts note it
    }
    if (!variable.isEmpty() && uncertain(lookup, layer, variable, dir)) {
      return Optional.empty(); // which directory is used is not known
    }
    Root root = lookup.root();
    PathMount mount = HostProbe.mountOf(root, lookup.snapshot().host().mounts(), dir);
    if (mount.noexec() == Tristate.YES) {
      return Optional.of(new TempDir(dir, variable, origin, source, Problem.NOEXEC, mount.mount()));
    }
    if (!variable.isEmpty() && !root.isDirectory(dir)) {
      return Optional.of(new TempDir(dir, variable, origin, source, Problem.MISSING, mount.mount()));
    }
    return Optional.empty();
  }

  /**
   * True when the value may not be what the shell really exports: it still holds {@code $} or a
   * backquote, or the static reading of a shell layer computes it or sets it under an undecided
   * condition. Neither its mount nor its absence is then evidence.
   */
  private static boolean uncertain(GoEnvironmentLookup lookup, Layer layer, String variable, String dir) {
    return dir.contains("$") || dir.contains("`") || !lookup.certain(layer, variable);
  }

  private static Finding finding(GoEnvironmentLookup lookup, TempDir t, List<LayerId> layers) {
    Snapshot snapshot = lookup.snapshot();
    String home = snapshot.machine().home();
    String layerText = GoEnvironmentText.layers(layers, lookup.layers().size());
    String setBy = t.variable().isEmpty() ? "GOTMPDIR and TMPDIR unset"
        : t.variable() + "=" + t.dir() + t.origin().map(o -> " at " + GoEnvironmentText.where(o, home))
            .orElse(t.source() == GoSetting.Source.USER_ENV_FILE ? " saved by go env -w" : "");
    Optional<String> suggestion = suggestedDir(lookup);
    StringBuilder message = new StringBuilder();
    if (t.problem() == Problem.NOEXEC) {
      String mountText = t.mount().map(m -> " (" + m.fsType() + " on " + m.mountPoint() + ")").orElse("");
      message.append("go run and go test build in ").append(t.dir()).append(" (").append(setBy).append(") in ")
          .append(layerText).append(", which is mounted noexec").append(mountText)
          .append("; they fail with fork/exec ").append(Root.join(t.dir(), "go-build")).append(".../exe/main: permission")
          .append(" denied (golang/go#52941). Set GOTMPDIR to a directory on an exec-allowed filesystem");
      suggestion.ifPresent(s -> message.append(", e.g. ").append(GoEnvironmentText.path(s, home)));
      message.append('.');
    } else {
      message.append(setBy).append(" in ").append(layerText).append(" does not exist; go build, go run and go test fail")
          .append(" with: go: creating work dir: stat ").append(t.dir()).append(": no such file or directory.")
          .append(" Create it, or unset ").append(t.variable()).append('.');
    }
    Findings finding = Findings.of(INFO, message.toString()).at(lookup.locate(t.origin(), false)).evidence(t.origin());
    if (t.problem() == Problem.MISSING) {
      finding.command("mkdir -p " + GoEnvironmentText.quote(t.dir()));
      return finding.build();
    }
    suggestion.ifPresent(dir -> {
      boolean exists = lookup.root().isDirectory(dir);
      if (!exists) {
        finding.command("mkdir -p " + GoEnvironmentText.quote(dir));
      }
      finding.command("go env -w " + GoEnvironmentText.quote("GOTMPDIR=" + dir));
      if (layers.stream().anyMatch(EXTENSION_LAYERS::contains)) {
        finding.fix(SettingsFixes.set(snapshot, "Set go.toolsEnvVars.GOTMPDIR to " + dir
            + " for the Go extension and gopls" + (exists ? "" : " (create the directory first)"), exists,
            List.of("go.toolsEnvVars", "GOTMPDIR"), dir));
      }
    });
    return finding.build();
  }

  /** {@code ~/.cache/go-tmp} when HOME is on an exec-allowed mount: a place the user owns and can run binaries from. */
  private static Optional<String> suggestedDir(GoEnvironmentLookup lookup) {
    String home = lookup.snapshot().machine().home();
    if (home == null || !home.startsWith("/") || home.equals("/")) {
      return Optional.empty();
    }
    String dir = Root.join(home, ".cache/go-tmp");
    PathMount mount = HostProbe.mountOf(lookup.root(), lookup.snapshot().host().mounts(), dir);
    return mount.noexec() == Tristate.NO ? Optional.of(dir) : Optional.empty();
  }
}
