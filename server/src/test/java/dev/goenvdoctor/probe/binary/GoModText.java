package dev.goenvdoctor.probe.binary;

import java.util.Map;

/** Writes a BuildInfo the way {@code go version -m} prints it (without its first line), to compare with golden output. */
final class GoModText {
  private GoModText() {}

  static String format(BuildInfo info) {
    StringBuilder out = new StringBuilder();
    if (!info.path().isEmpty()) {
      out.append("\tpath\t").append(info.path()).append('\n');
    }
    info.mainModule().ifPresent(m -> module(out, "mod", m));
    info.deps().forEach(d -> module(out, "dep", d));
    for (Map.Entry<String, String> s : info.settings().entrySet()) {
      out.append("\tbuild\t").append(quoteIfNeeded(s.getKey(), "= \t\r\n\"`", true)).append('=')
          .append(quoteIfNeeded(s.getValue(), " \t\r\n\"`", false)).append('\n');
    }
    return out.toString();
  }

  private static void module(StringBuilder out, String word, BuildInfo.Module m) {
    out.append('\t').append(word).append('\t').append(m.path()).append('\t').append(m.version());
    if (m.replacement().isEmpty()) {
      out.append('\t').append(m.sum()).append('\n');
    } else {
      out.append('\n');
      module(out, "=>", m.replacement().get());
    }
  }

  private static String quoteIfNeeded(String s, String special, boolean quoteEmpty) {
    boolean quote = quoteEmpty && s.isEmpty();
    for (char c : special.toCharArray()) {
      quote |= s.indexOf(c) >= 0;
    }
    return quote ? '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : s;
  }
}
