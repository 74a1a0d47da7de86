package dev.goenvdoctor.intellij.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.swing.table.AbstractTableModel;

/**
 * The layers side by side, as a Swing table: one column per layer (after a label column), one row per fact:
 * the go each layer runs, its version, its GOROOT and how it was found, then every Go variable any layer has,
 * then every PATH entry (its position in each layer). A cell differs when its value is not the reference
 * layer's: the terminal (what the user trusts), else the first layer that could be learned. Read-only.
 */
public final class LayerTableModel extends AbstractTableModel {
  private static final long serialVersionUID = 1L;
  static final String DASH = "\u2014";

  /** What a row holds. */
  public enum Kind { GO, VARIABLE, PATH_ENTRY }

  /** One row: its label (a variable's name, a PATH directory), its cells in column order, and whether they disagree. */
  public record Row(String label, Kind kind, List<LayerCell> cells, boolean differs) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  private List<Layer> layers = List.of();
  private List<Row> rows = List.of();
  private String reference = "";
  private String home = "";

  /** Shows {@code report}'s layers (replacing what was shown). */
  public void update(Report report) {
    layers = List.copyOf(report.layers());
    home = report.machine().home();
    reference = layers.stream().filter(l -> !l.unavailable() && l.id().equals("terminal")).map(Layer::id).findFirst()
        .orElse(layers.stream().filter(l -> !l.unavailable()).map(Layer::id).findFirst().orElse(""));
    rows = buildRows();
    fireTableStructureChanged();
  }

  /** Returns the id of the layer the others are compared with (empty when no layer is known). */
  public String referenceLayer() {
    return reference;
  }

  /** Returns the rows, in display order. */
  public List<Row> rows() {
    return rows;
  }

  /** Returns the row labelled {@code label}, if any. */
  public java.util.Optional<Row> row(String label) {
    return rows.stream().filter(r -> r.label().equals(label)).findFirst();
  }

  /** Returns the index of the column of layer {@code id}, or -1. */
  public int columnOf(String id) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).id().equals(id)) {
        return i + 1;
      }
    }
    return -1;
  }

  /** Returns the cell at a table position, or null for the label column. */
  public LayerCell cell(int row, int column) {
    return column == 0 ? null : rows.get(row).cells().get(column - 1);
  }

  /** Returns the tooltip of a cell: which line set the value and its text; empty when nothing is known. */
  public String tooltip(int row, int column) {
    LayerCell c = cell(row, column);
    if (c == null) {
      return rows.get(row).differs() ? "the layers disagree here" : "";
    }
    if (column - 1 < layers.size() && c.unknown()) {
      return layers.get(column - 1).sourceDescription();
    }
    List<String> parts = new ArrayList<>();
    if (c.origin() != null) {
      parts.add("set at " + c.originLabel(home) + ": " + c.origin().text());
    }
    if (!c.state().isEmpty() && !c.state().equals("OK")) {
      parts.add(stateText(c.state()));
    }
    if (c.differs()) {
      parts.add("differs from the " + reference + " layer");
    }
    return String.join("; ", parts);
  }

  /** Returns the home directory of the report (for showing paths). */
  public String home() {
    return home;
  }

  @Override
  public int getRowCount() {
    return rows.size();
  }

  @Override
  public int getColumnCount() {
    return layers.size() + 1;
  }

  @Override
  public String getColumnName(int column) {
    return column == 0 ? "" : layers.get(column - 1).id();
  }

  @Override
  public Class<?> getColumnClass(int column) {
    return column == 0 ? String.class : LayerCell.class;
  }

  @Override
  public Object getValueAt(int row, int column) {
    return column == 0 ? rows.get(row).label() : cell(row, column);
  }

  private List<Row> buildRows() {
    List<Row> out = new ArrayList<>();
    out.add(row("go", Kind.GO, true, l -> l.go() == null ? new Raw("none found", null, "", "")
        : new Raw(l.go().shown(home), l.go().selectedBy(), l.go().realPath(), "")));
    out.add(row("go version", Kind.GO, true, l -> goRaw(l, GoCommand::version)));
    out.add(row("its GOROOT", Kind.GO, true, l -> goRaw(l, g -> ShortPaths.shorten(g.goroot(), home))));
    out.add(row("found through", Kind.GO, false, l -> goRaw(l, GoCommand::why)));
    Set<String> names = new TreeSet<>();
    layers.forEach(l -> l.environment().keySet().stream().filter(k -> !k.equals("PATH")).forEach(names::add));
    for (String name : names) {
      out.add(row(name, Kind.VARIABLE, true, l -> {
        String value = l.environment().get(name);
        return new Raw(value == null ? DASH : ShortPaths.shorten(value, home), l.origins().get(name),
            value == null ? "\u0000unset" : value, "");
      }));
    }
    Set<String> dirs = new LinkedHashSet<>();
    layers.stream().filter(l -> l.id().equals(reference)).forEach(l -> l.path().forEach(e -> dirs.add(e.dir())));
    layers.forEach(l -> l.path().forEach(e -> dirs.add(e.dir())));
    for (String dir : dirs) {
      String label = dir.isEmpty() ? "(empty: current directory)" : ShortPaths.shorten(dir, home);
      out.add(row(label, Kind.PATH_ENTRY, true, l -> {
        List<String> positions = new ArrayList<>();
        PathEntry first = null;
        for (int i = 0; i < l.path().size(); i++) {
          if (l.path().get(i).dir().equals(dir)) {
            positions.add(String.valueOf(i + 1));
            first = first == null ? l.path().get(i) : first;
          }
        }
        return first == null ? new Raw(DASH, null, "absent", "")
            : new Raw(String.join(",", positions), first.origin(), "present", first.state());
      }));
    }
    return out;
  }

  private record Raw(String text, Provenance origin, String key, String state) {}

  private Raw goRaw(Layer l, Function<GoCommand, String> value) {
    if (l.go() == null) {
      return new Raw(DASH, null, "", "");
    }
    String v = value.apply(l.go());
    return new Raw(v.isEmpty() ? DASH : v, null, v, "");
  }

  private Row row(String label, Kind kind, boolean compare, Function<Layer, Raw> of) {
    List<Raw> raw = layers.stream().map(of).toList();
    String refKey = null;
    Set<String> keys = new LinkedHashSet<>();
    for (int i = 0; i < layers.size(); i++) {
      if (!layers.get(i).unavailable()) {
        keys.add(raw.get(i).key());
      }
      if (layers.get(i).id().equals(reference)) {
        refKey = raw.get(i).key();
      }
    }
    boolean differs = compare && keys.size() > 1;
    List<LayerCell> cells = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      Raw r = raw.get(i);
      cells.add(l.unavailable() ? new LayerCell("unknown", null, false, true, "")
          : new LayerCell(r.text(), r.origin(), differs && !Objects.equals(r.key(), refKey), false, r.state()));
    }
    return new Row(label, kind, cells, differs);
  }

  static String stateText(String state) {
    return switch (state) {
      case "MISSING" -> "this directory does not exist";
      case "EMPTY" -> "an empty entry: the current directory";
      case "RELATIVE" -> "a relative directory: it depends on the current directory";
      case "TILDE" -> "a literal ~: programs that start go (editors, gopls) do not expand it";
      default -> state;
    };
  }
}
