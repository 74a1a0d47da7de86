package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds a {@link Finding} for a rule: {@code Findings.of(info, message).at(location).evidence(p).fix(f).build()}. */
public final class Findings {
  private final RuleInfo info;
  private final String message;
  private Severity severity;
  private Location location;
  private final List<Provenance> evidence = new ArrayList<>();
  private final List<Fix> fixes = new ArrayList<>();
  private final List<String> commands = new ArrayList<>();

  private Findings(RuleInfo info, String message) {
    this.info = info;
    this.message = message;
    this.severity = info.severity();
  }

  public static Findings of(RuleInfo info, String message) {
    return new Findings(info, message);
  }

  public Findings severity(Severity s) {
    this.severity = s;
    return this;
  }

  public Findings at(Location where) {
    this.location = where;
    return this;
  }

  public Findings evidence(Provenance p) {
    if (p != null && !evidence.contains(p)) {
      evidence.add(p);
    }
    return this;
  }

  public Findings evidence(Optional<Provenance> p) {
    p.ifPresent(this::evidence);
    return this;
  }

  public Findings fix(Fix fix) {
    fixes.add(fix);
    return this;
  }

  public Findings fix(Optional<Fix> fix) {
    fix.ifPresent(fixes::add);
    return this;
  }

  /** A command the user runs themself (go-env-doctor never runs it), e.g. {@code go install golang.org/x/tools/gopls@latest}. */
  public Findings command(String command) {
    commands.add(command);
    return this;
  }

  public Finding build() {
    if (location == null) {
      throw new IllegalStateException(info.slug() + ": a finding needs a location");
    }
    return new Finding(info.slug(), info.code(), severity, message, location, evidence, fixes, commands);
  }
}
