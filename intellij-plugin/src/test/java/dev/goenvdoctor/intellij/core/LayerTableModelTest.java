package dev.goenvdoctor.intellij.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layer table from real reports: which cells differ from the terminal, and where each value comes from. */
class LayerTableModelTest {
  @Test
  void ubuntuTableFlagsTheTerminalOnlyValuesWithTheirLines() throws Exception {
    LayerTableModel table = new LayerTableModel();
    table.update(ServerJar.report(ReportParserTest.UBUNTU));
    assertEquals(List.of("", "editor", "login", "terminal", "vscode-go", "gopls"),
        java.util.stream.IntStream.range(0, table.getColumnCount()).mapToObj(table::getColumnName).toList());
    assertEquals("terminal", table.referenceLayer());

    LayerTableModel.Row gopath = table.row("GOPATH").orElseThrow();
    assertTrue(gopath.differs());
    LayerCell terminal = gopath.cells().get(2);
    assertEquals("~/go", terminal.text());
    assertEquals("~/.bashrc:117", terminal.originLabel("/home/u"));
    assertFalse(terminal.differs(), "the reference layer's own cell is not flagged");
    LayerCell editor = gopath.cells().get(0);
    assertEquals("\u2014", editor.text());
    assertTrue(editor.differs(), "the editor has no GOPATH: differs from the terminal");
    int row = table.rows().indexOf(gopath);
    assertEquals("set at ~/.bashrc:117: export GOPATH=$HOME/go", table.tooltip(row, table.columnOf("terminal")));
    assertEquals("differs from the terminal layer", table.tooltip(row, table.columnOf("editor")));

    LayerTableModel.Row tarball = table.row("/usr/local/go/bin").orElseThrow();
    assertEquals(LayerTableModel.Kind.PATH_ENTRY, tarball.kind());
    assertTrue(tarball.differs());
    assertEquals(List.of("\u2014", "\u2014", "10", "\u2014", "\u2014"), tarball.cells().stream().map(LayerCell::text).toList());
    assertEquals(List.of(true, true, false, true, true), tarball.cells().stream().map(LayerCell::differs).toList());
    assertEquals("~/.bashrc:116", tarball.cells().get(2).originLabel("/home/u"));

    LayerTableModel.Row usrBin = table.row("/usr/bin").orElseThrow();
    assertFalse(usrBin.differs(), "every layer has /usr/bin");
    assertTrue(usrBin.cells().stream().allMatch(c -> c.text().equals("4") && c.originLabel("/home/u").equals("/etc/environment:1")));

    LayerTableModel.Row go = table.row("go").orElseThrow();
    assertFalse(go.differs(), "every layer runs apt's go here");
    assertEquals("/usr/bin/go \u2192 /usr/lib/go-1.18/bin/go", go.cells().get(0).text());
    assertEquals(table.getValueAt(table.rows().indexOf(go), 1), go.cells().get(0));
  }

  @Test
  void goenvTableFlagsTheLayersThatFindNoGo() throws Exception {
    LayerTableModel table = new LayerTableModel();
    table.update(ServerJar.report("goenv"));
    LayerTableModel.Row go = table.row("go").orElseThrow();
    assertTrue(go.differs());
    assertTrue(go.cells().get(2).text().endsWith("~/.goenv/versions/1.22.5/bin/go"), go.cells().get(2).text());
    assertEquals("none found", go.cells().get(0).text());
    assertEquals(List.of(true, false, false, true, true), go.cells().stream().map(LayerCell::differs).toList());
    LayerTableModel.Row version = table.row("go version").orElseThrow();
    assertEquals("go1.22.5", version.cells().get(2).text());
    assertFalse(table.row("found through").orElseThrow().differs(), "how a go was found is shown, not compared");
  }

  @Test
  void aLayerThatCouldNotBeLearnedIsUnknownAndNeverFlagged() throws Exception {
    JsonObject tree = JsonParser.parseString(ServerJar.reportJson(ReportParserTest.UBUNTU)).getAsJsonObject();
    tree.getAsJsonArray("layers").get(2).getAsJsonObject().addProperty("source", "UNAVAILABLE");
    tree.getAsJsonArray("layers").get(2).getAsJsonObject().addProperty("sourceDescription", "the shell timed out");
    LayerTableModel table = new LayerTableModel();
    table.update(ReportParser.parse(tree));
    assertEquals("editor", table.referenceLayer(), "without a terminal layer the first known layer is the reference");
    LayerTableModel.Row gopath = table.row("GOPATH").orElseThrow();
    assertFalse(gopath.differs(), "only the unknown layer had GOPATH");
    assertTrue(gopath.cells().get(2).unknown());
    assertEquals("unknown", gopath.cells().get(2).text());
    assertEquals("the shell timed out", table.tooltip(table.rows().indexOf(gopath), 3));
  }
}
