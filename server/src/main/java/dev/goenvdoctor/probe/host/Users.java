package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.probe.Root;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** User names by uid from the root's {@code /etc/passwd} (first entry wins, as getpwuid does). */
final class Users {
  static final String PASSWD = "/etc/passwd";
  private static final int MAX_BYTES = 1024 * 1024;

  private final Map<Integer, String> namesByUid;

  private Users(Map<Integer, String> namesByUid) {
    this.namesByUid = Map.copyOf(namesByUid);
  }

  /** No names known (when even reading the file failed). */
  static Users none() {
    return new Users(Map.of());
  }

  static Users read(Root root) {
    Map<Integer, String> names = new HashMap<>();
    HostFile.read(root, PASSWD, MAX_BYTES).text().ifPresent(text -> {
      for (String line : text.split("\n")) {
        String[] f = line.split(":", -1);
        if (f.length < 3 || f[0].isEmpty() || !f[2].matches("\\d{1,10}")) {
          continue;
        }
        try {
          names.putIfAbsent(Integer.parseInt(f[2]), f[0]);
        } catch (NumberFormatException e) { // beyond int: no real uid
        }
      }
    });
    return new Users(names);
  }

  Optional<String> name(int uid) {
    return Optional.ofNullable(namesByUid.get(uid));
  }

  /** {@code root (uid 0)}, or {@code uid 12345} when the uid has no name. */
  String describe(int uid) {
    return name(uid).map(n -> n + " (uid " + uid + ")").orElse("uid " + uid);
  }
}
