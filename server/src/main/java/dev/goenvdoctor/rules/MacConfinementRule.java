package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.host.Mac;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.List;

/**
 * This process runs under an AppArmor profile, or SELinux is enforcing. Facts only: a policy can deny
 * what file permissions allow, but nothing here says it did.
 */
final class MacConfinementRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("mac-confinement", "GED705", Severity.INFO,
      "The process is confined by AppArmor or SELinux; facts only.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Mac mac = snapshot.host().mac();
    boolean appArmor = mac.appArmor().state() == Mac.AppArmorState.CONFINED;
    boolean selinux = mac.selinux().mode() == Mac.SelinuxMode.ENFORCING;
    if (!appArmor && !selinux) {
      return List.of();
    }
    String appArmorText = switch (mac.appArmor().state()) {
      case CONFINED -> "This process runs under AppArmor profile " + mac.appArmor().profile().orElse("?")
          + mac.appArmor().mode().map(m -> " (" + m + (m.equals("complain") ? ": denials are only logged" : "") + ")")
              .orElse("");
      case UNCONFINED -> "This process has no AppArmor profile";
      case NOT_ENABLED -> "AppArmor is not enabled";
      case UNKNOWN -> "AppArmor confinement is unknown (" + mac.appArmor().detail() + ")";
    };
    String selinuxText = switch (mac.selinux().mode()) {
      case ENFORCING -> "SELinux is enforcing (" + mac.selinux().detail() + ")";
      case PERMISSIVE -> "SELinux is permissive";
      case NOT_ENABLED -> "SELinux is not enabled";
      case UNKNOWN -> "SELinux mode is unknown (" + mac.selinux().detail() + ")";
    };
    String message = appArmorText + ". " + selinuxText + ". A mandatory access control policy can deny running or"
        + " reading files that their permissions allow; the symptom is permission denied. Informational only:"
        + " nothing here shows that a denial happened.";
    return List.of(Findings.of(INFO, message).at(Anchors.primary(snapshot, false)).build());
  }
}
