package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A layer runs a go binary whose ELF machine (read from its header, never run) is not the host's
 * GOARCH. The kernel refuses it; the 32-bit twin of the host (386 on amd64, arm on arm64) may still
 * run through the kernel's 32-bit support, and then builds for that architecture by default.
 */
final class GoWrongArchRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("go-wrong-arch", "GED111", Severity.ERROR,
      "The `go` binary is built for another CPU architecture.");

  private static final Map<String, String> THIRTY_TWO_BIT = Map.of("amd64", "386", "arm64", "arm");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<String> host = snapshot.host().os().goArch();
    if (host.isEmpty()) {
      return List.of();
    }
    Map<String, List<Layer>> byBinary = new LinkedHashMap<>();
    for (Layer layer : WhichGoFacts.known(snapshot)) {
      Optional<ResolvedGo> go = layer.go();
      Optional<String> arch = go.flatMap(ResolvedGo::arch).filter(a -> !a.isEmpty() && !a.startsWith("unknown"));
      if (arch.isPresent() && !arch.get().equals(host.get())) {
        byBinary.computeIfAbsent(go.get().realPath(), k -> new ArrayList<>()).add(layer);
      }
    }
    List<Finding> out = new ArrayList<>();
    byBinary.forEach((path, layers) -> out.add(finding(snapshot, host.get(), layers)));
    return out;
  }

  private Finding finding(Snapshot snapshot, String host, List<Layer> layers) {
    ResolvedGo go = layers.get(0).go().orElseThrow();
    String arch = go.arch().orElseThrow();
    List<LayerId> ids = layers.stream().map(Layer::id).toList();
    String machine = snapshot.host().os().machine().filter(m -> !m.equals(host)).map(m -> " (" + m + ")").orElse("");
    StringBuilder message = new StringBuilder(WhichGoFacts.capitalize(WhichGoFacts.names(ids))).append(' ')
        .append(WhichGoFacts.verb(ids, "runs", "run")).append(' ').append(go.realPath())
        .append(", an ELF binary for ").append(arch).append("; this machine is ").append(host).append(machine).append('.');
    boolean compatible = arch.equals(THIRTY_TWO_BIT.get(host));
    if (compatible) {
      message.append(" It runs only through the kernel's 32-bit support, and it builds ").append(arch)
          .append(" programs by default.");
    } else {
      message.append(" The kernel refuses to run it (bash says: cannot execute binary file: Exec format error).");
    }
    message.append(" Fix: install the linux-").append(host).append(" release (check with uname -m), replacing this one.");
    Findings f = Findings.of(INFO, message.toString()).at(Anchors.primary(snapshot, false));
    if (compatible) {
      f.severity(Severity.WARNING);
    }
    for (Layer layer : layers) {
      WhichGoFacts.entry(layer, WhichGoFacts.commandDir(go)).flatMap(PathEntry::origin).ifPresent(f::evidence);
    }
    return f.build();
  }
}
