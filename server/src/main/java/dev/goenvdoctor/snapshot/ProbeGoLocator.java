package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.layers.GoLocator;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import dev.goenvdoctor.probe.binary.BinaryInspection;
import dev.goenvdoctor.probe.binary.BuildInfo;
import dev.goenvdoctor.probe.binary.ElfFacts;
import dev.goenvdoctor.probe.binary.GoBinaryProbe;
import dev.goenvdoctor.probe.go.GoResolution;
import dev.goenvdoctor.probe.go.GoResolver;
import dev.goenvdoctor.probe.go.VersionSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers "which go, really?" for the layers: the PATH search and shim resolution of {@link GoResolver},
 * then the binary's own build info (read, never run) for its version and architecture. Binary
 * inspections are cached by real path: several layers usually reach the same go.
 */
final class ProbeGoLocator implements GoLocator {
  private final Root root;
  private final GoResolver resolver;
  private final GoBinaryProbe binaries;
  private final Map<String, BinaryInspection> inspected = new ConcurrentHashMap<>();

  ProbeGoLocator(Root root) {
    this.root = root;
    this.resolver = new GoResolver(root);
    this.binaries = new GoBinaryProbe(root);
  }

  BinaryInspection inspect(String machinePath) {
    return inspected.computeIfAbsent(root.resolve(machinePath).realPath(), binaries::inspect);
  }

  @Override
  public Optional<ResolvedGo> lookUp(List<String> pathEntries, Map<String, String> environment, String workingDirectory) {
    GoResolution resolution = resolver.resolve(pathEntries, environment, workingDirectory);
    if (!resolution.found()) {
      return Optional.empty();
    }
    int index = indexOfEntry(pathEntries, resolution.command().get());
    String why = "first go on PATH" + (index >= 0 ? " (entry " + (index + 1) + ")" : "");
    return Optional.of(toResolvedGo(resolution, why));
  }

  @Override
  public ResolvedGo describe(String command, String why, Map<String, String> environment, String workingDirectory) {
    String name = command.substring(command.lastIndexOf('/') + 1);
    if (name.equals("go")) {
      GoResolution resolution = resolver.resolve(List.of(Root.parent(command)), environment, workingDirectory);
      if (resolution.found()) {
        return toResolvedGo(resolution, why);
      }
    }
    // Not named "go" (a golang.org/dl wrapper named in go.alternateTools, say): describe the file itself.
    SymlinkChain chain = root.resolve(command);
    BinaryInspection binary = inspect(command);
    List<String> notes = new ArrayList<>();
    if (!binary.isGoBinary()) {
      notes.add(binary.summary());
    }
    binary.buildInfo().map(BuildInfo::path).filter(p -> p.startsWith("golang.org/dl/"))
        .ifPresent(p -> notes.add(command + " is a golang.org/dl wrapper (" + p + "): it runs the SDK in ~/sdk/"
            + p.substring("golang.org/dl/".length())));
    return new ResolvedGo(command, chain.hops(), chain.realPath(), why,
        binary.buildInfo().map(BuildInfo::goVersion), binary.isGoBinary() ? "build info" : "",
        Optional.empty(), "unknown without running it", binary.elf().map(ElfFacts::goarch), Optional.empty(), notes);
  }

  private ResolvedGo toResolvedGo(GoResolution r, String why) {
    String command = r.command().orElseThrow();
    List<String> chain = r.commandChain().map(SymlinkChain::hops).orElse(List.of(command));
    String real = r.executable().orElse(r.commandChain().map(SymlinkChain::realPath).orElse(command));
    BinaryInspection binary = inspect(real);
    Optional<String> version = binary.buildInfo().map(BuildInfo::goVersion);
    String basis = "build info";
    if (version.isEmpty()) {
      version = r.version();
      basis = version.isPresent() ? "VERSION file" : "";
    }
    List<String> notes = new ArrayList<>(r.searchNotes());
    notes.addAll(r.problems());
    r.selection().flatMap(VersionSelection::message).filter(m -> !m.isBlank()).ifPresent(notes::add);
    if (!binary.isGoBinary() && r.executable().isPresent()) {
      notes.add(binary.summary());
    }
    String whyWithShim = switch (r.kind()) {
      case GO_BINARY, NOT_FOUND -> why;
      case UNKNOWN_SCRIPT -> why + ", a script";
      default -> why + (r.kind().name().startsWith("A") ? ", an " : ", a ") + r.kind().name().toLowerCase().replace('_', ' ').replace("golang dl", "golang.org/dl");
    };
    return new ResolvedGo(command, chain, real, whyWithShim, version, basis, r.goroot(), r.gorootFrom(),
        binary.elf().map(ElfFacts::goarch), r.selection().flatMap(VersionSelection::provenance), notes);
  }

  private static int indexOfEntry(List<String> entries, String command) {
    String dir = Root.parent(command);
    for (int i = 0; i < entries.size(); i++) {
      if (Root.normalize(entries.get(i).isEmpty() ? "." : entries.get(i)).equals(dir) || entries.get(i).equals(dir)) {
        return i;
      }
    }
    return -1;
  }
}
