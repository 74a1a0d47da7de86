package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads systemd environment.d files as {@code systemd-environment-d-generator} does: {@code *.conf} from
 * {@code ~/.config/environment.d} (or {@code $XDG_CONFIG_HOME/environment.d}), {@code /etc/environment.d},
 * {@code /run/environment.d}, {@code /usr/local/lib/environment.d} and {@code /usr/lib/environment.d}; a name
 * in an earlier directory masks the same name in later ones; all files are applied in file-name order; values
 * may use {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR:+alternative}}. These
 * variables reach {@code systemd --user} services, not necessarily the login shell.
 */
public final class EnvironmentDReader {
  private static final List<String> SYSTEM_DIRS = List.of("/etc/environment.d", "/run/environment.d",
      "/usr/local/lib/environment.d", "/usr/lib/environment.d");

  private EnvironmentDReader() {}

  /**
   * Applies the environment.d files under the root to {@code baseEnvironment} (the user manager's own
   * environment; it needs HOME to find the user directory). Never throws.
   */
  public static EnvironmentDResult read(Root root, Map<String, String> baseEnvironment) {
    List<StartupFile> files = new ArrayList<>();
    List<StartupNote> notes = new ArrayList<>();
    Map<String, StaticShellValue> env = new LinkedHashMap<>();
    Map<String, Provenance> origins = new LinkedHashMap<>();
    baseEnvironment.forEach((k, v) -> {
      if (k != null && v != null) {
        env.put(k, StaticShellValue.of(v, null, k, false, false));
      }
    });
    List<String> dirs = new ArrayList<>();
    String home = baseEnvironment.get("HOME");
    String config = baseEnvironment.get("XDG_CONFIG_HOME");
    if (config != null && config.startsWith("/")) {
      dirs.add(config + "/environment.d");
    } else if (home != null && home.startsWith("/")) {
      dirs.add(home + "/.config/environment.d");
    }
    dirs.addAll(SYSTEM_DIRS);
    TreeMap<String, String> chosen = new TreeMap<>();
    for (String dir : dirs) {
      for (String name : root.list(dir)) {
        if (!name.endsWith(".conf")) {
          continue;
        }
        String path = dir + "/" + name;
        if (chosen.containsKey(name)) {
          files.add(new StartupFile(path, StartupFileStatus.SHADOWED, "masked by " + chosen.get(name), null));
        } else {
          chosen.put(name, path);
        }
      }
    }
    for (String path : chosen.values()) {
      Optional<byte[]> bytes = root.readBytes(path, StaticShellSession.MAX_FILE_BYTES + 1);
      if (bytes.isEmpty()) {
        files.add(new StartupFile(path, StartupFileStatus.UNREADABLE, "cannot be read", null));
        continue;
      }
      if (bytes.get().length > StaticShellSession.MAX_FILE_BYTES) {
        files.add(new StartupFile(path, StartupFileStatus.TOO_BIG, "larger than 1 MiB", null));
        continue;
      }
      String realPath = root.resolve(path).realPath();
      files.add(new StartupFile(path, StartupFileStatus.READ, realPath.equals(path)
          ? "applied by systemd-environment-d-generator (systemd --user services)"
          : "applied by systemd-environment-d-generator; it is " + realPath, null));
      String provenanceFile = realPath.equals("/etc/environment") ? realPath : path;
      parse(provenanceFile, new String(bytes.get(), StandardCharsets.UTF_8).replace("\0", ""), env, origins, notes);
    }
    Map<String, StaticShellVariable> variables = new LinkedHashMap<>();
    List<StaticShellPathEntry> path = new ArrayList<>();
    env.forEach((name, value) -> {
      if (!StaticShellEvaluator.TRACKED_VARIABLES.contains(name)) {
        return;
      }
      variables.put(name, new StaticShellVariable(name, value.text(), origins.get(name), false, false));
      if (name.equals("PATH") && !value.isEmpty()) {
        for (StaticShellValue entry : value.split(':')) {
          StaticShellPiece s = entry.summary(origins.get(name), false);
          path.add(new StaticShellPathEntry(entry.text(), s.origin(), false, false));
        }
      }
    });
    return new EnvironmentDResult(files, variables, path, notes);
  }

