package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.host.DirFacts;
import dev.goenvdoctor.probe.host.Identity;
import dev.goenvdoctor.probe.host.Tristate;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The process runs through sudo for another user (as root, or as a user other than SUDO_USER), or its
 * HOME belongs to another uid: the environment examined is not the user's everyday one, and go commands
 * run this way leave files the user cannot write.
 */
final class SudoHomeMismatchRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("sudo-home-mismatch", "GED704", Severity.WARNING,
      "Running as root for another user, or HOME is owned by someone else.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Identity id = snapshot.host().identity();
    boolean sudoForOther = id.viaSudo() && (id.root().isYes()
        || id.userName().isPresent() && id.sudoUser().isPresent() && !id.userName().get().equals(id.sudoUser().get()));
    boolean homeOfOther = id.homeOwnedByOther() == Tristate.YES;
    if (!sudoForOther && !homeOfOther) {
      return List.of();
    }
    String me = describe(id.userName(), id.effectiveUid().isPresent() ? Optional.of(id.effectiveUid().getAsInt()) : Optional.empty());
    String home = id.home().orElse("(unset)");
    String homeOwner = describe(id.homeOwnerName(),
        id.homeOwnerUid().isPresent() ? Optional.of(id.homeOwnerUid().getAsInt()) : Optional.empty());
    StringBuilder message = new StringBuilder();
    if (sudoForOther) {
      message.append("Running as ").append(me).append(" through sudo for SUDO_USER=")
          .append(id.sudoUser().orElse(id.sudoUid().map(u -> "uid " + u).orElse("?")))
          .append(", with HOME=").append(home).append(id.homeOwnerUid().isPresent() ? " (owned by " + homeOwner + ")" : "")
          .append(". The layers describe this account's environment, not the one you work in");
    } else {
      message.append("HOME=").append(home).append(" is owned by ").append(homeOwner).append(", but this process runs as ")
          .append(me).append(". The startup files, Go env file and settings read are that other user's");
    }
    if (homeOfOther) {
      List<String> dirs = new ArrayList<>();
      for (String name : List.of("GOPATH", "GOCACHE")) {
        snapshot.host().dirs(name).stream().findFirst().map(DirFacts::path).ifPresent(dirs::add);
      }
      message.append(", and go commands run this way create files owned by ").append(me).append(" in ").append(home)
          .append(dirs.isEmpty() ? "" : " (" + String.join(", ", dirs) + ")")
          .append(", which later make that user's own builds fail with permission denied");
    }
    message.append(". Run go-env-doctor, the editor and go commands as yourself, without sudo.");
    return List.of(Findings.of(INFO, message.toString()).at(Anchors.primary(snapshot, false)).build());
  }

  /** {@code root (uid 0)}, {@code u (uid 1000)}, {@code uid 1000}. */
  private static String describe(Optional<String> name, Optional<Integer> uid) {
    if (uid.isPresent() && uid.get() == 0) {
      return "root (uid 0)"; // uid 0 is root whatever USER says
    }
    if (name.isPresent() && uid.isPresent()) {
      return name.get() + " (uid " + uid.get() + ")";
    }
    return name.orElse(uid.map(u -> "uid " + u).orElse("an unknown user"));
  }
}
