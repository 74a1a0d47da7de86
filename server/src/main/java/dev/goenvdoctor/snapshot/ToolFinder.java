package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.layers.VsCodeGoLayers;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Go tools an editor starts: gopls where the Go extension looks for it, and gopls, dlv and
 * staticcheck in GOBIN, GOPATH/bin and PATH of the editor layer (where other editors look). Each is
 * inspected without running it.
 */
final class ToolFinder {
  private static final List<String> TOOLS = List.of("gopls", "dlv", "staticcheck");

  private ToolFinder() {}

  static List<ToolBinary> find(Root root, ProbeGoLocator locator, Layer editor, VsCodeGoLayers vscode) {
    List<ToolBinary> found = new ArrayList<>();
    vscode.goplsBinary().ifPresent(p ->
        found.add(new ToolBinary("gopls", p, "the Go extension's lookup: " + vscode.goplsWhy(), locator.inspect(p))));
    for (String tool : TOOLS) {
      Optional<String[]> hit = firstOnEditorSearchPath(root, editor, tool);
      hit.filter(h -> found.stream().noneMatch(t -> t.path().equals(h[0])))
          .ifPresent(h -> found.add(new ToolBinary(tool, h[0], h[1], locator.inspect(h[0]))));
    }
    return found;
  }

  private static Optional<String[]> firstOnEditorSearchPath(Root root, Layer editor, String tool) {
    String home = editor.environment().getOrDefault("HOME", "");
    List<String[]> places = new ArrayList<>();
    editor.get("GOBIN").filter(s -> s.startsWith("/")).ifPresent(d -> places.add(new String[] {d, "GOBIN"}));
    String gopath = editor.get("GOPATH").orElse(home.isEmpty() ? "" : home + "/go");
    for (String entry : gopath.split(":")) {
      if (entry.startsWith("/")) {
        places.add(new String[] {entry + "/bin", "GOPATH/bin"});
      }
    }
    for (var entry : editor.path()) {
      if (entry.dir().startsWith("/")) {
        places.add(new String[] {entry.dir(), "PATH"});
      }
    }
    for (String[] place : places) {
      String candidate = Root.join(place[0], tool);
      if (root.isExecutableFile(candidate)) {
        return Optional.of(new String[] {candidate, place[1] + " (" + place[0] + ")"});
      }
    }
    return Optional.empty();
  }
}
