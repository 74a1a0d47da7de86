package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GED302: no gopls where the VS Code Go extension looks (go.alternateTools.gopls, GOBIN, GOPATH/bin,
 * GOROOT/bin, PATH) nor on the editor's GOBIN, GOPATH/bin and PATH, where other editors look. The
 * snapshot's tool list already holds both lookups; this rule adds where the terminal or the desktop
 * session would find one, which is the usual reason.
 */
final class GoplsNotFoundRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("gopls-not-found", "GED302", Severity.ERROR,
      "No gopls where vscode-go or other editors look.");

  /** A gopls found where the editor does not look, and what made that layer look there. */
  private record Elsewhere(String path, LayerId layer, String because, Optional<Provenance> origin) {}

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    if (snapshot.tools().stream().anyMatch(t -> t.name().equals("gopls")) || ToolFacts.languageServerOff(snapshot)) {
      return List.of();
    }
    if (VersionFacts.allLayers(snapshot).isEmpty() && VersionFacts.usableInstallations(snapshot).isEmpty()) {
      return List.of(); // no Go at all: gopls is not the first thing missing
    }
    Optional<Layer> editor = ToolFacts.learned(snapshot, LayerId.EDITOR);
    if (editor.isEmpty()) {
      return List.of();
    }
    Optional<Layer> vscode = ToolFacts.learned(snapshot, LayerId.VSCODE_GO);
    Set<String> places = new LinkedHashSet<>();
    ToolFacts.alternateTools(snapshot).stream().filter(a -> a.tool().equals("gopls"))
        .forEach(a -> places.add("go.alternateTools.gopls (" + a.expanded() + ")"));
    Layer lookup = vscode.orElse(editor.get());
    String gobin = VersionFacts.setting(snapshot, lookup, "GOBIN").value();
    places.add("$GOBIN (" + (gobin.isBlank() ? "unset" : gobin) + ")");
    ToolFacts.installDirs(snapshot, lookup).stream().filter(d -> !d.equals(gobin)).forEach(places::add);
    lookup.get("GOROOT").filter(g -> g.startsWith("/")).ifPresent(g -> places.add(Root.join(Root.normalize(g), "bin")));
    places.add("the editor's PATH");

    Optional<Elsewhere> elsewhere = findElsewhere(snapshot, editor.get());
    StringBuilder message = new StringBuilder("No gopls for VS Code or other editors: not in ")
        .append(VersionFacts.join(List.copyOf(places))).append('.');
    Findings finding;
    if (elsewhere.isPresent()) {
      Elsewhere e = elsewhere.get();
      message.append(' ').append(VersionFacts.capitalize(VersionFacts.who(e.layer()))).append(" has ").append(e.because())
          .append(", and gopls is at ").append(e.path()).append('.');
      finding = Findings.of(INFO, message.toString()).at(Anchors.primary(snapshot, false)).evidence(e.origin());
      finding.fix(SettingsFixes.set(snapshot, "Set go.alternateTools.gopls to " + e.path(), true,
          List.of("go.alternateTools", "gopls"), e.path()));
    } else {
      message.append(" Install it (a command you run): ").append(GoplsBuiltWithOlderGoRule.INSTALL)
          .append(", or Go: Install/Update Tools in VS Code.");
      finding = Findings.of(INFO, message.toString()).at(Anchors.primary(snapshot, false))
          .command(GoplsBuiltWithOlderGoRule.INSTALL);
    }
    ToolFacts.alternateToolSetting(snapshot, "gopls").ifPresent(finding::evidence);
    return List.of(finding.build());
  }

  /** A gopls the terminal or the desktop session would find (their GOBIN, GOPATH/bin, PATH), not the editor. */
  private static Optional<Elsewhere> findElsewhere(Snapshot snapshot, Layer editor) {
    Optional<Root> root = VersionFacts.root(snapshot);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    for (LayerId id : List.of(LayerId.TERMINAL, LayerId.LOGIN)) {
      Optional<Layer> layer = ToolFacts.learned(snapshot, id);
      if (layer.isEmpty()) {
        continue;
      }
      List<String> editorDirs = ToolFacts.installDirs(snapshot, editor);
      for (String dir : ToolFacts.installDirs(snapshot, layer.get())) {
        String candidate = Root.join(dir, "gopls");
        if (!editorDirs.contains(dir) && root.get().isExecutableFile(candidate)) {
          String variable = VersionFacts.setting(snapshot, layer.get(), "GOBIN").value().isBlank() ? "GOPATH" : "GOBIN";
          var setting = VersionFacts.setting(snapshot, layer.get(), variable);
          Optional<Provenance> origin = VersionFacts.provenance(layer.get(), setting);
          String because = variable + "=" + setting.value()
              + origin.map(o -> " (" + VersionFacts.display(snapshot, o.location()) + ")").orElse("");
          return Optional.of(new Elsewhere(candidate, id, because, origin));
        }
      }
      List<String> editorPath = new ArrayList<>();
      editor.path().forEach(e -> editorPath.add(e.dir()));
      for (PathEntry entry : layer.get().path()) {
        if (!entry.dir().startsWith("/") || editorPath.contains(entry.dir())) {
          continue;
        }
        String candidate = Root.join(Root.normalize(entry.dir()), "gopls");
        if (root.get().isExecutableFile(candidate)) {
          String because = Root.normalize(entry.dir()) + " on its PATH"
              + entry.origin().map(o -> " (" + VersionFacts.display(snapshot, o.location()) + ")").orElse("");
          return Optional.of(new Elsewhere(candidate, id, because, entry.origin()));
        }
      }
    }
    return Optional.empty();
  }
}
