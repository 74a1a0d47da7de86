package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.StartupFileFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GED303: the directory {@code go install} fills (GOBIN, else GOPATH/bin) holds programs but is not on
 * the editor's PATH: the Go extension still finds its tools there, but tasks, terminals started by the
 * editor, other editors and anything that runs a tool by name do not.
 */
final class ToolsBinNotOnPathRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("tools-bin-not-on-path", "GED303", Severity.WARNING,
      "GOBIN or GOPATH/bin holds tools but is not on the editor's PATH.");

  /** Directories are listed at most this far: a crafted directory cannot make the rule slow. */
  private static final int MAX_LISTED = 512;
  private static final int NAMES_SHOWN = 5;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<Layer> editor = ToolFacts.learned(snapshot, LayerId.EDITOR);
    Optional<Root> root = VersionFacts.root(snapshot);
    if (editor.isEmpty() || root.isEmpty() || editor.get().path().isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (String dir : ToolFacts.installDirs(snapshot, editor.get())) {
      if (ToolFacts.onPath(editor.get(), dir).isPresent()) {
        continue;
      }
      List<String> tools = programs(root.get(), dir);
      if (!tools.isEmpty()) {
        findings.add(finding(snapshot, root.get(), dir, tools));
      }
    }
    return findings;
  }

  private static Finding finding(Snapshot snapshot, Root root, String dir, List<String> tools) {
    String names = tools.size() <= NAMES_SHOWN
        ? VersionFacts.join(tools) : String.join(", ", tools.subList(0, NAMES_SHOWN)) + " and " + (tools.size() - NAMES_SHOWN) + " more";
    StringBuilder message = new StringBuilder(names).append(tools.size() == 1 ? " is in " : " are in ").append(dir);
    Optional<PathEntry> login = ToolFacts.learned(snapshot, LayerId.LOGIN).flatMap(l -> ToolFacts.onPath(l, dir));
    Optional<PathEntry> terminal = ToolFacts.learned(snapshot, LayerId.TERMINAL).flatMap(l -> ToolFacts.onPath(l, dir));
    String home = snapshot.machine().home() == null ? "" : snapshot.machine().home();
    String loginFile = StartupFileFixes.loginFile(home, snapshot.machine().shell() == null ? "" : snapshot.machine().shell());
    Findings finding;
    if (login.isPresent()) {
      // The startup files are right already; this editor was started before, or not from the desktop session.
      message.append(", which the desktop session now puts on PATH")
          .append(login.get().origin().map(o -> " (" + VersionFacts.display(snapshot, o.location()) + ")").orElse(""))
          .append(", but the editor's PATH lacks it: the editor was started before that change or outside the session."
              + " Log out and back in, then start the editor again.");
      finding = Findings.of(INFO, message.toString())
          .at(login.get().origin().map(Provenance::location).orElseGet(() -> Anchors.primary(snapshot, false)))
          .evidence(login.get().origin());
      return finding.build();
    }
    if (terminal.isPresent() && terminal.get().origin().isPresent()) {
      Provenance origin = terminal.get().origin().get();
      message.append(", which is on your terminal's PATH (").append(VersionFacts.display(snapshot, origin.location()))
          .append(") but not on the editor's: the desktop session, which the editor inherits, does not read that line.")
          .append(" Log out and back in after the fix.");
      finding = Findings.of(INFO, message.toString()).at(origin.location()).evidence(origin);
      if (!origin.location().file().equals(loginFile) && loginFileRead(snapshot, loginFile)) {
        finding.fix(StartupFileFixes.moveLine(root, origin, loginFile,
            "Move " + VersionFacts.display(snapshot, origin.location()) + " to " + VersionFacts.tilde(snapshot, loginFile), true));
      }
      return finding.build();
    }
    message.append(", which is not on the editor's PATH: the Go extension finds its own tools there, but tasks, other"
        + " editors and anything that runs them by name do not. Add it in the login shell's startup file, then log out"
        + " and back in.");
    finding = Findings.of(INFO, message.toString()).at(Anchors.primary(snapshot, false));
    finding.fix(VersionFixes.addToLoginPath(snapshot, dir, false,
        "Add " + VersionFacts.tilde(snapshot, dir) + " to PATH in " + VersionFacts.tilde(snapshot, loginFile), true));
    return finding.build();
  }

  private static boolean loginFileRead(Snapshot snapshot, String file) {
    return snapshot.startup().stream().filter(r -> r.mode() == ShellMode.LOGIN).map(StaticShellResult::filesRead)
        .anyMatch(files -> files.contains(file));
  }

  /** The executable regular files in {@code dir}, by name: what {@code go install} left there. */
  private static List<String> programs(Root root, String dir) {
    List<String> names = new ArrayList<>();
    List<String> listed = root.list(dir);
    for (String name : listed.subList(0, Math.min(listed.size(), MAX_LISTED))) {
      if (!name.startsWith(".") && root.isExecutableFile(Root.join(dir, name))) {
        names.add(name);
      }
    }
    return names;
  }
}
