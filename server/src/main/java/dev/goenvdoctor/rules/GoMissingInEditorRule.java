package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.layers.VsCodeGoSettings;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.PathEntry;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The editor, the VS Code Go extension or gopls finds no {@code go}, while the terminal (or login shell)
 * runs one or one is installed. An error when the extension or gopls has none; a warning when only the
 * editor's own environment lacks it (the extension still finds one through its fallbacks, but tasks
 * and other programs the editor starts do not).
 */
final class GoMissingInEditorRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("go-missing-in-editor", "GED101", Severity.ERROR,
      "The editor, vscode-go or gopls finds no `go`, but the terminal or the disk has one.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<Layer> editor = WhichGoFacts.known(snapshot, LayerId.EDITOR);
    if (editor.isEmpty() || snapshot.host().sandboxes().flatpak().inside()) {
      return List.of(); // Flatpak hides the host's Go: rule flatpak-editor explains that one.
    }
    VsCodeGoSettings settings = WhichGoFacts.settings(snapshot);
    List<LayerId> missing = new ArrayList<>();
    boolean toolsMissing = false;
    // A go.goroot or go.alternateTools.go setting says where Go is on purpose: the editor's own PATH then does not matter.
    boolean pointedAtGo = settings.goroot().isPresent() || settings.alternateGo().isPresent();
    if (editor.get().go().isEmpty() && !pointedAtGo) {
      missing.add(LayerId.EDITOR);
    }
    for (LayerId id : List.of(LayerId.VSCODE_GO, LayerId.GOPLS)) {
      if (id == LayerId.GOPLS && !settings.useLanguageServer()) {
        continue;
      }
      Optional<Layer> layer = WhichGoFacts.known(snapshot, id);
      if (layer.isPresent() && layer.get().go().isEmpty()) {
        missing.add(id);
        toolsMissing = true;
      }
    }
    if (missing.isEmpty()) {
      return List.of();
    }
    Optional<Layer> shell = firstWithGo(snapshot, LayerId.TERMINAL).or(() -> firstWithGo(snapshot, LayerId.LOGIN));
    List<WhichGoFacts.Usable> installed = WhichGoFacts.usableInstallations(snapshot);
    if (shell.isEmpty() && installed.isEmpty()) {
      return List.of(); // no Go anywhere: nothing is missing from the editor in particular
    }

    StringBuilder message = new StringBuilder();
    message.append(WhichGoFacts.capitalize(WhichGoFacts.names(missing))).append(' ')
        .append(WhichGoFacts.verb(missing, "finds", "find")).append(" no go");
    Optional<Provenance> origin = Optional.empty();
    Optional<String> loginSkips = Optional.empty();
    boolean loginHasGo = firstWithGo(snapshot, LayerId.LOGIN).isPresent();
    if (shell.isPresent()) {
      ResolvedGo go = shell.get().go().orElseThrow();
      String dir = WhichGoFacts.commandDir(go);
      origin = WhichGoFacts.entry(shell.get(), dir).flatMap(PathEntry::origin);
      message.append("; ").append(WhichGoFacts.name(shell.get().id())).append(" runs ").append(WhichGoFacts.label(go));
      if (origin.isPresent()) {
        message.append(" because ").append(WhichGoFacts.where(snapshot, origin.get())).append(" adds ").append(dir).append(" to PATH");
        loginSkips = WhichGoFacts.whyLoginSkips(snapshot, origin.get().location());
        loginSkips.ifPresent(why -> message.append(' ').append(why));
      } else {
        message.append(" (found in ").append(dir).append(")");
      }
      message.append('.');
      if (missing.contains(LayerId.EDITOR) && loginHasGo && loginSkips.isEmpty()) {
        message.append(" Your login shell finds go too, so the editor's environment was made before that change: log out and back in.");
      }
    } else {
      WhichGoFacts.Usable first = installed.get(0);
      message.append(", although Go is installed at ").append(first.installation().goroot()).append(" (")
          .append(first.installation().version().orElse("?")).append("); no PATH of the editor, your login shell or your terminal includes its bin directory.");
    }
    if (!toolsMissing) {
      message.append(" The VS Code Go extension still finds ")
          .append(WhichGoFacts.known(snapshot, LayerId.VSCODE_GO).flatMap(Layer::go).map(WhichGoFacts::label).orElse("a go"))
          .append(" through its own lookup, but tasks and other programs the editor starts do not.");
    }

    Optional<WhichGoFacts.Usable> meeting = installed.stream()
        .filter(u -> WhichGoFacts.meetsGoLine(snapshot, u.installation().version())).findFirst();
    Optional<Fix> goroot = Optional.empty();
    String picked = "";
    if (toolsMissing && !installed.isEmpty()) {
      // The newest install that meets go.mod's go line; without one, the newest at all (then not preferred).
      WhichGoFacts.Usable pick = meeting.orElse(installed.get(0));
      picked = pick.gorootSetting() + " (" + pick.installation().version().orElse("?") + ")";
      goroot = SettingsFixes.set(snapshot, "Set go.goroot to " + picked + " in the workspace settings", meeting.isPresent(),
          List.of("go.goroot"), pick.gorootSetting());
    }
    boolean gorootPreferred = goroot.map(Fix::preferred).orElse(false);
    Optional<Fix> move = origin.flatMap(o -> WhichGoEdits.moveToLogin(snapshot, o,
        "Move " + WhichGoFacts.where(snapshot, o) + " to " + WhichGoEdits.loginFileName(snapshot)
            + " (then log out and back in)", !gorootPreferred));
    if (goroot.isPresent()) {
      message.append(" Fix: set go.goroot to ").append(picked).append(" so the Go extension and gopls use it")
          .append(move.isPresent() ? ";" : ".");
    }
    if (move.isPresent()) {
      message.append(goroot.isPresent() ? " or move" : " Fix: move").append(" the line to ")
          .append(WhichGoEdits.loginFileName(snapshot))
          .append(", which the desktop session reads, then log out and back in (a new terminal is not enough).");
    }
    return List.of(Findings.of(INFO, message.toString())
        .severity(toolsMissing ? Severity.ERROR : Severity.WARNING)
        .at(origin.map(Provenance::location).orElseGet(() -> Anchors.primary(snapshot, true)))
        .evidence(origin)
        .evidence(origin.flatMap(o -> WhichGoFacts.statement(snapshot, ShellMode.LOGIN, o.location())).map(s -> s.guard()))
        .fix(goroot)
        .fix(move)
        .build());
  }

  private static Optional<Layer> firstWithGo(Snapshot snapshot, LayerId id) {
    return WhichGoFacts.known(snapshot, id).filter(l -> l.go().isPresent());
  }
}
