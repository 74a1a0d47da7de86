package dev.goenvdoctor.intellij.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Copy as Markdown" of a real report: what a bug report shows. */
class MarkdownExportTest {
  @Test
  void ubuntuReportAsMarkdown() throws Exception {
    Report report = ServerJar.report(ReportParserTest.UBUNTU);
    String md = MarkdownExport.render(report);
    List<String> lines = md.lines().toList();
    assertEquals("## go-env-doctor report", lines.get(0));
    assertTrue(lines.get(2).contains("Login shell /bin/bash; zero-exec: nothing ran, everything was read from files. Workspace not trusted."), lines.get(2));
    assertTrue(lines.contains("| terminal | /usr/bin/go \u2192 /usr/lib/go-1.18/bin/go | go1.18.1 | /usr/lib/go-1.18 | first go on PATH (entry 4) | "
        + report.layers().get(2).sourceDescription() + " |"), md);
    assertTrue(lines.contains("| variable | editor | login | terminal | vscode-go | gopls |"), md);
    assertTrue(lines.contains("| GOPATH | - | - | ~/go | - | - |"), md);
    assertTrue(lines.contains("| /usr/local/go/bin | - | - | 10 | - | - |"), md);
    assertTrue(md.lines().noneMatch(l -> l.startsWith("| /usr/bin |")), "only the PATH entries that differ");
    assertTrue(lines.contains("- `~/.bashrc:117` GOPATH: `export GOPATH=$HOME/go` (terminal)"), md);
    assertTrue(lines.contains("### Findings (" + report.findings().size() + ")"), md);
    int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("- **")).findFirst().orElseThrow());
    assertTrue(lines.get(first).startsWith("- **error** `module-needs-newer-go` (GED201) at `~/proj/go.mod:3`: go.mod:3 requires go >= 1.22."),
        lines.get(first));
    assertEquals("  - fix (preferred): Set go.goroot to /usr/local/go (go1.22.5) in the workspace settings", lines.get(first + 1));
    assertTrue(md.indexOf("**warning**") > md.lastIndexOf("**error**"), "errors first");
  }

  @Test
  void tableCellsCannotBreakTheTable() throws Exception {
    JsonObject tree = JsonParser.parseString(ServerJar.reportJson(ReportParserTest.UBUNTU)).getAsJsonObject();
    tree.getAsJsonArray("layers").get(0).getAsJsonObject().getAsJsonObject("environment").addProperty("GOFLAGS", "-tags=a|b\n-x");
    String md = MarkdownExport.render(ReportParser.parse(tree));
    assertTrue(md.contains("| GOFLAGS | -tags=a\\|b -x | - | - | - | - |"), md);
    assertTrue(md.contains("### Findings (0)\n\nNone."), "a plain report --json has no findings");
  }
}
