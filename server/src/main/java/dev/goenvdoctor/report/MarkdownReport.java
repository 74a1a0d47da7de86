package dev.goenvdoctor.report;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.GoVariables;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.go.GoInstallation;
import dev.goenvdoctor.snapshot.MachineFacts;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The snapshot and its findings as Markdown, for bug reports ("Copy as Markdown" in the editors uses
 * this through the server). Paths under HOME are shown as {@code ~}; only PATH and Go variables appear.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(Snapshot snapshot, List<Finding> findings) {
    MachineFacts m = snapshot.machine();
    UnaryOperator<String> path = TextReport.shortener(m.home());
    StringBuilder out = new StringBuilder("## Go environment (go-env-doctor)\n\n");
    out.append("- machine: ").append(snapshot.host().os().prettyName().orElse("unknown OS")).append(", login shell `")
        .append(m.shell()).append("`, taken ").append(snapshot.takenAt()).append('\n');
    out.append("- workspace: ").append(String.join(", ", m.workspaceFolders().stream().map(f -> "`" + path.apply(f) + "`").toList())).append("\n\n");

    out.append("### Which go runs where\n\n| layer | go | version | GOROOT | found through |\n|---|---|---|---|---|\n");
    for (Layer layer : snapshot.layers()) {
      if (layer.source() == LayerSource.UNAVAILABLE) {
        out.append("| ").append(layer.id().id()).append(" | (unavailable) | | | |\n");
        continue;
      }
      ResolvedGo go = layer.go().orElse(null);
      out.append("| ").append(layer.id().id()).append(" | ")
          .append(go == null ? "(no go)" : code(path.apply(go.command()) + (go.command().equals(go.realPath()) ? "" : " -> " + path.apply(go.realPath()))))
          .append(" | ").append(go == null ? "" : go.version().orElse("?"))
          .append(" | ").append(go == null ? "" : go.goroot().map(path).map(MarkdownReport::code).orElse(""))
          .append(" | ").append(go == null ? "" : escape(go.why())).append(" |\n");
    }

    out.append("\n### Go variables\n\n| variable |");
    snapshot.layers().forEach(l -> out.append(' ').append(l.id().id()).append(" |"));
    out.append("\n|---|");
    snapshot.layers().forEach(l -> out.append("---|"));
    out.append('\n');
    for (String name : GoVariables.REPORTED) {
      if (snapshot.layers().stream().noneMatch(l -> l.environment().containsKey(name))) {
        continue;
      }
      out.append("| ").append(name).append(" |");
      snapshot.layers().forEach(l -> out.append(' ').append(l.get(name).map(path).map(MarkdownReport::code).orElse("-")).append(" |"));
      out.append('\n');
    }

    out.append("\n### PATH (position in each layer)\n\n| entry |");
    snapshot.layers().forEach(l -> out.append(' ').append(l.id().id()).append(" |"));
    out.append("\n|---|");
    snapshot.layers().forEach(l -> out.append("---|"));
    out.append('\n');
    Set<String> dirs = new LinkedHashSet<>();
    snapshot.layers().forEach(l -> l.path().forEach(e -> dirs.add(e.dir())));
    for (String dir : dirs) {
      out.append("| ").append(code(dir.isEmpty() ? "(empty)" : path.apply(dir))).append(" |");
      for (Layer l : snapshot.layers()) {
        List<String> at = new ArrayList<>();
        for (int i = 0; i < l.path().size(); i++) {
          if (l.path().get(i).dir().equals(dir)) {
            at.add(Integer.toString(i + 1));
          }
        }
        out.append(' ').append(at.isEmpty() ? "-" : String.join(",", at)).append(" |");
      }
      out.append('\n');
    }

    out.append("\n### Where values come from\n\n");
    Set<String> lines = new LinkedHashSet<>();
    for (Layer l : snapshot.layers()) {
      for (PathEntry e : l.path()) {
        e.origin().ifPresent(o -> lines.add(origin(o, path) + " adds " + code(path.apply(e.dir()))));
      }
      l.origins().forEach((name, o) -> lines.add(origin(o, path) + " sets " + name));
    }
    lines.forEach(line -> out.append("- ").append(line).append('\n'));

    out.append("\n### Go installations\n\n");
    for (GoInstallation i : snapshot.installations().installations()) {
      out.append("- ").append(code(path.apply(i.goroot()))).append(' ').append(i.version().orElse("?")).append(" (")
          .append(i.kind().name().toLowerCase().replace('_', ' ')).append(")\n");
    }

    out.append("\n### Findings\n\n");
    if (findings.isEmpty()) {
      out.append("None.\n");
    }
    for (Finding f : findings) {
      out.append("- **").append(f.severity().label()).append("** `").append(f.slug()).append("` at ")
          .append(code(path.apply(f.location().file()) + ":" + (f.location().range().startLine() + 1))).append(": ")
          .append(escape(f.message())).append('\n');
    }
    return out.toString();
  }

  private static String origin(Provenance p, UnaryOperator<String> path) {
    return code(path.apply(p.location().file()) + ":" + (p.location().range().startLine() + 1)) + " (" + code(p.text()) + ")";
  }

  private static String code(String s) {
    return "`" + s.replace("`", "'") + "`";
  }

  private static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