  /** systemd's env-file syntax: KEY=VALUE, quotes, backslash escapes and continuations, # and ; comments. */
  private static void parse(String file, String text, Map<String, StaticShellValue> env,
      Map<String, Provenance> origins, List<StartupNote> notes) {
    String[] lines = text.split("\n", -1);
    int i = 0;
    int line = 0;
    while (i < text.length()) {
      // skip blanks and comment lines
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
        i++;
      }
      if (i >= text.length()) {
        break;
      }
      char c = text.charAt(i);
      if (c == '\n') {
        i++;
        line++;
        continue;
      }
      int startLine = line;
      if (c == '#' || c == ';') {
        while (i < text.length() && text.charAt(i) != '\n') {
          if (text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
            line++;
          }
          i++;
        }
        continue;
      }
      int keyStart = i;
      while (i < text.length() && text.charAt(i) != '=' && text.charAt(i) != '\n') {
        i++;
      }
      String key = text.substring(keyStart, i).trim();
      Provenance p = StaticShellSession.lineProvenance(file, lines, startLine);
      if (i >= text.length() || text.charAt(i) == '\n') {
        notes.add(new StartupNote(p, StartupNote.Kind.UNSUPPORTED, "not KEY=VALUE; systemd ignores this line"));
        continue;
      }
      i++; // '='
      StringBuilder value = new StringBuilder();
      int lastNonBlank = 0;
      boolean started = false;
      while (i < text.length() && text.charAt(i) != '\n') {
        char d = text.charAt(i);
        if (!started && (d == ' ' || d == '\t')) {
          i++;
          continue;
        }
        started = true;
        if (d == '\\' && i + 1 < text.length()) {
          char n = text.charAt(i + 1);
          if (n == '\n') {
            line++;
          } else {
            value.append(n);
            lastNonBlank = value.length();
          }
          i += 2;
          continue;
        }
        if (d == '\'' || d == '"') {
          int k = i + 1;
          while (k < text.length() && text.charAt(k) != d) {
            char e = text.charAt(k);
            if (d == '"' && e == '\\' && k + 1 < text.length()) {
              char n = text.charAt(k + 1);
              if (n == '\n') {
                line++;
              } else if ("\"\\`$".indexOf(n) >= 0) {
                value.append(n);
              } else {
                value.append('\\').append(n);
              }
              k += 2;
              continue;
            }
            if (e == '\n') {
              line++;
            }
            value.append(e);
            k++;
          }
          lastNonBlank = value.length();
          i = Math.min(text.length(), k + 1);
          continue;
        }
        value.append(d);
        if (d != ' ' && d != '\t' && d != '\r') {
          lastNonBlank = value.length();
        }
        i++;
      }
      String raw = value.substring(0, lastNonBlank);
      if (!ShellWord.isName(key)) {
        notes.add(new StartupNote(p, StartupNote.Kind.UNSUPPORTED, "'" + key + "' is not a valid variable name;"
            + " systemd ignores this line" + (key.startsWith("export ") ? " (no `export` in environment.d)" : "")));
        continue;
      }
      env.put(key, expand(raw, env, p, key));
      origins.put(key, p);
    }
  }

  /** systemd's replace_env: $VAR, ${VAR}, ${VAR:-default}, ${VAR:+alternative}; unset is empty. */
  static StaticShellValue expand(String raw, Map<String, StaticShellValue> env, Provenance p, String owner) {
    List<StaticShellPiece> pieces = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
        int close = raw.indexOf('}', i + 2);
        if (close > 0) {
          String body = raw.substring(i + 2, close);
          String name = body;
          String op = null;
          String word = "";
          int colon = body.indexOf(":");
          char after = colon > 0 && colon + 1 < body.length() ? body.charAt(colon + 1) : 0;
          if (after == '-' || after == '+') {
            name = body.substring(0, colon);
            op = body.substring(colon, colon + 2);
            word = body.substring(colon + 2);
          }
          flush(lit, pieces, p, owner);
          StaticShellValue v = env.get(name);
          boolean empty = v == null || v.isEmpty();
          if (op == null) {
            if (v != null) {
              pieces.addAll(v.pieces());
            }
          } else if (op.equals(":-")) {
            if (empty) {
              pieces.addAll(expand(word, env, p, owner).pieces());
            } else {
              pieces.addAll(v.pieces());
            }
          } else if (!empty) {
            pieces.addAll(expand(word, env, p, owner).pieces());
          }
          i = close + 1;
          continue;
        }
      }
      if (c == '$' && i + 1 < raw.length() && (Character.isLetter(raw.charAt(i + 1)) || raw.charAt(i + 1) == '_')) {
        int end = i + 1;
        while (end < raw.length() && (Character.isLetterOrDigit(raw.charAt(end)) || raw.charAt(end) == '_')) {
          end++;
        }
        flush(lit, pieces, p, owner);
        StaticShellValue v = env.get(raw.substring(i + 1, end));
        if (v != null) {
          pieces.addAll(v.pieces());
        }
        i = end;
        continue;
      }
      lit.append(c);
      i++;
    }
    flush(lit, pieces, p, owner);
    return new StaticShellValue(pieces).assignedTo(owner, p, false);
  }

  private static void flush(StringBuilder lit, List<StaticShellPiece> pieces, Provenance p, String owner) {
    if (lit.length() > 0) {
      pieces.add(new StaticShellPiece(lit.toString(), p, owner, false, false));
      lit.setLength(0);
    }
  }
}
