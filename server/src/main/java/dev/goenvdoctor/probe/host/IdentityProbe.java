package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Learns the effective uid. On the real root it asks the kernel ({@link Native#effectiveUid()}). A
 * scenario root cannot ask anyone, so it states the uid, first found of: the {@code Uid:} line of its
 * {@code /proc/self/status} (the second number is the effective uid, as in proc(5)), an {@code EUID} or
 * {@code UID} entry in the environment map, and last the owner of HOME.
 */
final class IdentityProbe {
  static final String PROC_STATUS = "/proc/self/status";

  private IdentityProbe() {}

  static Identity probe(Root root, Env env, Optional<String> home, Users users) {
    List<String> problems = new ArrayList<>();
    OptionalInt homeOwner = home.map(h -> Ownership.ownerUid(root, h)).orElse(OptionalInt.empty());
    if (home.isEmpty()) {
      problems.add("HOME is not set");
    } else if (homeOwner.isEmpty()) {
      problems.add("owner of HOME " + home.get() + " is unknown (missing or unreadable)");
    }

    OptionalInt uid;
    String source;
    if (root.isSystem()) {
      int euid = Native.effectiveUid();
      uid = euid >= 0 ? OptionalInt.of(euid) : OptionalInt.empty();
      source = "this process (/proc/self/status, else geteuid())";
    } else {
      OptionalInt fromStatus = statusUid(root);
      OptionalInt fromEnv = env.get("EUID").or(() -> env.get("UID")).map(IdentityProbe::parseUid).orElse(OptionalInt.empty());
      if (fromStatus.isPresent()) {
        uid = fromStatus;
        source = PROC_STATUS;
      } else if (fromEnv.isPresent()) {
        uid = fromEnv;
        source = env.get("EUID").isPresent() ? "environment EUID" : "environment UID";
      } else {
        uid = homeOwner;
        source = "owner of HOME";
      }
    }
    if (uid.isEmpty()) {
      problems.add(root.isSystem()
          ? "effective uid is unknown: geteuid() and /proc/self/status gave no answer"
          : "effective uid is unknown: no Uid: line in " + PROC_STATUS + ", no EUID or UID in the environment,"
              + " and the owner of HOME is unknown");
    }

    Optional<String> name = Optional.empty();
    if (uid.isPresent()) {
      name = users.name(uid.getAsInt());
    }
    if (name.isEmpty()) {
      name = env.get("USER").or(() -> env.get("LOGNAME"));
    }
    Optional<String> homeOwnerName = homeOwner.isPresent() ? users.name(homeOwner.getAsInt()) : Optional.empty();
    return new Identity(uid, source, name, home, homeOwner, homeOwnerName, env.get("SUDO_USER"), env.get("SUDO_UID"), problems);
  }

  private static OptionalInt statusUid(Root root) {
    Optional<String> text = HostFile.small(root, PROC_STATUS).text();
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    for (String line : text.get().split("\n")) {
      if (line.startsWith("Uid:")) {
        String[] ids = line.substring(4).strip().split("\\s+");
        return ids.length >= 2 ? parseUid(ids[1]) : OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  static OptionalInt parseUid(String s) {
    String t = s.strip();
    if (!t.matches("\\d{1,10}")) {
      return OptionalInt.empty();
    }
    long v = Long.parseLong(t);
    return v <= Integer.MAX_VALUE ? OptionalInt.of((int) v) : OptionalInt.empty();
  }
}
