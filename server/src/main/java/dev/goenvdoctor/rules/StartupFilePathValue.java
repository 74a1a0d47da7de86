package dev.goenvdoctor.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a plain {@code PATH=...} assignment on one line of a POSIX startup file, split into its
 * {@code :}-separated parts, so a fix can drop or add a part and write the line back unchanged elsewhere.
 * Only simple forms are understood (one unquoted, double-quoted or single-quoted word, no command
 * substitution); anything else is left alone.
 */
record StartupFilePathValue(String before, char quote, List<String> segments, String after) {
  private static final Pattern ASSIGNMENT = Pattern.compile("(^|[\\s;&|])((export|declare\\s+-x|typeset\\s+-x)\\s+)?PATH=");
  private static final Pattern LONE_VARIABLE = Pattern.compile("\\$(\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");
  private static final Pattern PATH_REFERENCE = Pattern.compile("\\$(\\{PATH}|PATH\\b)");

  StartupFilePathValue {
    segments = List.copyOf(segments);
  }

  /** The first PATH assignment on {@code line}, when its value has one of the simple forms. */
  static Optional<StartupFilePathValue> parse(String line) {
    Matcher m = ASSIGNMENT.matcher(line);
    if (!m.find() || line.substring(0, m.start()).contains("#")) {
      return Optional.empty();
    }
    int start = m.end();
    char quote = start < line.length() && (line.charAt(start) == '"' || line.charAt(start) == '\'') ? line.charAt(start) : 0;
    int end;
    String inner;
    if (quote != 0) {
      end = line.indexOf(quote, start + 1);
      if (end < 0) {
        return Optional.empty();
      }
      inner = line.substring(start + 1, end);
      end++;
    } else {
      end = start;
      while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && ";&|".indexOf(line.charAt(end)) < 0) {
        end++;
      }
      inner = line.substring(start, end);
      if (inner.indexOf('"') >= 0 || inner.indexOf('\'') >= 0) {
        return Optional.empty();
      }
    }
    String after = line.substring(end);
    if (inner.contains("$(") || inner.contains("`") || inner.contains("\\")
        || !(after.isEmpty() || Character.isWhitespace(after.charAt(0)) || ";&|".indexOf(after.charAt(0)) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(new StartupFilePathValue(line.substring(0, start), quote, List.of(inner.split(":", -1)), after));
  }

  /** The line with these segments as the value, in the same quotes (double quotes for an unquoted value). */
  String withSegments(List<String> newSegments) {
    char q = quote == 0 ? '"' : quote;
    return before + q + String.join(":", newSegments) + q + after;
  }

  /** True for a segment that is the old PATH ({@code $PATH} or {@code ${PATH}}). */
  static boolean isPathReference(String segment) {
    return PATH_REFERENCE.matcher(segment).find();
  }

  /** The variable a segment consists of, for {@code $GOBIN} or {@code ${GOBIN}}; empty otherwise. */
  static Optional<String> loneVariable(String segment) {
    Matcher m = LONE_VARIABLE.matcher(segment);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group(2) != null ? m.group(2) : m.group(3));
  }

  /**
   * The directory a segment names, with {@code $HOME}, {@code ${HOME}}, an unquoted leading {@code ~} and
   * variables known in {@code env} replaced; empty when another variable is involved.
   */
  Optional<String> expand(String segment, Map<String, String> env, String home) {
    String s = segment;
    if (quote == 0 && (s.equals("~") || s.startsWith("~/"))) {
      s = home + s.substring(1);
    }
    Matcher m = LONE_VARIABLE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2) != null ? m.group(2) : m.group(3);
      String value = name.equals("HOME") ? home : env.get(name);
      if (value == null || quote == '\'') {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }
}
