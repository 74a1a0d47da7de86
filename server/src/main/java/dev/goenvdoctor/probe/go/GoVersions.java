package dev.goenvdoctor.probe.go;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Version strings as version managers and the go command write them: {@code go1.22.5}, {@code 1.22}, {@code 1.23rc1}. */
final class GoVersions {
  private static final Pattern MAJOR_MINOR = Pattern.compile("^(?:go)?(\\d+)\\.(\\d+)");

  /** Orders like {@code sort -V}: digit runs compare as numbers, other runs as text. */
  static final Comparator<String> NATURAL = GoVersions::compareNatural;

  private GoVersions() {}

  /** True when {@code version} ({@code go1.22.5} or {@code 1.22.5}) is at least {@code major.minor}. */
  static boolean atLeast(String version, int major, int minor) {
    Matcher m = MAJOR_MINOR.matcher(version);
    if (!m.find()) {
      return false;
    }
    try {
      int maj = Integer.parseInt(m.group(1));
      int min = Integer.parseInt(m.group(2));
      return maj > major || (maj == major && min >= minor);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The newest name in {@code installed} that equals {@code prefix} or extends it by {@code .<more>}. */
  static Optional<String> newestWithPrefix(List<String> installed, String prefix) {
    return installed.stream()
        .filter(v -> v.equals(prefix) || v.startsWith(prefix + "."))
        .max(NATURAL);
  }

  private static int compareNatural(String a, String b) {
    List<String> ra = runs(a);
    List<String> rb = runs(b);
    for (int i = 0; i < Math.min(ra.size(), rb.size()); i++) {
      String x = ra.get(i);
      String y = rb.get(i);
      boolean dx = Character.isDigit(x.charAt(0));
      boolean dy = Character.isDigit(y.charAt(0));
      int c;
      if (dx && dy) {
        String nx = x.replaceFirst("^0+(?=.)", "");
        String ny = y.replaceFirst("^0+(?=.)", "");
        c = nx.length() != ny.length() ? Integer.compare(nx.length(), ny.length()) : nx.compareTo(ny);
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ra.size(), rb.size());
  }

  private static List<String> runs(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int j = i;
      boolean digit = Character.isDigit(s.charAt(i));
      while (j < s.length() && Character.isDigit(s.charAt(j)) == digit) {
        j++;
      }
      out.add(s.substring(i, j));
      i = j;
    }
    return out;
  }
}
