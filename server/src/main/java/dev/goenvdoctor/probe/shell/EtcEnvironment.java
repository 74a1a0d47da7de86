package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What pam_env puts into every login session from {@code /etc/environment}, read as pam_env reads it:
 * {@code KEY=VAL} lines, no variable or {@code ~} expansion, an {@code export } prefix ignored, text after
 * {@code #} dropped, the opening quote and a final quote removed. Also lists {@code ~/.pam_environment},
 * which pam_env reads only with {@code user_readenv=1}.
 */
public record EtcEnvironment(List<EtcEnvironmentEntry> entries, List<StartupFile> files, List<StartupNote> notes) {
  static final String PATH = "/etc/environment";
  private static final int PAM_LINE_LIMIT = 1024;

  public EtcEnvironment {
    entries = List.copyOf(entries);
    files = List.copyOf(files);
    notes = List.copyOf(notes);
  }

  /** The last entry for a variable, if the file sets or unsets it. */
  public Optional<EtcEnvironmentEntry> entry(String name) {
    EtcEnvironmentEntry last = null;
    for (EtcEnvironmentEntry e : entries) {
      if (e.name().equals(name)) {
        last = e;
      }
    }
    return Optional.ofNullable(last);
  }

  /**
   * Reads {@code /etc/environment} under the root, and notes {@code <home>/.pam_environment} when present
   * ({@code home} may be null). Never throws.
   */
  public static EtcEnvironment read(Root root, String home) {
    List<EtcEnvironmentEntry> entries = new ArrayList<>();
    List<StartupFile> files = new ArrayList<>();
    List<StartupNote> notes = new ArrayList<>();
    Optional<byte[]> bytes = root.isRegularFile(PATH) ? root.readBytes(PATH, StaticShellSession.MAX_FILE_BYTES + 1)
        : Optional.empty();
    if (bytes.isEmpty()) {
      files.add(new StartupFile(PATH, root.exists(PATH) ? StartupFileStatus.UNREADABLE : StartupFileStatus.MISSING,
          root.exists(PATH) ? "cannot be read" : "does not exist", null));
    } else if (bytes.get().length > StaticShellSession.MAX_FILE_BYTES) {
      files.add(new StartupFile(PATH, StartupFileStatus.TOO_BIG, "larger than 1 MiB", null));
    } else {
      files.add(new StartupFile(PATH, StartupFileStatus.READ, "read by pam_env at every login, before any shell",
          null));
      parse(new String(bytes.get(), StandardCharsets.UTF_8).replace("\0", ""), entries, notes);
    }
    if (home != null && root.exists(home + "/.pam_environment")) {
      String readers = pamUserReaders(root);
      files.add(new StartupFile(home + "/.pam_environment", StartupFileStatus.NOT_READ, readers == null
          ? "deprecated: pam_env reads it only with user_readenv=1, off by default since Linux-PAM 1.4.0, and no"
          + " file in /etc/pam.d turns it on"
          : "deprecated (Linux-PAM 1.5.0): read only by PAM services that pass user_readenv=1 (" + readers + ")",
          null));
    }
    return new EtcEnvironment(entries, files, notes);
  }

  private static String pamUserReaders(Root root) {
    List<String> found = new ArrayList<>();
    for (String name : root.list("/etc/pam.d")) {
      Optional<String> text = root.readText("/etc/pam.d/" + name, 256 * 1024);
      if (text.isPresent()) {
        for (String line : text.get().split("\n")) {
          String t = line.trim();
          if (!t.startsWith("#") && t.contains("pam_env.so") && t.contains("user_readenv=1")) {
            found.add("/etc/pam.d/" + name);
            break;
          }
        }
      }
    }
    return found.isEmpty() ? null : String.join(", ", found);
  }

  /** pam_env's _assemble_line and _parse_env_file, bug for bug where it matters for values. */
  private static void parse(String text, List<EtcEnvironmentEntry> entries, List<StartupNote> notes) {
    String[] lines = text.split("\n", -1);
    int n = 0;
    while (n < lines.length) {
      int first = n;
      StringBuilder logical = new StringBuilder();
      boolean more = true;
      while (more && n < lines.length) {
        String physical = lines[n++];
        String s = stripLeading(physical);
        if (s.isEmpty() || s.startsWith("#")) {
          if (logical.length() == 0) {
            first = n;
          }
          continue;
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
          logical.append(s, 0, hash);
          more = false;
          continue;
        }
        String trimmed = s.replaceAll("[ \t]+$", "");
        if (trimmed.endsWith("\\")) {
          logical.append(trimmed, 0, trimmed.length() - 1);
        } else {
          logical.append(s);
          more = false;
        }
      }
      if (logical.length() == 0) {
        continue;
      }
      Provenance p = StaticShellSession.lineProvenance(PATH, lines, Math.min(first, lines.length - 1));
      if (logical.length() >= PAM_LINE_LIMIT) {
        notes.add(new StartupNote(p, StartupNote.Kind.UNSUPPORTED, "this line is longer than pam_env's 1024-byte"
            + " buffer; pam_env stops reading /etc/environment here"));
        return;
      }
      entry(logical.toString(), p, entries, notes);
    }
  }

  private static void entry(String line, Provenance p, List<EtcEnvironmentEntry> entries, List<StartupNote> notes) {
    String key = stripLeading(line);
    if (key.startsWith("export ")) {
      key = key.substring(7);
    }
    if (key.startsWith("=")) {
      notes.add(new StartupNote(p, StartupNote.Kind.UNSUPPORTED, "pam_env ignores a line with no name"));
      return;
    }
    int eq = key.indexOf('=');
    String name = eq < 0 ? key : key.substring(0, eq);
    if (!name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_')) || name.isEmpty()) {
      notes.add(new StartupNote(p, StartupNote.Kind.UNSUPPORTED, "pam_env ignores this line: '" + name
          + "' is not a plain variable name (shell syntax such as `PATH=... export` does not work here)"));
      return;
    }
    if (eq < 0) {
      entries.add(new EtcEnvironmentEntry(name, "", p, true, Set.of()));
      return;
    }
    String raw = key.substring(eq + 1);
    String value = raw;
    Set<EtcEnvironmentEntry.Issue> issues = EnumSet.noneOf(EtcEnvironmentEntry.Issue.class);
    if (!raw.isEmpty() && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')) {
      StringBuilder sb = new StringBuilder();
      for (int t = 1; t < raw.length(); t++) {
        char c = raw.charAt(t);
        boolean quote = c == '"' || c == '\'';
        if (!quote || t + 1 < raw.length()) {
          sb.append(c);
        }
      }
      value = sb.toString();
      if (value.indexOf('"') >= 0 || value.indexOf('\'') >= 0) {
        issues.add(EtcEnvironmentEntry.Issue.STRAY_QUOTE);
      }
    }
    if (value.matches("(?s).*\\$\\{?[A-Za-z_].*")) {
      issues.add(EtcEnvironmentEntry.Issue.USES_VARIABLE);
      notes.add(new StartupNote(p, StartupNote.Kind.INFO, "pam_env does not expand variables in /etc/environment: "
          + name + " gets the literal text " + value));
    }
    if (value.startsWith("~") || value.contains(":~")) {
      issues.add(EtcEnvironmentEntry.Issue.USES_TILDE);
      notes.add(new StartupNote(p, StartupNote.Kind.INFO, "pam_env does not expand ~ in /etc/environment: " + name
          + " gets a literal ~"));
    }
    if (!value.isEmpty() && (value.endsWith(" ") || value.endsWith("\t") || value.endsWith("\r"))) {
      issues.add(EtcEnvironmentEntry.Issue.TRAILING_WHITESPACE);
    }
    entries.add(new EtcEnvironmentEntry(name, value, p, false, issues));
  }

  private static String stripLeading(String s) {
    int k = 0;
    while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
      k++;
    }
    return s.substring(k);
  }
}
