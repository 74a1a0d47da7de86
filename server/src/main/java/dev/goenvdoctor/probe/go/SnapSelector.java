package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import java.util.List;
import java.util.Optional;

/**
 * What {@code /snap/bin/<app>} runs. Snap commands are symlinks to {@code /usr/bin/snap}, which runs
 * the app of the snap's CURRENT revision ({@code /snap/<snap>/current -> <revision>}); the name
 * {@code go.gofmt} means app {@code gofmt} of snap {@code go}. The app's command comes from
 * {@code meta/snap.yaml}; without it we assume {@code bin/<app>}.
 */
final class SnapSelector {
  private SnapSelector() {}

  static boolean isSnapCommand(String command, SymlinkChain chain) {
    return command.startsWith("/snap/bin/") && chain.realPath().endsWith("/snap") && chain.viaSymlink();
  }

  static Selected select(Root root, String command) {
    String base = command.substring(command.lastIndexOf('/') + 1);
    int dot = base.indexOf('.');
    String snap = dot < 0 ? base : base.substring(0, dot);
    String app = dot < 0 ? base : base.substring(dot + 1);
    String current = "/snap/" + snap + "/current";
    SymlinkChain chain = root.resolve(current);
    String target = chain.realPath();
    Provenance provenance = new Provenance(Location.ofLine(current, 0, current), current + " -> " + target);
    if (!chain.ok() || !root.isDirectory(current)) {
      String message = command + " runs the " + snap + " snap, but " + current + " does not resolve: the snap is not installed or not mounted";
      return new Selected(new VersionSelection("snap", "current", current, Optional.of(provenance), Optional.of(target), false,
          Optional.of(message)), Optional.empty(), Optional.empty(), false, Optional.empty());
    }
    String executable = Root.join(target, appCommand(root, target, app));
    return new Selected(new VersionSelection("snap", "current", current + " -> " + target, Optional.of(provenance),
        Optional.of(target), true, Optional.empty()), Optional.of(executable), Optional.empty(), false, Optional.empty());
  }

  /** {@code apps: <app>: command: <cmd>} from meta/snap.yaml (first word), else {@code bin/<app>}. */
  private static String appCommand(Root root, String snapDir, String app) {
    List<String> lines = TextFiles.lines(root, Root.join(snapDir, "meta/snap.yaml")).orElse(List.of());
    boolean inApps = false;
    boolean inApp = false;
    for (String line : lines) {
      if (!line.startsWith(" ") && !line.isBlank()) {
        inApps = line.startsWith("apps:");
        inApp = false;
        continue;
      }
      String trimmed = line.strip();
      int indent = line.length() - line.stripLeading().length();
      if (inApps && indent == 2) {
        inApp = trimmed.equals(app + ":");
      } else if (inApp && trimmed.startsWith("command:")) {
        String cmd = trimmed.substring("command:".length()).strip().split("\\s+")[0];
        if (!cmd.isEmpty() && !cmd.startsWith("/") && !cmd.contains("..")) {
          return cmd;
        }
      }
    }
    return "bin/" + app;
  }
}
