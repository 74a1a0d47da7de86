package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import dev.goenvdoctor.probe.binary.BinaryInspection;
import dev.goenvdoctor.probe.binary.BuildInfo;
import dev.goenvdoctor.probe.binary.GoBinaryProbe;
import dev.goenvdoctor.rules.ToolFacts.AlternateTool;
import dev.goenvdoctor.rules.VersionFacts.Installed;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.snapshot.ToolBinary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GED304: a {@code go.alternateTools} entry names nothing usable. An absolute path must be an existing,
 * executable file, else the Go extension silently falls back to its normal lookup; for {@code go} and
 * {@code gopls} it must also be that program (build info), since a wrong one runs without a word. A
 * script is accepted (a wrapper is allowed). A bare name must be found in GOBIN, GOPATH/bin, GOROOT/bin or
 * PATH, else the tool fails when it is run.
 */
final class AlternateToolInvalidRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("alternate-tool-invalid", "GED304", Severity.WARNING,
      "A `go.alternateTools` entry is missing, not executable or not a Go binary.");

  /** The main package of the tools whose identity the build info proves. */
  private static final Map<String, List<String>> MAIN_PACKAGES = Map.of(
      "go", List.of("cmd/go", "golang.org/dl/"),
      "gopls", List.of("golang.org/x/tools/gopls"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<Root> root = VersionFacts.root(snapshot);
    if (root.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (AlternateTool a : ToolFacts.alternateTools(snapshot)) {
      problem(snapshot, root.get(), a).ifPresent(p -> findings.add(finding(snapshot, root.get(), a, p)));
    }
    return findings;
  }

  /** What is wrong with the entry, as the end of a sentence, and whether a chmod would fix it. */
  private record Problem(String what, boolean notExecutable, boolean fallsBack) {}

  private static Optional<Problem> problem(Snapshot snapshot, Root root, AlternateTool a) {
    String path = a.expanded();
    if (!path.startsWith("/")) {
      return findByName(snapshot, root, path).isPresent() ? Optional.empty()
          : Optional.of(new Problem("is not found in GOBIN, GOPATH/bin, GOROOT/bin or PATH, so running " + a.tool()
              + " fails", false, false));
    }
    SymlinkChain chain = root.resolve(path);
    if (!chain.ok()) {
      return Optional.of(new Problem(chain.viaSymlink() && chain.status() == SymlinkChain.Status.MISSING
          ? "is a symlink to " + chain.realPath() + ", which does not exist" : "does not exist", false, true));
    }
    if (root.isDirectory(path)) {
      return Optional.of(new Problem("is a directory, not a program", false, true));
    }
    if (!root.isExecutableFile(path)) {
      return Optional.of(new Problem("is not executable", true, true));
    }
    BinaryInspection inspection = new GoBinaryProbe(root).inspect(path);
    return switch (inspection.kind()) {
      case SCRIPT -> Optional.empty(); // a wrapper script is allowed; it just has no build info to read
      case GO_BINARY -> wrongProgram(a.tool(), inspection);
      case ELF_WITHOUT_BUILD_INFO -> Optional.of(new Problem("is an ELF program without Go build info: not a Go binary"
          + " (or one whose build info was stripped or packed away)", false, false));
      default -> Optional.of(new Problem("is not a Linux program: " + inspection.message(), false, false));
    };
  }

  private static Optional<Problem> wrongProgram(String tool, BinaryInspection inspection) {
    List<String> expected = MAIN_PACKAGES.get(tool);
    String main = inspection.buildInfo().map(BuildInfo::path).orElse("");
    if (expected == null || main.isEmpty() || expected.stream().anyMatch(e -> e.endsWith("/") ? main.startsWith(e) : main.equals(e))) {
      return Optional.empty();
    }
    return Optional.of(new Problem("is a Go program built from " + main + ", not " + tool, false, false));
  }

  /** The first executable {@code name} where the Go extension looks for a tool by name. */
  private static Optional<String> findByName(Snapshot snapshot, Root root, String name) {
    Optional<Layer> layer = ToolFacts.learned(snapshot, LayerId.VSCODE_GO).or(() -> ToolFacts.learned(snapshot, LayerId.EDITOR));
    if (layer.isEmpty() || name.isBlank()) {
      return Optional.of(name); // nothing to search: do not claim it is missing
    }
    List<String> dirs = new ArrayList<>(ToolFacts.installDirs(snapshot, layer.get()));
    layer.get().get("GOROOT").filter(g -> g.startsWith("/")).ifPresent(g -> dirs.add(Root.join(Root.normalize(g), "bin")));
    layer.get().path().stream().map(PathEntry::dir).filter(d -> d.startsWith("/")).forEach(dirs::add);
    return dirs.stream().map(d -> Root.normalize(d + "/" + name)).filter(root::isExecutableFile).findFirst();
  }

  private static Finding finding(Snapshot snapshot, Root root, AlternateTool a, Problem p) {
    String key = "go.alternateTools." + a.tool();
    StringBuilder message = new StringBuilder(key).append(" (")
        .append(VersionFacts.display(snapshot, a.entry().keyLocation())).append(") is ").append(a.value());
    if (!a.value().equals(a.expanded())) {
      message.append(" (").append(a.expanded()).append(')');
    }
    message.append(", which ").append(p.what());
    Optional<String> instead = p.fallsBack() ? fallback(snapshot, a.tool()) : Optional.empty();
    if (p.fallsBack()) {
      message.append("; vscode-go silently uses ").append(instead.orElse("its normal lookup of " + a.tool())).append(" instead");
    } else if (a.expanded().startsWith("/")) {
      message.append("; vscode-go runs it as ").append(a.tool()).append(" all the same");
    }
    message.append('.');
    Optional<String> replacement = replacement(snapshot, root, a);
    replacement.ifPresent(r -> message.append(" A usable ").append(a.tool()).append(" is at ").append(r).append('.'));
    Findings finding = Findings.of(INFO, message.toString()).at(a.entry().valueLocation()).evidence(a.provenance());
    if (p.notExecutable()) {
      finding.command("chmod +x " + a.expanded());
    }
    List<String> path = List.of("go.alternateTools", a.tool());
    Map<List<String>, Object> change = new LinkedHashMap<>();
    replacement.ifPresent(r -> change.put(path, r));
    Optional<Fix> replace = replacement.flatMap(r -> SettingsFixes.change(a.file(), "Set " + key + " to " + r, true, change));
    replace.ifPresent(finding::fix);
    finding.fix(SettingsFixes.remove(a.file(), "Remove " + key + " (use the normal lookup)", replace.isEmpty(), path));
    return finding.build();
  }

  /** What the extension runs when the entry is unusable: its own lookup's result, from the snapshot. */
  private static Optional<String> fallback(Snapshot snapshot, String tool) {
    if (tool.equals("go")) {
      return ToolFacts.learned(snapshot, LayerId.VSCODE_GO).flatMap(Layer::go).map(VersionFacts::label);
    }
    return snapshot.tools().stream().filter(t -> t.name().equals(tool) && t.foundThrough().startsWith("the Go extension"))
        .findFirst().map(AlternateToolInvalidRule::describe);
  }

  private static String describe(ToolBinary t) {
    Optional<BuildInfo> info = t.inspection().buildInfo();
    String release = info.flatMap(BuildInfo::mainModule).map(BuildInfo.Module::version).map(v -> v + ", ").orElse("");
    return t.path() + info.map(i -> " (" + release + "built with " + i.goVersion() + ")").orElse("");
  }

  /** Another binary of the same tool that would pass this rule: a found gopls, an installed Go's bin/go. */
  private static Optional<String> replacement(Snapshot snapshot, Root root, AlternateTool a) {
    if (a.tool().equals("go")) {
      return VersionFacts.usableInstallations(snapshot).stream().max(Comparator.comparing(Installed::version))
          .map(i -> Root.join(i.installation().goroot(), "bin/go"))
          .filter(p -> !p.equals(a.expanded()) && root.isExecutableFile(p));
    }
    List<String> expected = MAIN_PACKAGES.getOrDefault(a.tool(), List.of());
    return snapshot.tools().stream()
        .filter(t -> t.name().equals(a.tool()) && !t.path().equals(a.expanded()) && t.inspection().isGoBinary())
        .filter(t -> expected.isEmpty() || t.inspection().buildInfo().map(BuildInfo::path).filter(expected::contains).isPresent())
        .map(ToolBinary::path).findFirst();
  }
}
