package dev.goenvdoctor.intellij.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Copy as Markdown": the layers, the rows where they disagree, where values come from, and the findings with
 * their fixes, as GitHub-flavoured Markdown for a bug report. Paths under the home directory are shown as
 * {@code ~}; only PATH and the Go variables appear (the server reports nothing else of an environment).
 */
public final class MarkdownExport {
  private MarkdownExport() {}

  /** Returns the report as Markdown. */
  public static String render(Report report) {
    LayerTableModel table = new LayerTableModel();
    table.update(report);
    String home = report.machine().home();
    Machine m = report.machine();
    List<String> out = new ArrayList<>();
    out.add("## go-env-doctor report");
    out.add("");
    out.add("go-env-doctor " + report.toolVersion() + ", " + report.takenAt() + ". Login shell "
        + (m.shell().isEmpty() ? "?" : m.shell()) + "; "
        + (m.execAllowed() ? "the shell and go env could run." : "zero-exec: nothing ran, everything was read from files.")
        + (m.workspaceTrusted() ? "" : " Workspace not trusted."));
    out.add("");
    out.add("### Which go runs where");
    out.add("");
    out.add("| layer | go | version | GOROOT | found through | learned |");
    out.add("|---|---|---|---|---|---|");
    for (Layer l : report.layers()) {
      GoCommand go = l.go();
      out.add(row(List.of(l.id(), go == null ? "none found" : go.shown(home), go == null ? "" : go.version(),
          go == null ? "" : ShortPaths.shorten(go.goroot(), home), go == null ? "" : go.why(), l.sourceDescription())));
    }
    out.add("");
    List<String> ids = report.layers().stream().map(Layer::id).toList();
    differing(out, table, LayerTableModel.Kind.VARIABLE, "### Go variables that differ", "variable", ids);
    differing(out, table, LayerTableModel.Kind.PATH_ENTRY, "### PATH entries that differ (position in each layer)", "PATH entry", ids);

    Map<String, List<String>> origins = new LinkedHashMap<>();
    for (Layer l : report.layers()) {
      l.path().stream().filter(e -> e.origin() != null).forEach(e -> addOrigin(origins, e.origin(), "PATH", l.id(), home));
      l.origins().forEach((name, p) -> addOrigin(origins, p, name, l.id(), home));
    }
    if (!origins.isEmpty()) {
      out.add("### Where values come from");
      out.add("");
      origins.forEach((line, layers) -> out.add(line + " (" + String.join(", ", layers) + ")"));
      out.add("");
    }

    out.add("### Findings (" + report.findings().size() + ")");
    out.add("");
    if (report.findings().isEmpty()) {
      out.add("None.");
    }
    FindingsListModel findings = new FindingsListModel();
    findings.update(report);
    for (Finding f : findings.findings()) {
      out.add("- **" + f.severity() + "** `" + f.slug() + "`" + (f.code().isEmpty() ? "" : " (" + f.code() + ")") + " at `"
          + f.location().label(home) + "`: " + oneLine(ShortPaths.shortenIn(f.message(), home)));
      for (FixChoice x : f.fixes()) {
        out.add("  - fix" + (x.preferred() ? " (preferred)" : "") + ": " + oneLine(ShortPaths.shortenIn(x.title(), home)));
      }
    }
    out.add("");
    return String.join("\n", out);
  }

  private static void differing(List<String> out, LayerTableModel table, LayerTableModel.Kind kind, String title, String first,
      List<String> ids) {
    List<LayerTableModel.Row> rows = table.rows().stream().filter(r -> r.kind() == kind && r.differs()).toList();
    if (rows.isEmpty()) {
      return;
    }
    out.add(title);
    out.add("");
    List<String> header = new ArrayList<>(List.of(first));
    header.addAll(ids);
    out.add(row(header));
    out.add(row(header.stream().map(h -> "---").toList()));
    for (LayerTableModel.Row r : rows) {
      List<String> cells = new ArrayList<>(List.of(r.label()));
      r.cells().forEach(c -> cells.add(c.text().equals(LayerTableModel.DASH) ? "-" : c.text()));
      out.add(row(cells));
    }
    out.add("");
  }

  private static void addOrigin(Map<String, List<String>> origins, Provenance p, String what, String layer, String home) {
    String line = "- `" + p.location().label(home) + "` " + what + ": `" + oneLine(p.text()).replace('`', '\'') + "`";
    List<String> layers = origins.computeIfAbsent(line, k -> new ArrayList<>());
    if (!layers.contains(layer)) {
      layers.add(layer);
    }
  }

  private static String row(List<String> cells) {
    return "| " + String.join(" | ", cells.stream().map(c -> oneLine(c).replace("|", "\\|")).toList()) + " |";
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\n\\s*", " ").trim();
  }
}
