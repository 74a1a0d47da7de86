package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.BinaryInspection;
import dev.goenvdoctor.probe.binary.BuildInfo;
import dev.goenvdoctor.probe.binary.GoBinaryProbe;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.go.GoInstallation;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.probe.go.InstallKind;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go root whose {@code VERSION} file names another release than the build info of its own
 * {@code bin/go}: two releases mixed in one tree (a tarball extracted over an old one, a go binary
 * copied in). Checked for every installation found and every root a layer's go belongs to.
 */
final class MixedGorootRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("mixed-goroot", "GED110", Severity.ERROR,
      "The Go root's `VERSION` file and its `go` binary disagree.");

  private static final Pattern PACKAGE = Pattern.compile("\\(package ([a-z0-9.+-]+)\\)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Root root = WhichGoFacts.root(snapshot);
    Map<String, GoRoot> roots = new LinkedHashMap<>();
    for (GoInstallation i : snapshot.installations().installations()) {
      if (i.isGoRoot()) {
        roots.putIfAbsent(i.root().realPath(), i.root());
      }
    }
    for (Layer layer : WhichGoFacts.known(snapshot)) {
      layer.go().flatMap(g -> WhichGoFacts.ownRoot(root, g.realPath())).ifPresent(r -> roots.putIfAbsent(r.realPath(), r));
    }
    GoBinaryProbe probe = new GoBinaryProbe(root);
    List<Finding> out = new ArrayList<>();
    for (GoRoot r : roots.values()) {
      Optional<GoVersion> declared = r.version().flatMap(GoVersion::parse);
      BinaryInspection binary = probe.inspect(Root.join(r.realPath(), "bin/go"));
      Optional<String> built = binary.buildInfo().map(BuildInfo::goVersion);
      Optional<GoVersion> builtVersion = built.flatMap(GoVersion::parse);
      if (declared.isEmpty() || builtVersion.isEmpty() || declared.get().compareTo(builtVersion.get()) == 0) {
        continue;
      }
      out.add(finding(snapshot, root, r, built.get()));
    }
    return out;
  }

  private Finding finding(Snapshot snapshot, Root root, GoRoot r, String built) {
    String dir = r.path();
    String declared = r.version().orElseThrow();
    List<LayerId> users = WhichGoFacts.known(snapshot).stream()
        .filter(l -> l.go().flatMap(g -> WhichGoFacts.ownRoot(root, g.realPath())).map(o -> o.realPath().equals(r.realPath())).orElse(false))
        .map(Layer::id).toList();
    StringBuilder message = new StringBuilder(dir).append("/VERSION says ").append(declared).append(", but ")
        .append(dir).append("/bin/go was built as ").append(built)
        .append(": the tree mixes two releases (a release unpacked over an older one, or a go binary copied in),")
        .append(" and builds fail or report the wrong version.");
    if (!users.isEmpty()) {
      message.append(' ').append(WhichGoFacts.capitalize(WhichGoFacts.names(users))).append(' ')
          .append(WhichGoFacts.verb(users, "runs", "run")).append(" this go.");
    }
    Optional<GoInstallation> installation = snapshot.installations().byRealPath(r.realPath());
    Optional<String> command = reinstall(snapshot, r, installation, declared);
    message.append(command.isPresent()
        ? " Fix: reinstall it cleanly (run it yourself; for a tarball, name the release file you downloaded): " + command.get()
        : " Fix: remove the tree and reinstall it with the tool that installed it.");
    Findings f = Findings.of(INFO, message.toString())
        .at(r.versionFile().map(v -> v.provenance().location()).orElseGet(() -> Anchors.primary(snapshot, true)))
        .evidence(r.versionFile().map(v -> v.provenance()));
    command.ifPresent(f::command);
    return f.build();
  }

  /** The clean reinstall: a fresh tarball for an official tree named {@code go}, the package for apt. */
  private static Optional<String> reinstall(Snapshot snapshot, GoRoot r, Optional<GoInstallation> installation, String version) {
    InstallKind kind = installation.map(GoInstallation::kind).orElse(InstallKind.OTHER);
    if (kind == InstallKind.APT) {
      for (String evidence : installation.get().evidence()) {
        Matcher m = PACKAGE.matcher(evidence);
        if (m.find()) {
          return Optional.of("sudo apt install --reinstall " + m.group(1));
        }
      }
      return Optional.empty();
    }
    Optional<String> arch = snapshot.host().os().goArch();
    // The official tarball unpacks into a directory named go; other kinds reinstall through their own tool.
    boolean official = kind == InstallKind.TARBALL || kind == InstallKind.OTHER;
    if (!official || arch.isEmpty() || !r.path().endsWith("/go") || !version.matches("go1[.0-9a-z]*")) {
      return Optional.empty();
    }
    String parent = Root.parent(r.path());
    String sudo = WhichGoEdits.userFile(snapshot, r.path()) ? "" : "sudo ";
    return Optional.of(sudo + "rm -rf " + r.path() + " && " + sudo + "tar -C " + parent + " -xzf " + version + ".linux-" + arch.get()
        + ".tar.gz");
  }
}
