package dev.goenvdoctor.report;

import dev.goenvdoctor.model.GoVariables;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The side-by-side view of the layers as text: which go each runs, the Go variables, the PATH entries
 * (each layer's position of each entry), and where every value came from. Rows that differ between the
 * layers that could be read are marked with '*'.
 */
final class LayerTables {
  private final List<Layer> layers;
  private final UnaryOperator<String> path;

  /** {@code path} shortens machine paths for display (e.g. HOME to '~'). */
  LayerTables(List<Layer> layers, UnaryOperator<String> path) {
    this.layers = List.copyOf(layers);
    this.path = path;
  }

  String goTable() {
    TextTable table = new TextTable(List.of("layer", "go", "version", "GOROOT", "found through"));
    Set<String> distinct = new LinkedHashSet<>();
    for (Layer layer : available()) {
      distinct.add(layer.go().map(ResolvedGo::realPath).orElse(""));
    }
    boolean differ = distinct.size() > 1;
    for (Layer layer : layers) {
      if (layer.source() == LayerSource.UNAVAILABLE) {
        table.add(false, List.of(layer.id().id(), "(unavailable)", "", "", ""));
        continue;
      }
      Optional<ResolvedGo> go = layer.go();
      table.add(differ, List.of(
          layer.id().id(),
          go.map(this::goCell).orElse("(no go)"),
          go.flatMap(ResolvedGo::version).orElse(go.isPresent() ? "?" : ""),
          go.flatMap(ResolvedGo::goroot).map(path).orElse(""),
          go.map(ResolvedGo::why).orElse("")));
    }
    return table.render("");
  }

  private String goCell(ResolvedGo go) {
    String command = path.apply(go.command());
    String real = path.apply(go.realPath());
    return command.equals(real) ? command : command + " -> " + real;
  }

  String variableTable() {
    List<String> header = new ArrayList<>(List.of("variable"));
    layers.forEach(l -> header.add(l.id().id()));
    TextTable table = new TextTable(header);
    int rows = 0;
    for (String name : GoVariables.REPORTED) {
      if (layers.stream().noneMatch(l -> l.environment().containsKey(name))) {
        continue;
      }
      Set<String> values = new LinkedHashSet<>();
      available().forEach(l -> values.add(Objects.toString(l.environment().get(name), "")));
      List<String> row = new ArrayList<>(List.of(name));
      layers.forEach(l -> row.add(cell(l, name)));
      table.add(values.size() > 1, row);
      rows++;
    }
    return rows == 0 ? "  (no Go variable is set in any layer)\n" : table.render("");
  }

  private String cell(Layer layer, String name) {
    if (layer.source() == LayerSource.UNAVAILABLE) {
      return "";
    }
    String value = layer.environment().get(name);
    return value == null ? "-" : value.isEmpty() ? "\"\"" : path.apply(value);
  }

  String pathTable() {
    Set<String> dirs = new LinkedHashSet<>();
    layers.forEach(l -> l.path().forEach(e -> dirs.add(e.dir())));
    List<String> header = new ArrayList<>(List.of("PATH entry"));
    layers.forEach(l -> header.add(l.id().id()));
    TextTable table = new TextTable(header);
    for (String dir : dirs) {
      List<String> row = new ArrayList<>(List.of(dir.isEmpty() ? "(empty: current directory)" : path.apply(dir)));
      Set<String> positions = new LinkedHashSet<>();
      for (Layer layer : layers) {
        String at = positions(layer, dir);
        row.add(layer.source() == LayerSource.UNAVAILABLE ? "" : at.isEmpty() ? "-" : at);
        if (layer.source() != LayerSource.UNAVAILABLE) {
          positions.add(at.isEmpty() ? "-" : "+");
        }
      }
      table.add(positions.size() > 1, row);
    }
    return dirs.isEmpty() ? "  (PATH is empty in every layer)\n" : table.render("");
  }

  /** Every 1-based position of {@code dir} in the layer's PATH ("1,4" when it is there twice). */
  private static String positions(Layer layer, String dir) {
    List<String> at = new ArrayList<>();
    for (int i = 0; i < layer.path().size(); i++) {
      if (layer.path().get(i).dir().equals(dir)) {
        at.add(Integer.toString(i + 1));
      }
    }
    return String.join(",", at);
  }

  /**
   * One line per distinct origin: which layers got which value from which file and line. PATH entries
   * added by the same line are listed together.
   */
  String provenance() {
    Map<String, Set<String>> lines = new LinkedHashMap<>();
    for (Layer layer : available()) {
      Map<Provenance, List<String>> pathByOrigin = new LinkedHashMap<>();
      for (PathEntry entry : layer.path()) {
        entry.origin().ifPresent(o -> pathByOrigin.computeIfAbsent(o, k -> new ArrayList<>())
            .add(entry.dir().isEmpty() ? "(empty)" : path.apply(entry.dir())));
      }
      pathByOrigin.forEach((origin, dirs) -> lines.computeIfAbsent(
          describe("PATH += " + String.join(":", dirs), origin), k -> new LinkedHashSet<>()).add(layer.id().id()));
      layer.origins().entrySet().stream()
          .filter(e -> GoVariables.REPORTED.contains(e.getKey()))
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> lines.computeIfAbsent(describe(e.getKey() + "=" + layer.environment().getOrDefault(e.getKey(), ""),
              e.getValue()), k -> new LinkedHashSet<>()).add(layer.id().id()));
    }
    StringBuilder out = new StringBuilder();
    lines.forEach((line, ids) -> out.append("  ").append(line).append("\n    in: ").append(String.join(", ", ids)).append('\n'));
    return out.isEmpty() ? "  (no value could be traced to a file)\n" : out.toString();
  }

  private String describe(String what, Provenance origin) {
    return path.apply(origin.location().file()) + ":" + (origin.location().range().startLine() + 1)
        + "  " + what + "    (" + origin.text() + ")";
  }

  /** How each layer was learned and its notes; notes about a go are printed once, under the first layer that runs it. */
  String notes() {
    StringBuilder out = new StringBuilder();
    Set<String> goNotesShown = new LinkedHashSet<>();
    for (Layer layer : layers) {
      out.append("  ").append(layer.id().id()).append(": ").append(layer.source().description()).append('\n');
      layer.go().filter(g -> goNotesShown.add(g.realPath()))
          .ifPresent(g -> g.notes().forEach(n -> out.append("    ").append(n).append('\n')));
      layer.notes().forEach(n -> out.append("    ").append(n).append('\n'));
    }
    return out.toString();
  }

  private List<Layer> available() {
    return layers.stream().filter(l -> l.source() != LayerSource.UNAVAILABLE).toList();
  }
}
