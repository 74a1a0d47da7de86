package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.go.GoSetting;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.GoDirective;
import dev.goenvdoctor.probe.workspace.GoModFile;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * GOPROXY=off while something must be downloaded: the toolchain that go.mod's {@code go} or
 * {@code toolchain} line makes the go command switch to (an error), or modules that go.mod requires and
 * the module cache lacks (a warning: which of them a build really loads is not known without go).
 */
final class GoproxyBlocksDownloadsRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("goproxy-blocks-downloads", "GED601", Severity.ERROR,
      "GOPROXY is `off` while a module or toolchain download is needed.");
  private static final GoVersion FIRST_SWITCHING_GO = GoVersion.parse("1.21").orElseThrow();
  private static final int MODULES_NAMED = 3;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** A toolchain switch one layer's go must download. */
  private record ToolchainNeed(LayerId layer, GoVersion active, String toolchain, String module, GoDirective line) {}

  /** Required modules missing from one layer's module cache. */
  private record ModuleNeed(LayerId layer, String cache, List<GoEnvironmentModules.Requirement> missing) {}

  @Override
  public List<Finding> check(Snapshot snapshot) {
    GoEnvironmentLookup lookup = new GoEnvironmentLookup(snapshot);
    List<GoEnvironmentSetting> blocking = new ArrayList<>();
    Map<LayerId, Layer> byId = new LinkedHashMap<>();
    for (Layer layer : lookup.layers()) {
      GoEnvironmentSetting proxy = lookup.setting(layer, "GOPROXY");
      if (proxy.certain() && forbidsDownloads(proxy.value())) {
        blocking.add(proxy);
        byId.put(layer.id(), layer);
      }
    }
    List<Finding> findings = new ArrayList<>();
    if (blocking.isEmpty()) {
      return findings;
    }
    List<GoEnvironmentModules.Requirement> required = requirements(lookup);
    GoEnvironmentSetting.byCause(blocking).forEach((cause, settings) -> {
      List<ToolchainNeed> toolchains = new ArrayList<>();
      List<ModuleNeed> modules = new ArrayList<>();
      for (GoEnvironmentSetting s : settings) {
        Layer layer = byId.get(s.layer());
        toolchainNeed(lookup, layer).ifPresent(toolchains::add);
        moduleNeed(lookup, layer, required).ifPresent(modules::add);
      }
      if (!toolchains.isEmpty() || !modules.isEmpty()) {
        findings.add(finding(lookup, settings.get(0), GoEnvironmentSetting.layersOf(settings), toolchains, modules));
      }
    });
    return findings;
  }

  /** {@code off} as the first (or only) entry of the GOPROXY list: nothing is ever fetched. */
  static boolean forbidsDownloads(String goproxy) {
    String first = goproxy.strip().split("[,|]", -1)[0].strip();
    return first.equals("off");
  }

  private static Optional<ToolchainNeed> toolchainNeed(GoEnvironmentLookup lookup, Layer layer) {
    Optional<GoVersion> active = layer.go().flatMap(ResolvedGo::version).flatMap(GoVersion::parse);
    if (active.isEmpty() || active.get().compareTo(FIRST_SWITCHING_GO) < 0) {
      return Optional.empty(); // unknown, or a Go that never switches toolchains
    }
    String mode = lookup.setting(layer, "GOTOOLCHAIN").value();
    if (!mode.equals("auto") && !mode.equals("local+auto")) {
      return Optional.empty(); // local never downloads; other modes are left to the version rules
    }
    for (FolderFacts folder : lookup.snapshot().workspace().folders()) {
      Optional<GoModFile> mod = Anchors.governingModule(folder);
      if (mod.isEmpty()) {
        continue;
      }
      Optional<Target> target = target(mod.get(), active.get());
      if (target.isEmpty()) {
        continue;
      }
      String toolchain = target.get().toolchain();
      String goarch = layer.go().flatMap(ResolvedGo::arch)
          .or(() -> lookup.snapshot().host().os().goArch()).orElse("amd64");
      if (onPath(lookup.root(), layer, toolchain)) {
        continue; // the go command runs a goX.Y.Z it finds on PATH before downloading
      }
      Optional<String> cache = GoEnvironmentModules.moduleCache(lookup, layer);
      if (cache.isPresent() && GoEnvironmentModules.toolchainInCache(lookup.root(), cache.get(), toolchain, goarch)) {
        continue;
      }
      return Optional.of(new ToolchainNeed(layer.id(), active.get(), toolchain,
          GoEnvironmentModules.toolchainModule(toolchain, goarch), target.get().line()));
    }
    return Optional.empty();
  }

  private record Target(String toolchain, GoDirective line) {}

  /**
   * The toolchain GOTOOLCHAIN=auto switches to: the {@code toolchain} line when newer than the running Go,
   * else the {@code go} line's release when newer ({@code go 1.22} means go1.22.0).
   */
  private static Optional<Target> target(GoModFile mod, GoVersion active) {
    Optional<GoDirective> goLine = mod.go();
    Optional<GoVersion> goVersion = goLine.map(GoDirective::value).flatMap(GoVersion::parse)
        .map(v -> v.isLanguageVersion() ? new GoVersion(v.major(), v.minor(), 0, "") : v);
    Optional<GoDirective> tcLine = mod.toolchain().filter(d -> !d.value().equals("default"));
    Optional<GoVersion> tcVersion = tcLine.map(GoDirective::value).filter(v -> v.startsWith("go")).flatMap(GoVersion::parse);
    Target best = null;
    GoVersion bestVersion = active;
    if (goVersion.isPresent() && goVersion.get().compareTo(bestVersion) > 0) {
      best = new Target(goVersion.get().toolchainName(), goLine.get());
      bestVersion = goVersion.get();
    }
    if (tcVersion.isPresent() && tcVersion.get().compareTo(bestVersion) > 0) {
      best = new Target(tcVersion.get().toolchainName(), tcLine.get());
    }
    return Optional.ofNullable(best);
  }

  private static boolean onPath(Root root, Layer layer, String toolchain) {
    for (PathEntry e : layer.path()) {
      if (e.dir().startsWith("/") && root.isExecutableFile(Root.join(e.dir(), toolchain))) {
        return true;
      }
    }
    return false;
  }

  /** What the workspace's modules require from outside the workspace, unless they are vendored. */
  private static List<GoEnvironmentModules.Requirement> requirements(GoEnvironmentLookup lookup) {
    Root root = lookup.root();
    List<GoEnvironmentModules.Requirement> out = new ArrayList<>();
    for (FolderFacts folder : lookup.snapshot().workspace().folders()) {
      List<String> local = folder.goMods().stream().flatMap(m -> m.module().stream()).map(GoDirective::value).toList();
      for (GoModFile mod : modulesOf(folder)) {
        if (!vendored(root, mod)) {
          GoEnvironmentModules.requirements(root, mod).stream().filter(r -> !local.contains(r.path())).forEach(out::add);
        }
      }
    }
    return out;
  }

  private static Optional<ModuleNeed> moduleNeed(GoEnvironmentLookup lookup, Layer layer,
      List<GoEnvironmentModules.Requirement> required) {
    if (required.isEmpty() || lookup.setting(layer, "GOFLAGS").value().contains("-mod=vendor")) {
      return Optional.empty(); // nothing required, or vendor mode, which downloads nothing
    }
    Optional<String> cache = GoEnvironmentModules.moduleCache(lookup, layer);
    if (cache.isEmpty()) {
      return Optional.empty();
    }
    List<GoEnvironmentModules.Requirement> missing = required.stream()
        .filter(r -> !GoEnvironmentModules.inCache(lookup.root(), cache.get(), r.path(), r.version())).toList();
    return missing.isEmpty() ? Optional.empty() : Optional.of(new ModuleNeed(layer.id(), cache.get(), missing));
  }

  /** The folder's own modules, else the nearest one above it. */
  private static List<GoModFile> modulesOf(FolderFacts folder) {
    if (!folder.goMods().isEmpty()) {
      return folder.goMods().stream().limit(50).toList();
    }
    return folder.goModsAbove().stream().limit(1).toList();
  }

  /** Go 1.14 and later use vendor/ by default when vendor/modules.txt exists and the go line is 1.14 or later. */
  private static boolean vendored(Root root, GoModFile mod) {
    boolean newEnough = mod.go().map(GoDirective::value).flatMap(GoVersion::parse)
        .map(v -> v.compareTo(GoVersion.parse("1.14").orElseThrow()) >= 0).orElse(false);
    return newEnough && root.isRegularFile(Root.join(mod.directory(), "vendor/modules.txt"));
  }

  private static Finding finding(GoEnvironmentLookup lookup, GoEnvironmentSetting proxy, List<LayerId> layers,
      List<ToolchainNeed> toolchains, List<ModuleNeed> modules) {
    Snapshot snapshot = lookup.snapshot();
    String home = snapshot.machine().home();
    StringBuilder message = new StringBuilder("GOPROXY=" + proxy.value() + " " + GoEnvironmentText.origin(proxy, home)
        + " in " + GoEnvironmentText.layers(layers, lookup.layers().size()) + " forbids every download");
    List<Provenance> evidence = new ArrayList<>();
    proxy.origin().ifPresent(evidence::add);
    if (!toolchains.isEmpty()) {
      ToolchainNeed first = toolchains.get(0);
      Provenance line = new Provenance(first.line().lineLocation(), directiveText(first.line()));
      evidence.add(line);
      message.append(", but ").append(GoEnvironmentText.where(line, home)).append(" (").append(line.text())
          .append(") makes the go command switch to ").append(first.toolchain()).append(": ")
          .append(runs(toolchains, lookup.layers().size())).append(" with GOTOOLCHAIN=auto, so it must download ")
          .append(first.module()).append(" into the module cache, which GOPROXY=").append(proxy.value())
          .append(" does not allow.");
    }
    if (!modules.isEmpty()) {
      ModuleNeed first = modules.get(0);
      List<GoEnvironmentModules.Requirement> missing = first.missing();
      missing.stream().limit(MODULES_NAMED).forEach(r -> evidence.add(r.line()));
      String named = missing.stream().limit(MODULES_NAMED).map(GoEnvironmentModules.Requirement::display)
          .collect(Collectors.joining(", "));
      String more = missing.size() > MODULES_NAMED ? " and " + (missing.size() - MODULES_NAMED) + " more" : "";
      message.append(toolchains.isEmpty() ? ", but " : " Also, ")
          .append(GoEnvironmentText.path(missing.get(0).line().location().file(), home)).append(" requires ")
          .append(named).append(more).append(", not in the module cache ")
          .append(GoEnvironmentText.path(first.cache(), home))
          .append("; a build that needs them fails with: module lookup disabled by GOPROXY=off.");
    }
    message.append(' ').append(remedy(proxy, home));
    Findings finding = Findings.of(INFO, message.toString())
        .at(lookup.locate(proxy.origin(), !toolchains.isEmpty()))
        .severity(toolchains.isEmpty() ? Severity.WARNING : Severity.ERROR);
    evidence.forEach(finding::evidence);
    if (proxy.source() == GoSetting.Source.USER_ENV_FILE) {
      finding.command("go env -u GOPROXY");
    }
    proxy.origin().ifPresent(origin -> finding.fix(GoEnvironmentFixes.remove(snapshot, lookup.root(), "GOPROXY", origin,
        "Remove GOPROXY=" + proxy.value() + " from " + GoEnvironmentText.where(origin, home), false)));
    return finding.build();
  }

  private static String remedy(GoEnvironmentSetting proxy, String home) {
    String undo = switch (proxy.source()) {
      case USER_ENV_FILE -> "Run go env -u GOPROXY to return to the default";
      case GOROOT_GO_ENV -> "Set GOPROXY to a proxy you can reach (go env -w GOPROXY=...)";
      default -> proxy.origin().map(o -> "Remove it from " + GoEnvironmentText.where(o, home) + " or set a proxy you can reach")
          .orElse("Unset it or set a proxy you can reach");
    };
    return undo + ". To work offline on purpose, download what you need while online (go mod download) or vendor it"
        + " (go mod vendor).";
  }

  /** "every layer runs go1.21.5", "your terminal runs go1.21.5" or "the editor runs go1.21.0 and gopls runs go1.21.5". */
  private static String runs(List<ToolchainNeed> needs, int known) {
    Map<String, List<LayerId>> byVersion = new LinkedHashMap<>();
    for (ToolchainNeed n : needs) {
      byVersion.computeIfAbsent(n.active().toolchainName(), k -> new ArrayList<>()).add(n.layer());
    }
    List<String> parts = new ArrayList<>();
    byVersion.forEach((version, ids) -> {
      String who = GoEnvironmentText.layers(ids, known);
      parts.add(who + (ids.size() == 1 || who.equals("every layer") ? " runs " : " run ") + version);
    });
    return GoEnvironmentText.join(parts);
  }

  static String directiveText(GoDirective d) {
    return d.verb() + (d.arguments().isEmpty() ? "" : " " + String.join(" ", d.arguments()));
  }
}
