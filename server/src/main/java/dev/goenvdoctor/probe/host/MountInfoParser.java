package dev.goenvdoctor.probe.host;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses {@code /proc/self/mountinfo} (proc(5)): {@code id parent major:minor root mountpoint options
 * [optional fields...] - fstype source superoptions}. The kernel escapes space, tab, newline and
 * backslash in paths as three octal digits ({@code \040}); paths are bytes, decoded here as UTF-8.
 */
final class MountInfoParser {
  static final int MAX_MOUNTS = 50_000;
  private static final int MAX_PROBLEMS = 20;

  private MountInfoParser() {}

  static MountTable parse(byte[] data, String file) {
    List<Mount> mounts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int skipped = 0;
    // ISO-8859-1 maps each byte to one char, so escapes can be decoded back to the original bytes.
    String text = new String(data, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      if (mounts.size() >= MAX_MOUNTS) {
        problems.add(file + ": more than " + MAX_MOUNTS + " mounts; the rest was not read");
        break;
      }
      String error = parseLine(line, mounts);
      if (error != null) {
        skipped++;
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(file + ":" + (i + 1) + ": " + error + "; line skipped");
        }
      }
    }
    if (skipped > MAX_PROBLEMS) {
      problems.add(file + ": " + (skipped - MAX_PROBLEMS) + " more malformed lines skipped");
    }
    if (mounts.isEmpty() && problems.isEmpty()) {
      problems.add(file + " lists no mounts");
    }
    return new MountTable(mounts, problems);
  }

  /** Adds the mount of one line, or returns what is wrong with it. */
  private static String parseLine(String line, List<Mount> out) {
    String[] f = line.strip().split(" +");
    if (f.length < 7) {
      return "expected at least 7 fields, found " + f.length;
    }
    int separator = -1;
    for (int i = 6; i < f.length; i++) {
      if (f[i].equals("-")) {
        separator = i;
        break;
      }
    }
    if (separator < 0) {
      return "no ' - ' separator before the filesystem type";
    }
    if (separator + 1 >= f.length) {
      return "no filesystem type after ' - '";
    }
    int id;
    int parent;
    try {
      id = Integer.parseInt(f[0]);
      parent = Integer.parseInt(f[1]);
    } catch (NumberFormatException e) {
      return "mount id '" + shorten(f[0]) + "' or parent id '" + shorten(f[1]) + "' is not a number";
    }
    String mountPoint = unescape(f[4]);
    if (!mountPoint.startsWith("/")) {
      return "mount point '" + shorten(mountPoint) + "' is not absolute";
    }
    String source = separator + 2 < f.length ? unescape(f[separator + 2]) : "";
    List<String> superOptions = separator + 3 < f.length ? options(f[separator + 3]) : List.of();
    out.add(new Mount(
        id,
        parent,
        unescape(f[3]),
        mountPoint,
        options(f[5]),
        Arrays.asList(f).subList(6, separator),
        unescape(f[separator + 1]),
        source,
        superOptions));
    return null;
  }

  private static List<String> options(String field) {
    return List.of(unescape(field).split(","));
  }

  /** Decodes {@code \ooo} octal escapes to bytes, then the bytes as UTF-8. */
  static String unescape(String field) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && isOctal(field, i + 1)) {
        bytes.write(Integer.parseInt(field.substring(i + 1, i + 4), 8) & 0xff);
        i += 3;
      } else {
        bytes.write(c & 0xff);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return s.charAt(from) <= '3'; // \400 and above do not fit a byte
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
