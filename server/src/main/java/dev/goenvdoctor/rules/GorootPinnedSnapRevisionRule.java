package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GOROOT names one revision of the go snap ({@code /snap/go/10585}), usually copied from
 * {@code go env GOROOT}. The snap refreshes on its own and the revision goes away; {@code /snap/go/current}
 * follows refreshes. Every place that sets it counts: startup files, /etc/environment, the Go user env
 * file, {@code go.goroot} and {@code go.toolsEnvVars.GOROOT}.
 */
final class GorootPinnedSnapRevisionRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("goroot-pinned-snap-revision", "GED107", Severity.WARNING,
      "GOROOT names a fixed snap revision `/snap/go/<rev>`.");

  static final String CURRENT = "/snap/go/current";
  private static final Pattern REVISION = Pattern.compile("/snap/go/(x?\\d+)/?");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Root root = WhichGoFacts.root(snapshot);
    List<Finding> out = new ArrayList<>();
    for (WhichGoRoots.GorootValue value : WhichGoRoots.all(snapshot)) {
      Matcher m = REVISION.matcher(value.value());
      if (m.matches()) {
        out.add(finding(snapshot, root, value, m.group(1)));
      }
    }
    return out;
  }

  private Finding finding(Snapshot snapshot, Root root, WhichGoRoots.GorootValue value, String revision) {
    String who = value.layers().isEmpty()
        ? value.setting().map(h -> h.entry().displayName()).orElse("A setting") + " sets"
        : WhichGoFacts.capitalize(WhichGoFacts.names(value.layers())) + " " + WhichGoFacts.verb(value.layers(), "has", "have");
    StringBuilder message = new StringBuilder(who).append(" GOROOT=").append(value.value())
        .append(WhichGoGorootText.from(snapshot, value)).append(", a fixed revision of the go snap; ");
    SymlinkChain current = root.resolve(CURRENT);
    String currentRevision = current.ok() ? current.realPath().substring(current.realPath().lastIndexOf('/') + 1) : "";
    if (currentRevision.equals(revision)) {
      message.append(CURRENT).append(" is ").append(revision).append(" today, and the next refresh (snaps refresh automatically) will leave GOROOT behind.");
    } else if (!currentRevision.isEmpty()) {
      message.append(CURRENT).append(" is already ").append(currentRevision).append(", so GOROOT names an older revision")
          .append(root.isDirectory(value.value()) ? "" : " that is no longer there").append('.');
    } else {
      message.append("the go snap is not installed here (").append(CURRENT).append(" does not resolve).");
    }

    List<Fix> fixes = new ArrayList<>();
    String command = null;
    switch (value.origin()) {
      case STARTUP_FILE -> {
        WhichGoGorootText.deleteExport(snapshot, root, value, "Delete the GOROOT export at ", true).ifPresent(fixes::add);
        boolean deletable = !fixes.isEmpty();
        value.where().flatMap(w -> WhichGoEdits.replaceInLine(root, w, value.value(), CURRENT,
            "Use " + CURRENT + " at " + WhichGoFacts.where(snapshot, w), !deletable)).ifPresent(fixes::add);
        message.append(" Fix: delete that line (the snap's go finds its own root), or use ").append(CURRENT).append('.');
      }
      case SETTINGS -> value.setting().ifPresent(h -> {
        SettingsFixes.change(h.file(), "Set " + h.entry().displayName() + " to " + CURRENT, true, Map.of(h.entry().path(), CURRENT))
            .ifPresent(fixes::add);
        WhichGoEdits.removeSetting(h, "Remove " + h.entry().displayName(), false).ifPresent(fixes::add);
        message.append(" Fix: set it to ").append(CURRENT).append(", or remove it.");
      });
      case GO_ENV_FILE -> {
        command = "go env -u GOROOT";
        value.where().flatMap(p -> WhichGoEdits.deleteLine(root, p, "Delete GOROOT from " + WhichGoFacts.tilde(snapshot, p.location().file()), true))
            .ifPresent(fixes::add);
        message.append(" Fix: run go env -u GOROOT.");
      }
      case ETC_ENVIRONMENT -> message.append(" Fix: remove GOROOT from /etc/environment (as root), or use ").append(CURRENT).append(", then log out and back in.");
      default -> message.append(" Fix: unset GOROOT where that environment gets it, or use ").append(CURRENT).append('.');
    }
    message.append(" To keep this Go version on purpose, hold the snap instead: snap refresh --hold=forever go.");
    Findings f = Findings.of(INFO, message.toString())
        .at(value.where().map(p -> p.location()).orElseGet(() -> Anchors.primary(snapshot, false)))
        .evidence(value.where());
    fixes.forEach(f::fix);
    if (command != null) {
      f.command(command);
    }
    return f.build();
  }
}
