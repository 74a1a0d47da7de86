package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.probe.Root;
import java.util.Map;
import java.util.Optional;

/**
 * The user's login shell: {@code $SHELL} when the environment has it (what the session started), else
 * the user's {@code /etc/passwd} entry, else {@code /bin/sh}.
 */
record LoginShell(String path, String from) {
  static LoginShell of(Root root, Map<String, String> env) {
    String shell = env.get("SHELL");
    if (shell != null && shell.startsWith("/")) {
      return new LoginShell(shell, "SHELL");
    }
    String user = env.getOrDefault("USER", env.getOrDefault("LOGNAME", ""));
    return passwdShell(root, user).map(s -> new LoginShell(s, "/etc/passwd"))
        .orElse(new LoginShell("/bin/sh", "default (no SHELL and no /etc/passwd entry)"));
  }

  private static Optional<String> passwdShell(Root root, String user) {
    if (user.isEmpty()) {
      return Optional.empty();
    }
    return root.readText("/etc/passwd", 1 << 20).flatMap(text -> text.lines()
        .map(line -> line.split(":", -1))
        .filter(f -> f.length >= 7 && f[0].equals(user) && f[6].startsWith("/"))
        .map(f -> f[6])
        .findFirst());
  }
}
