package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.go.GoInstallation;
import dev.goenvdoctor.probe.go.InstallKind;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.PinFile;
import dev.goenvdoctor.probe.workspace.PinnedVersion;
import dev.goenvdoctor.rules.VersionFacts.Installed;
import dev.goenvdoctor.rules.VersionFacts.LayerGo;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GED203: a version manager's pin ({@code .go-version}, {@code .tool-versions}, {@code mise.toml}) in the
 * workspace or above it names another Go than a layer runs, or a version that manager does not have
 * installed (gvm names its versions {@code go1.x.y}). Pins that name no version ({@code system},
 * {@code latest}) are left alone.
 */
final class VersionPinDisagreesRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("version-pin-disagrees", "GED203", Severity.WARNING,
      "A version manager pin differs from the active Go or is not installed.");

  /** A manager that reads a kind of pin file, and how its installed versions are named on disk. */
  private enum Manager {
    GOENV(InstallKind.GOENV, "goenv"),
    GVM(InstallKind.GVM, "gvm"),
    ASDF(InstallKind.ASDF, "asdf"),
    MISE(InstallKind.MISE, "mise");

    final InstallKind kind;
    final String display;

    Manager(InstallKind kind, String display) {
      this.kind = kind;
      this.display = display;
    }

    /**
     * The managers whose "not installed" we check for a kind of file. asdf reads .go-version only with
     * legacy_version_file = yes, and mise reads it as an idiomatic version file under its own settings:
     * we read neither setting, so neither is assumed for .go-version.
     */
    static Set<Manager> reading(PinFile.Kind kind) {
      return switch (kind) {
        case GO_VERSION -> EnumSet.of(GOENV, GVM);
        case TOOL_VERSIONS -> EnumSet.of(ASDF, MISE);
        case MISE_TOML -> EnumSet.of(MISE);
      };
    }
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (FolderFacts folder : snapshot.workspace().folders()) {
      for (PinFile pin : governingPins(folder)) {
        if (seen.add(pin.path())) {
          check(snapshot, folder, pin).ifPresent(findings::add);
        }
      }
    }
    return findings;
  }

  /** The nearest pin file of each kind that names a Go version: in the folder itself, else above it. */
  private static List<PinFile> governingPins(FolderFacts folder) {
    Map<PinFile.Kind, PinFile> nearest = new LinkedHashMap<>();
    List<PinFile> candidates = new ArrayList<>(folder.pins().stream().filter(p -> p.directory().equals(folder.folder())).toList());
    candidates.addAll(folder.pinsAbove());
    for (PinFile pin : candidates) {
      if (pin.primary().isPresent()) {
        nearest.putIfAbsent(pin.kind(), pin);
      }
    }
    return List.copyOf(nearest.values());
  }

  private Optional<Finding> check(Snapshot snapshot, FolderFacts folder, PinFile pin) {
    PinnedVersion pinned = pin.primary().orElseThrow();
    Optional<GoVersion> parsed = GoVersion.parse(pinned.version());
    if (parsed.isEmpty()) {
      return Optional.empty(); // system, latest, ref:..., path:...: not a version to compare
    }
    String where = (pin.path().startsWith(folder.folder() + "/") ? VersionFacts.shortPath(pin.path(), folder.folder())
        : VersionFacts.tilde(snapshot, pin.path())) + ":" + (pinned.location().range().startLine() + 1);
    List<String> problems = new ArrayList<>();
    for (Manager manager : Manager.reading(pin.kind())) {
      List<GoInstallation> installs = snapshot.installations().installations().stream()
          .filter(i -> i.kind() == manager.kind).toList();
      if (installs.isEmpty()) {
        continue; // that manager is not in use here
      }
      List<String> names = installs.stream().map(VersionPinDisagreesRule::installedName).toList();
      String wanted = manager == Manager.GVM ? pinned.raw() : pinned.version();
      if (names.stream().anyMatch(n -> nameMatches(manager, n, wanted))) {
        continue;
      }
      String have = installs.stream().map(i -> installedName(i) + " (" + VersionFacts.tilde(snapshot, i.goroot()) + ")").toList()
          .stream().reduce((a, b) -> a + ", " + b).orElse("");
      String problem = manager.display + " has only " + have + " installed";
      if (manager == Manager.GVM && !pinned.goPrefixed() && names.contains("go" + pinned.version())) {
        problem = "gvm names its versions with the go prefix (it has go" + pinned.version() + "): write go"
            + pinned.version();
      }
      problems.add(problem);
    }
    List<LayerGo> relevant = VersionFacts.editorRelevant(snapshot);
    List<LayerGo> differing = relevant.stream().filter(l -> !versionMatches(pinned.version(), parsed.get(), l.version())).toList();
    if (problems.isEmpty() && differing.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder message = new StringBuilder(where + " pins " + pinned.tool() + " " + pinned.raw());
    message.append(problems.isEmpty() ? "." : ", but " + VersionFacts.join(problems) + ".");
    Map<String, List<LayerGo>> byGo = new LinkedHashMap<>();
    differing.forEach(l -> byGo.computeIfAbsent(VersionFacts.label(l.go()), k -> new ArrayList<>()).add(l));
    byGo.forEach((label, layers) -> message.append(' ').append(VersionFacts.subject(layers)).append(' ').append(label).append('.'));
    Optional<Installed> pinnedInstall = pinnedInstallation(snapshot, pin, pinned, parsed.get());
    pinnedInstall.filter(i -> !differing.isEmpty())
        .ifPresent(i -> message.append(" The pinned Go is installed at ").append(i.settingPath()).append('.'));

    Findings finding = Findings.of(INFO, message.toString()).at(pinned.location())
        .evidence(new Provenance(pinned.location(), pinned.tool() + " " + pinned.raw()));
    differing.forEach(l -> finding.evidence(VersionFacts.whyThisGo(l)));
    boolean vscodeDiffers = differing.stream().anyMatch(LayerGo::ofVsCode);
    Optional<Fix> goroot = vscodeDiffers && problems.isEmpty()
        ? pinnedInstall.flatMap(i -> VersionFixes.goroot(snapshot, i, true)) : Optional.empty();
    goroot.ifPresent(finding::fix);
    updatePin(snapshot, pin, pinned, relevant, goroot.isEmpty()).ifPresent(finding::fix);
    return Optional.of(finding.build());
  }

  /**
   * Rewrites the pin to the version every relevant layer already runs: offered only when they all run the
   * same one and each manager that reads the file has it installed, so the finding is really resolved.
   */
  private static Optional<Fix> updatePin(Snapshot snapshot, PinFile pin, PinnedVersion pinned, List<LayerGo> relevant,
      boolean preferred) {
    List<GoVersion> versions = relevant.stream().map(LayerGo::version).distinct().toList();
    if (versions.size() != 1 || !versions.get(0).prerelease().isEmpty()) {
      return Optional.empty();
    }
    boolean meetsGoLines = VersionFacts.goLines(snapshot).stream().allMatch(line -> versions.get(0).atLeast(line.version()));
    if (!meetsGoLines) {
      return Optional.empty(); // never suggest pinning a Go the module itself rejects
    }
    String version = versions.get(0).toString();
    boolean gvmUsed = snapshot.installations().installations().stream().anyMatch(i -> i.kind() == InstallKind.GVM);
    String text = pinned.goPrefixed() || pin.kind() == PinFile.Kind.GO_VERSION && gvmUsed ? "go" + version : version;
    for (Manager manager : Manager.reading(pin.kind())) {
      List<String> names = snapshot.installations().installations().stream().filter(i -> i.kind() == manager.kind)
          .map(VersionPinDisagreesRule::installedName).toList();
      if (!names.isEmpty() && names.stream().noneMatch(n -> nameMatches(manager, n, manager == Manager.GVM ? text : version))) {
        return Optional.empty();
      }
    }
    return Optional.of(new Fix("Change the pin in " + VersionFacts.tilde(snapshot, pin.path()) + " to " + text, preferred,
        List.of(new TextEdit(pinned.location().file(), pinned.location().range(), text)), List.of()));
  }

  /** An installation of the pinned version: one of a manager that reads this file first, else any. */
  private static Optional<Installed> pinnedInstallation(Snapshot snapshot, PinFile pin, PinnedVersion pinned, GoVersion parsed) {
    Set<InstallKind> managers = EnumSet.noneOf(InstallKind.class);
    Manager.reading(pin.kind()).forEach(m -> managers.add(m.kind));
    return VersionFacts.usableInstallations(snapshot).stream()
        .filter(i -> versionMatches(pinned.version(), parsed, i.version()))
        .max(Comparator.<Installed, Boolean>comparing(i -> managers.contains(i.installation().kind()))
            .thenComparing(Installed::version));
  }

  /** The name a manager lists a version under: its directory ({@code 1.22.5}; asdf's is above the inner go/). */
  private static String installedName(GoInstallation i) {
    String dir = Root.normalize(i.goroot());
    String name = dir.substring(dir.lastIndexOf('/') + 1);
    if (name.equals("go") && (i.kind() == InstallKind.ASDF || i.kind() == InstallKind.MISE)) {
      String parent = Root.parent(dir);
      name = parent.substring(parent.lastIndexOf('/') + 1);
    }
    return name;
  }

  /** gvm needs the exact name; the others accept a prefix ({@code 1.22} for {@code 1.22.5}). */
  private static boolean nameMatches(Manager manager, String installed, String wanted) {
    if (manager == Manager.GVM) {
      return installed.equals(wanted);
    }
    return installed.equals(wanted) || installed.startsWith(wanted + ".");
  }

  /** {@code 1.22} matches every 1.22.x; a full version matches only itself. */
  static boolean versionMatches(String pinText, GoVersion pinned, GoVersion actual) {
    boolean majorMinorOnly = pinText.chars().filter(c -> c == '.').count() == 1 && pinned.prerelease().isEmpty();
    if (majorMinorOnly) {
      return pinned.major() == actual.major() && pinned.minor() == actual.minor();
    }
    return pinned.compareTo(actual) == 0;
  }
}
