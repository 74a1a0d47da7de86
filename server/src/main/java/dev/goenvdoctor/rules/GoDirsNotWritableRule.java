package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.host.DirFacts;
import dev.goenvdoctor.probe.host.Identity;
import dev.goenvdoctor.probe.host.Tristate;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GOPATH, GOMODCACHE or GOCACHE (as the editor's go sees them) cannot be written by the user: owned by
 * another user (typically root after {@code sudo go ...}) or read-only. Only a definite "not writable"
 * fires; an unknown answer (a group-writable directory, an unknown uid) does not.
 */
final class GoDirsNotWritableRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("go-dirs-not-writable", "GED604", Severity.ERROR,
      "GOPATH, GOMODCACHE or GOCACHE is not writable by the user.");
  private static final List<String> VARIABLES = List.of("GOPATH", "GOMODCACHE", "GOCACHE");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    List<DirFacts> blocked = snapshot.host().dirs().stream()
        .filter(d -> VARIABLES.contains(d.name()) && d.writable() == Tristate.NO)
        .toList();
    if (blocked.isEmpty()) {
      return List.of();
    }
    GoEnvironmentLookup lookup = new GoEnvironmentLookup(snapshot);
    String home = snapshot.machine().home();
    List<String> parts = new ArrayList<>();
    List<Provenance> evidence = new ArrayList<>();
    Set<String> toChown = new LinkedHashSet<>();
    boolean ownedByOther = false;
    for (DirFacts d : blocked) {
      parts.add(describe(d, home));
      origin(lookup, d.name()).ifPresent(evidence::add);
      if (d.otherOwner().isPresent()) {
        ownedByOther = true;
        chownTarget(d, home).ifPresent(toChown::add);
      }
    }
    Identity me = snapshot.host().identity();
    String user = me.userName().orElse("this user")
        + (me.effectiveUid().isPresent() ? " (uid " + me.effectiveUid().getAsInt() + ")" : "");
    StringBuilder message = new StringBuilder(String.join("; ", parts))
        .append(". go commands run as ").append(user).append(" cannot write there, so builds, module downloads and")
        .append(" go install fail with permission denied.");
    if (ownedByOther) {
      message.append(" Files owned by another user in your home are usually left by running go with sudo; give them")
          .append(" back to yourself (command below) and run go without sudo.");
    } else {
      message.append(" Point the variable at a directory you own, with an absolute path (go env -w ")
          .append(blocked.get(0).name()).append("=<dir>).");
    }
    Findings finding = Findings.of(INFO, message.toString())
        .at(lookup.locate(evidence.stream().findFirst(), false));
    evidence.forEach(finding::evidence);
    if (!toChown.isEmpty()) {
      // chown -R of ~/go already covers ~/go/pkg/mod.
      List<String> quoted = toChown.stream()
          .filter(p -> toChown.stream().noneMatch(other -> !other.equals(p) && p.startsWith(other + "/")))
          .map(GoEnvironmentText::quote).toList();
      finding.command("sudo chown -R \"$(id -un):$(id -gn)\" " + String.join(" ", quoted));
    }
    return List.of(finding.build());
  }

  /** "GOCACHE /home/u/.cache/go-build is owned by root (uid 0)". */
  private static String describe(DirFacts d, String home) {
    String name = d.name() + " " + GoEnvironmentText.path(d.path(), home);
    String where = d.exists() ? name : name + " does not exist and " + GoEnvironmentText.path(d.checkedPath(), home)
        + ", where it would be created,";
    if (d.otherOwner().isPresent()) {
      return where + " is owned by " + d.otherOwner().get();
    }
    if (d.mount().readOnly().isYes()) {
      return where + " is on a read-only mount";
    }
    return where + " is not writable (" + d.writableBasis() + ")";
  }

  /**
   * What to give back: the directory (or, when missing, its existing parent) but only inside HOME and never
   * HOME itself: a chown elsewhere could hand a system directory to the user.
   */
  private static Optional<String> chownTarget(DirFacts d, String home) {
    String target = d.checkedPath();
    boolean insideHome = home != null && home.length() > 1 && target.startsWith(home + "/");
    return insideHome ? Optional.of(target) : Optional.empty();
  }

  /** The line that set the variable for the editor's go, when it was set. */
  private static Optional<Provenance> origin(GoEnvironmentLookup lookup, String name) {
    return lookup.snapshot().layer(LayerId.EDITOR).filter(GoEnvironmentLookup::known)
        .map(l -> lookup.setting(l, name)).flatMap(GoEnvironmentSetting::origin);
  }
}
