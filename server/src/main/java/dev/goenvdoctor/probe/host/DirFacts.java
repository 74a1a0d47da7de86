package dev.goenvdoctor.probe.host;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One directory the caller asked about ({@code name} is its variable: GOPATH, GOMODCACHE, GOCACHE,
 * GOTMPDIR, TMPDIR...). When it does not exist yet, owner and writability are those of
 * {@code checkedPath}, its nearest existing ancestor, because that is where Go would have to create it.
 * {@code ownedByOther} is YES for e.g. a root-owned {@code ~/go/pkg/mod} left by {@code sudo go ...}.
 */
public record DirFacts(
    String name,
    String path,
    boolean exists,
    boolean directory,
    String checkedPath,
    OptionalInt ownerUid,
    Optional<String> ownerName,
    Tristate ownedByOther,
    Tristate writable,
    String writableBasis,
    PathMount mount,
    List<String> problems) {

  public DirFacts {
    problems = List.copyOf(problems);
  }

  /** The owner as people read it ({@code root (uid 0)}, {@code uid 12345}) when it is not this user. */
  public Optional<String> otherOwner() {
    if (!ownedByOther.isYes() || ownerUid.isEmpty()) {
      return Optional.empty();
    }
    int uid = ownerUid.getAsInt();
    return Optional.of(ownerName.map(n -> n + " (uid " + uid + ")").orElse("uid " + uid));
  }
}
