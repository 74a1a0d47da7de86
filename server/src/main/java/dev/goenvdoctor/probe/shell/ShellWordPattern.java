package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Shell glob patterns ({@code *}, {@code ?}, {@code [...]}) turned into Java regexes, quoting respected. */
final class ShellWordPattern {
  private static final int MAX_GLOB_RESULTS = 1000;

  private ShellWordPattern() {}

  /** One path component of a glob: a literal name, or a regex for names. */
  record Component(String literal, Pattern regex) {}

  /** True when an unquoted part holds a glob character. */
  static boolean hasGlob(List<ShellWordPart> parts) {
    for (ShellWordPart p : parts) {
      if (p != null && !p.quoted() && p.value().text().chars().anyMatch(c -> c == '*' || c == '?' || c == '[')) {
        return true;
      }
    }
    return false;
  }

  /** A regex for the whole pattern; {@code pathname} keeps {@code *} and {@code ?} from matching '/'. */
  static Pattern regex(List<ShellWordPart> parts, boolean pathname) {
    StringBuilder sb = new StringBuilder();
    for (ShellWordPart p : parts) {
      if (p == null) {
        continue;
      }
      String text = p.value().text();
      if (p.quoted()) {
        sb.append(Pattern.quote(text).replace("\\Q\\E", ""));
      } else {
        appendGlob(sb, text, pathname);
      }
    }
    try {
      return Pattern.compile(sb.toString(), Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      return Pattern.compile(Pattern.quote(concat(parts)));
    }
  }

  /** Splits a field into path components for pathname expansion. */
  static List<Component> components(List<ShellWordPart> parts) {
    // Work on a per-character copy that remembers quoting, then cut at '/'.
    StringBuilder chars = new StringBuilder();
    List<Boolean> quoted = new ArrayList<>();
    for (ShellWordPart p : parts) {
      if (p == null) {
        continue;
      }
      String t = p.value().text();
      chars.append(t);
      for (int k = 0; k < t.length(); k++) {
        quoted.add(p.quoted());
      }
    }
    List<Component> out = new ArrayList<>();
    int start = 0;
    String all = chars.toString();
    for (int k = 0; k <= all.length(); k++) {
      if (k == all.length() || all.charAt(k) == '/') {
        String name = all.substring(start, k);
        boolean glob = false;
        StringBuilder rx = new StringBuilder();
        for (int j = start; j < k; j++) {
          char c = all.charAt(j);
          if (!quoted.get(j) && (c == '*' || c == '?' || c == '[')) {
            glob = true;
          }
        }
        if (glob) {
          List<ShellWordPart> sub = new ArrayList<>();
          for (int j = start; j < k; j++) {
            sub.add(new ShellWordPart(StaticShellValue.plain(String.valueOf(all.charAt(j))), quoted.get(j), false));
          }
          out.add(new Component(name, regex(sub, true)));
        } else {
          out.add(new Component(name, null));
        }
        start = k + 1;
      }
    }
    return out;
  }

  /** Pathname expansion under a root, sorted; hidden names only when the pattern starts with '.'. */
  static List<String> expand(Root root, String cwd, List<Component> components) {
    if (components.isEmpty()) {
      return List.of();
    }
    boolean absolute = components.get(0).literal().isEmpty() && components.get(0).regex() == null;
    List<String> current = new ArrayList<>();
    current.add(absolute ? "" : null);
    for (int c = absolute ? 1 : 0; c < components.size(); c++) {
      Component comp = components.get(c);
      List<String> next = new ArrayList<>();
      for (String base : current) {
        String dir = base == null ? cwd : (base.isEmpty() ? "/" : base);
        String prefix = base == null ? "" : base + "/";
        if (comp.regex() == null) {
          next.add(prefix + comp.literal());
          continue;
        }
        for (String name : root.list(dir)) {
          if (name.startsWith(".") && !comp.literal().startsWith(".")) {
            continue;
          }
          if (comp.regex().matcher(name).matches()) {
            next.add(prefix + name);
            if (next.size() > MAX_GLOB_RESULTS) {
              return List.of();
            }
          }
        }
      }
      current = next;
    }
    List<String> out = new ArrayList<>();
    for (String p : current) {
      String machine = p.startsWith("/") ? p : Root.join(cwd, p);
      if (root.exists(machine)) {
        out.add(p);
      }
    }
    return out;
  }

  private static String concat(List<ShellWordPart> parts) {
    StringBuilder sb = new StringBuilder();
    parts.forEach(p -> {
      if (p != null) {
        sb.append(p.value().text());
      }
    });
    return sb.toString();
  }

  private static void appendGlob(StringBuilder sb, String text, boolean pathname) {
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '*') {
        sb.append(pathname ? "[^/]*" : ".*");
      } else if (c == '?') {
        sb.append(pathname ? "[^/]" : ".");
      } else if (c == '[') {
        int close = bracketEnd(text, k);
        if (close < 0) {
          sb.append("\\[");
        } else {
          sb.append(bracketClass(text.substring(k + 1, close)));
          k = close;
        }
      } else if (c == '\\' && k + 1 < text.length()) {
        sb.append(Pattern.quote(String.valueOf(text.charAt(++k))));
      } else {
        sb.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
      }
    }
  }

  private static int bracketEnd(String text, int open) {
    int k = open + 1;
    if (k < text.length() && (text.charAt(k) == '!' || text.charAt(k) == '^')) {
      k++;
    }
    if (k < text.length() && text.charAt(k) == ']') {
      k++;
    }
    while (k < text.length()) {
      if (text.startsWith("[:", k)) {
        int end = text.indexOf(":]", k + 2);
        if (end > 0) {
          k = end + 2;
          continue;
        }
      }
      if (text.charAt(k) == ']') {
        return k;
      }
      k++;
    }
    return -1;
  }

  private static String bracketClass(String body) {
    StringBuilder sb = new StringBuilder("[");
    int k = 0;
    if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
      sb.append('^');
      k = 1;
    }
    for (; k < body.length(); k++) {
      char c = body.charAt(k);
      if (body.startsWith("[:", k)) {
        int end = body.indexOf(":]", k + 2);
        if (end > 0) {
          sb.append(posixClass(body.substring(k + 2, end)));
          k = end + 1;
          continue;
        }
      }
      if (c == '-' && k > 0 && k + 1 < body.length()) {
        sb.append('-');
      } else {
        sb.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
      }
    }
    return sb.append(']').toString();
  }

  private static String posixClass(String name) {
    return switch (name) {
      case "alpha" -> "\\p{Alpha}";
      case "digit" -> "\\p{Digit}";
      case "alnum" -> "\\p{Alnum}";
      case "upper" -> "\\p{Upper}";
      case "lower" -> "\\p{Lower}";
      case "space" -> "\\s";
      case "punct" -> "\\p{Punct}";
      default -> "";
    };
  }
}
