package dev.goenvdoctor.probe.host;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Who this process runs as: the effective uid and where it was learned ({@code uidSource}), the user
 * name, HOME and its owner, and the sudo variables that reveal a {@code sudo go ...} session.
 * {@code problems} lists each piece that stayed unknown and why.
 */
public record Identity(
    OptionalInt effectiveUid,
    String uidSource,
    Optional<String> userName,
    Optional<String> home,
    OptionalInt homeOwnerUid,
    Optional<String> homeOwnerName,
    Optional<String> sudoUser,
    Optional<String> sudoUid,
    List<String> problems) {

  public Identity {
    problems = List.copyOf(problems);
  }

  /** YES when the effective uid is 0. */
  public Tristate root() {
    return effectiveUid.isPresent() ? Tristate.of(effectiveUid.getAsInt() == 0) : Tristate.UNKNOWN;
  }

  /** True when {@code SUDO_USER} or {@code SUDO_UID} is set: the process was started through sudo. */
  public boolean viaSudo() {
    return sudoUser.isPresent() || sudoUid.isPresent();
  }

  /** YES when HOME belongs to another uid than the one this process runs as (e.g. HOME kept under sudo). */
  public Tristate homeOwnedByOther() {
    if (effectiveUid.isEmpty() || homeOwnerUid.isEmpty()) {
      return Tristate.UNKNOWN;
    }
    return Tristate.of(effectiveUid.getAsInt() != homeOwnerUid.getAsInt());
  }
}
