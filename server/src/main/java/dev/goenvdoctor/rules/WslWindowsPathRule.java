package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.FileCreation;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.host.Sandboxes;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.text.LineIndex;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * WSL appends the Windows PATH and a Windows Go ({@code go.exe}) is on it. A bare {@code go} never runs
 * {@code go.exe}; the trouble is tools and scripts that ask for {@code go.exe}, and, without a Linux Go,
 * {@code go} not being found while {@code go.exe version} works.
 */
final class WslWindowsPathRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("wsl-windows-path", "GED703", Severity.WARNING,
      "WSL appends the Windows PATH, with a Windows Go on it or no Linux Go.");
  static final String WSL_CONF = "/etc/wsl.conf";
  private static final List<LayerId> SHELL_LAYERS = List.of(LayerId.EDITOR, LayerId.LOGIN, LayerId.TERMINAL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Sandboxes.Wsl wsl = snapshot.host().sandboxes().wsl();
    if (!wsl.detected() || !wsl.windowsPathAppended()) {
      return List.of();
    }
    Root root = GoEnvironmentLookup.rootOf(snapshot);
    Set<String> windowsEntries = new LinkedHashSet<>(wsl.windowsPathEntries());
    for (Layer layer : snapshot.layers()) {
      if (GoEnvironmentLookup.known(layer)) {
        layer.path().stream().map(PathEntry::dir).filter(d -> isWindowsEntry(d, wsl.automountRoot()))
            .forEach(windowsEntries::add);
      }
    }
    Optional<String> goExe = windowsEntries.stream().map(d -> Root.join(d, "go.exe")).filter(root::isRegularFile).findFirst();
    if (goExe.isEmpty()) {
      return List.of();
    }
    List<Layer> withLinuxGo = snapshot.layers().stream()
        .filter(l -> SHELL_LAYERS.contains(l.id()) && GoEnvironmentLookup.known(l) && l.go().isPresent()).toList();
    String setting = wsl.appendWindowsPath().isPresent()
        ? "appendWindowsPath=true in " + wsl.appendWindowsPathLocation().map(Location::display).orElse(WSL_CONF)
        : root.exists(WSL_CONF) ? "no appendWindowsPath setting in " + WSL_CONF + ", and true is the default"
            : "no " + WSL_CONF + ", and appending is the default";
    StringBuilder message = new StringBuilder("WSL appends the Windows PATH (").append(setting).append("), and ")
        .append(Root.parent(goExe.get())).append(" has go.exe, a Windows Go. A bare go never runs go.exe: only tools")
        .append(" and scripts that ask for go.exe, and Windows programs, use that Go, and it builds Windows binaries")
        .append(" by default.");
    if (withLinuxGo.isEmpty()) {
      message.append(" There is no Linux go on PATH, so go is not found while go.exe version works. Install a Linux Go")
          .append(" inside WSL (for example the official tarball in /usr/local/go).");
    } else {
      message.append(" Your Linux go is ").append(withLinuxGo.get(0).go().orElseThrow().label()).append('.');
    }
    message.append(" To stop appending the Windows PATH, set appendWindowsPath=false in the [interop] section of ")
        .append(WSL_CONF).append(" (needs root), then restart WSL: run wsl --shutdown from Windows.");
    Location at = wsl.appendWindowsPathLocation()
        .orElseGet(() -> root.isRegularFile(WSL_CONF) ? new Location(WSL_CONF, new TextRange(0, 0, 0, 0))
            : Anchors.primary(snapshot, false));
    Findings finding = Findings.of(INFO, message.toString()).at(at)
        .evidence(wsl.appendWindowsPathLocation().map(l -> new Provenance(l, "appendWindowsPath=true")))
        .fix(disableAppend(root, wsl))
        .command("wsl --shutdown");
    return List.of(finding.build());
  }

  /** {@code /mnt/c/...}: a drive letter right under the automount root. */
  static boolean isWindowsEntry(String entry, String automountRoot) {
    if (!entry.startsWith(automountRoot) || entry.length() <= automountRoot.length()) {
      return false;
    }
    char drive = Character.toLowerCase(entry.charAt(automountRoot.length()));
    int after = automountRoot.length() + 1;
    return drive >= 'a' && drive <= 'z' && (entry.length() == after || entry.charAt(after) == '/');
  }

  /**
   * Sets {@code appendWindowsPath=false}: rewrites an existing setting line, or adds the key under an
   * existing {@code [interop]} section, or adds the section (creating the file when absent). Not the
   * preferred fix: it edits a file under /etc and takes effect only after a WSL restart.
   */
  static Optional<Fix> disableAppend(Root root, Sandboxes.Wsl wsl) {
    String title = "Set appendWindowsPath=false in " + WSL_CONF + " (needs root; restart WSL after)";
    Optional<String> text = root.readText(WSL_CONF, 64 * 1024);
    if (text.isEmpty()) {
      return root.exists(WSL_CONF) ? Optional.empty()
          : Optional.of(new Fix(title, false, List.of(), List.of(new FileCreation(WSL_CONF, "[interop]\nappendWindowsPath=false\n"))));
    }
    LineIndex index = LineIndex.of(text.get());
    if (wsl.appendWindowsPathLocation().isPresent()) {
      int line = wsl.appendWindowsPathLocation().get().range().startLine();
      String current = index.lineText(line);
      String updated = current.replaceFirst("(?i)(=\\s*)\"?true\"?", "$1false");
      return updated.equals(current) ? Optional.empty()
          : Optional.of(new Fix(title, false, List.of(new TextEdit(WSL_CONF, TextRange.line(line, 0, current.length()), updated)),
              List.of()));
    }
    for (int i = 0; i < index.lineCount(); i++) {
      if (index.lineText(i).strip().toLowerCase(Locale.ROOT).equals("[interop]")) {
        int end = index.lineText(i).length();
        return Optional.of(new Fix(title, false, List.of(new TextEdit(WSL_CONF, TextRange.line(i, end, end),
            "\nappendWindowsPath=false")), List.of()));
      }
    }
    String body = text.get();
    int last = index.lineCount() - 1;
    String prefix = body.isEmpty() || body.endsWith("\n") ? (body.isEmpty() ? "" : "\n") : "\n\n";
    int column = index.lineText(last).length();
    return Optional.of(new Fix(title, false, List.of(new TextEdit(WSL_CONF, TextRange.line(last, column, column),
        prefix + "[interop]\nappendWindowsPath=false\n")), List.of()));
  }
}
