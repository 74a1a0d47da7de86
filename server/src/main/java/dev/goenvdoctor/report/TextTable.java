package dev.goenvdoctor.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns separated by two spaces; rows may be marked with '*'. */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<Boolean> marks = new ArrayList<>();

  TextTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  void add(boolean marked, List<String> cells) {
    rows.add(List.copyOf(cells));
    marks.add(marked);
  }

  String render(String indent) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, indent + "  ", header, widths);
    for (int r = 0; r < rows.size(); r++) {
      line(out, indent + (marks.get(r) ? "* " : "  "), rows.get(r), widths);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String prefix, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder(prefix);
    for (int i = 0; i < cells.size(); i++) {
      line.append(cells.get(i));
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
