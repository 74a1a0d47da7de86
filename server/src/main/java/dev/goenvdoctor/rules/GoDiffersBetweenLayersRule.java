package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The editor, the login shell and the terminal run different {@code go} binaries or versions. The first
 * of them that runs a go is the reference; every other distinct go gives one finding naming all the
 * layers that run it, and why: the PATH entry (with the line that adds it) or the version manager's
 * choice that differs. Versions that differ are a warning; the same version from another directory is
 * only worth knowing (info).
 */
final class GoDiffersBetweenLayersRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("go-differs-between-layers", "GED102", Severity.WARNING,
      "The editor, terminal, vscode-go or gopls run different `go` binaries or versions.");

  private static final List<LayerId> COMPARED = List.of(LayerId.EDITOR, LayerId.LOGIN, LayerId.TERMINAL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Map<String, List<Layer>> byGo = new LinkedHashMap<>();
    for (LayerId id : COMPARED) {
      WhichGoFacts.known(snapshot, id).filter(l -> l.go().isPresent())
          .ifPresent(l -> byGo.computeIfAbsent(key(l.go().get()), k -> new ArrayList<>()).add(l));
    }
    if (byGo.size() < 2) {
      return List.of();
    }
    List<List<Layer>> groups = new ArrayList<>(byGo.values());
    List<Layer> referenceGroup = groups.get(0);
    List<Finding> out = new ArrayList<>();
    for (List<Layer> group : groups.subList(1, groups.size())) {
      out.add(finding(snapshot, referenceGroup, group));
    }
    return out;
  }

  private static String key(ResolvedGo go) {
    return go.realPath() + "|" + go.version().orElse("");
  }

  private Finding finding(Snapshot snapshot, List<Layer> referenceGroup, List<Layer> group) {
    Layer reference = referenceGroup.get(0);
    Layer other = group.get(0);
    ResolvedGo a = reference.go().orElseThrow();
    ResolvedGo b = other.go().orElseThrow();
    List<LayerId> refIds = referenceGroup.stream().map(Layer::id).toList();
    List<LayerId> otherIds = group.stream().map(Layer::id).toList();

    Why why = explain(snapshot, reference, a, other, b);
    boolean sameVersion = a.version().flatMap(GoVersion::parse).isPresent()
        && Objects.equals(a.version().flatMap(GoVersion::parse), b.version().flatMap(GoVersion::parse));
    StringBuilder message = new StringBuilder()
        .append(WhichGoFacts.capitalize(WhichGoFacts.names(refIds))).append(' ').append(WhichGoFacts.verb(refIds, "runs", "run")).append(' ')
        .append(WhichGoFacts.label(a)).append("; ").append(WhichGoFacts.names(otherIds)).append(' ')
        .append(WhichGoFacts.verb(otherIds, "runs", "run")).append(' ').append(WhichGoFacts.label(b)).append(". ")
        .append(why.text());
    if (sameVersion) {
      message.append(" Both are ").append(a.version().orElse("")).append(", so builds agree, but they are different installations.");
    }

    Optional<Fix> move = Optional.empty();
    boolean onlyInteractive = otherIds.contains(LayerId.TERMINAL) && !otherIds.contains(LayerId.LOGIN);
    if (why.cause().isPresent() && onlyInteractive && !sameVersion) {
      boolean preferred = WhichGoFacts.meetsGoLine(snapshot, b.version()) && !WhichGoFacts.meetsGoLine(snapshot, a.version());
      move = WhichGoEdits.moveToLogin(snapshot, why.cause().get(), "Move " + WhichGoFacts.where(snapshot, why.cause().get())
          + " to " + WhichGoEdits.loginFileName(snapshot) + " so every layer gets it (then log out and back in)", preferred);
      if (move.isPresent()) {
        message.append(" To run ").append(b.version().orElse(b.realPath())).append(" everywhere, move that line to ")
            .append(WhichGoEdits.loginFileName(snapshot)).append(", then log out and back in.");
      }
    }
    Findings f = Findings.of(INFO, message.toString())
        .at(why.cause().map(Provenance::location).orElseGet(() -> Anchors.primary(snapshot, true)))
        .fix(move);
    if (sameVersion) {
      f.severity(Severity.INFO);
    }
    why.evidence().forEach(f::evidence);
    return f.build();
  }

  /** The explanation, the line that makes the difference (when a file does), and every line involved. */
  private record Why(String text, Optional<Provenance> cause, List<Provenance> evidence) {}

  private Why explain(Snapshot snapshot, Layer ref, ResolvedGo a, Layer other, ResolvedGo b) {
    List<Provenance> evidence = new ArrayList<>();
    String refName = WhichGoFacts.name(ref.id());
    String otherName = WhichGoFacts.name(other.id());
    String dirA = WhichGoFacts.commandDir(a);
    String dirB = WhichGoFacts.commandDir(b);
    StringBuilder text = new StringBuilder();
    Optional<Provenance> cause = Optional.empty();

    if (dirA.equals(dirB)) {
      // The same command (a version manager's shim) chose differently.
      text.append("Both start ").append(a.command()).append(", which picks the version itself: ")
          .append(refName).append(" gets ").append(a.version().orElse("?")).append(choice(snapshot, a)).append(", ")
          .append(otherName).append(" gets ").append(b.version().orElse("?")).append(choice(snapshot, b)).append('.');
      cause = b.selectedBy().or(a::selectedBy);
      b.selectedBy().ifPresent(evidence::add);
      a.selectedBy().ifPresent(evidence::add);
      return new Why(text.toString(), cause, evidence);
    }

    Optional<Provenance> originB = WhichGoFacts.entry(other, dirB).flatMap(PathEntry::origin);
    Optional<Provenance> originA = WhichGoFacts.entry(ref, dirA).flatMap(PathEntry::origin);
    int bInRef = WhichGoFacts.indexOf(ref, dirB);
    int aInOther = WhichGoFacts.indexOf(other, dirA);
    if (bInRef < 0) {
      text.append(WhichGoFacts.capitalize(possessive(otherName))).append(" PATH has ").append(dirB)
          .append(originB.map(p -> " (added at " + WhichGoFacts.where(snapshot, p) + ")").orElse(""))
          .append(", and ").append(possessive(refName)).append(" does not");
      Optional<String> skip = originB.filter(p -> ref.id() != LayerId.TERMINAL)
          .flatMap(p -> WhichGoFacts.whyLoginSkips(snapshot, p.location()));
      skip.ifPresent(s -> text.append(": that line is ").append(s));
      text.append('.');
      cause = originB;
    } else if (aInOther < 0) {
      text.append(WhichGoFacts.capitalize(possessive(refName))).append(" PATH has ").append(dirA)
          .append(originA.map(p -> " (added at " + WhichGoFacts.where(snapshot, p) + ")").orElse(""))
          .append(", and ").append(possessive(otherName)).append(" does not, so it runs the go in ").append(dirB)
          .append(originB.map(p -> " (added at " + WhichGoFacts.where(snapshot, p) + ")").orElse("")).append('.');
      cause = originA; // the extra entry is the difference; where the other side's go comes from is only evidence
    } else {
      text.append(WhichGoFacts.capitalize(possessive(otherName))).append(" PATH puts ").append(dirB)
          .append(originB.map(p -> " (added at " + WhichGoFacts.where(snapshot, p) + ")").orElse(""))
          .append(" before ").append(dirA).append(", and ").append(possessive(refName)).append(" puts it after.");
      cause = originB.or(() -> originA);
    }
    String shims = choice(snapshot, b);
    if (!shims.isEmpty()) {
      text.append(' ').append(WhichGoFacts.capitalize(otherName)).append(" gets ").append(b.version().orElse("?")).append(shims).append('.');
    }
    originB.ifPresent(evidence::add);
    originA.ifPresent(evidence::add);
    originB.flatMap(p -> WhichGoFacts.statement(snapshot, ShellMode.LOGIN, p.location())).map(s -> s.guard()).ifPresent(evidence::add);
    b.selectedBy().ifPresent(evidence::add);
    a.selectedBy().ifPresent(evidence::add);
    return new Why(text.toString(), cause, evidence);
  }

  /** " (chosen by ~/proj/.go-version:1 through a goenv shim)" when a version manager chose, else "". */
  private static String choice(Snapshot snapshot, ResolvedGo go) {
    return go.selectedBy().map(p -> " (chosen by " + WhichGoFacts.where(snapshot, p) + ")").orElse("");
  }

  private static String possessive(String layerName) {
    return layerName.equals("gopls") ? "gopls's" : layerName + "'s";
  }
}
