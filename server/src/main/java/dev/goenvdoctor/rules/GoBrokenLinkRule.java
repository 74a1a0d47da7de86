package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import dev.goenvdoctor.probe.binary.BinaryInspection;
import dev.goenvdoctor.probe.binary.GoBinaryProbe;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code go} in a PATH directory of some layer that cannot run: a dangling symlink (or a loop), or a
 * file without execute permission. Only entries the lookup meets before the go it settles on (or all,
 * when it finds none) count: a broken go behind a working one changes nothing.
 */
final class GoBrokenLinkRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("go-broken-link", "GED112", Severity.WARNING,
      "A `go` on PATH is a dangling symlink or not executable.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  private record Broken(String command, String problem, boolean dangling, boolean goBinary) {}

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Root root = WhichGoFacts.root(snapshot);
    GoBinaryProbe probe = new GoBinaryProbe(root);
    Map<String, Broken> broken = new LinkedHashMap<>();
    Map<String, List<Layer>> layersOf = new LinkedHashMap<>();
    for (Layer layer : WhichGoFacts.known(snapshot)) {
      int stop = layer.path().size();
      if (layer.go().isPresent()) {
        stop = WhichGoFacts.indexOf(layer, WhichGoFacts.commandDir(layer.go().get()));
        if (stop < 0) {
          continue; // found elsewhere (go.goroot, GOBIN): this layer's PATH was not searched for go
        }
      }
      for (PathEntry entry : layer.path().subList(0, stop)) {
        if (!entry.dir().startsWith("/") || !root.isDirectory(entry.dir())) {
          continue;
        }
        String command = Root.join(Root.normalize(entry.dir()), "go");
        String realCommand = Root.join(root.resolve(entry.dir()).realPath(), "go");
        Optional<Broken> b = inspect(root, probe, command, realCommand);
        if (b.isPresent()) {
          broken.putIfAbsent(realCommand, b.get());
          List<Layer> list = layersOf.computeIfAbsent(realCommand, k -> new ArrayList<>());
          if (!list.contains(layer)) {
            list.add(layer);
          }
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    broken.forEach((real, b) -> out.add(finding(snapshot, b, layersOf.get(real))));
    return out;
  }

  private static Optional<Broken> inspect(Root root, GoBinaryProbe probe, String command, String realCommand) {
    if (root.isSymlink(realCommand)) {
      SymlinkChain chain = root.resolve(realCommand);
      if (chain.status() == SymlinkChain.Status.LOOP) {
        return Optional.of(new Broken(command, command + " is a symlink loop (at " + chain.realPath() + ")", true, false));
      }
      if (!chain.ok()) {
        String target = chain.hops().size() > 1 ? chain.hops().get(1) : chain.realPath();
        return Optional.of(new Broken(command, command + " is a symlink to " + target + ", which does not exist"
            + (chain.realPath().equals(target) ? "" : " (" + chain.realPath() + " is missing)"), true, false));
      }
    }
    if (root.isRegularFile(realCommand) && !root.isExecutableFile(realCommand)) {
      BinaryInspection binary = probe.inspect(realCommand);
      String real = root.resolve(realCommand).realPath();
      return Optional.of(new Broken(command, command + (real.equals(realCommand) ? "" : " (" + real + ")")
          + " is not executable" + (binary.isGoBinary() ? " (a Go binary that lost its execute permission)" : ""), false,
          binary.isGoBinary()));
    }
    return Optional.empty();
  }

  private Finding finding(Snapshot snapshot, Broken b, List<Layer> layers) {
    List<LayerId> ids = layers.stream().map(Layer::id).toList();
    StringBuilder message = new StringBuilder(b.problem()).append(". ")
        .append(WhichGoFacts.capitalize(WhichGoFacts.names(ids))).append(' ')
        .append(WhichGoFacts.verb(ids, "skips", "skip")).append(" it");
    List<String> outcomes = layers.stream().map(l -> l.go().map(WhichGoFacts::label).orElse("")).distinct().toList();
    if (outcomes.size() == 1 && !outcomes.get(0).isEmpty()) {
      message.append(" and ").append(WhichGoFacts.verb(ids, "runs", "run")).append(' ').append(outcomes.get(0)).append(" instead.");
    } else if (outcomes.size() == 1) {
      message.append(" and ").append(WhichGoFacts.verb(ids, "finds", "find")).append(" no other go.");
    } else {
      message.append(" and each runs the next go on its PATH instead.");
    }
    String sudo = WhichGoEdits.userFile(snapshot, b.command()) ? "" : "sudo ";
    Optional<String> command = Optional.empty();
    if (b.dangling()) {
      command = Optional.of(sudo + "rm " + b.command());
      message.append(" Fix: remove the dead link (").append(command.get()).append("), or point it at the installation you use.");
    } else if (b.goBinary()) {
      command = Optional.of(sudo + "chmod +x " + b.command());
      message.append(" Fix: ").append(command.get()).append(", or reinstall the Go it belongs to.");
    } else {
      message.append(" It is not a Go program either: remove it.");
    }
    Findings f = Findings.of(INFO, message.toString()).at(Anchors.primary(snapshot, false));
    command.ifPresent(f::command);
    for (Layer layer : layers) {
      WhichGoFacts.entry(layer, Root.parent(b.command())).flatMap(PathEntry::origin).ifPresent(f::evidence);
    }
    return f.build();
  }
}
