package dev.goenvdoctor.report;

import dev.goenvdoctor.probe.go.GoEnvResult;
import dev.goenvdoctor.probe.go.GoInstallation;
import dev.goenvdoctor.probe.host.BuildTempDir;
import dev.goenvdoctor.probe.host.DirFacts;
import dev.goenvdoctor.probe.host.HostFacts;
import dev.goenvdoctor.probe.host.Sandboxes;
import dev.goenvdoctor.probe.shell.StartupFile;
import dev.goenvdoctor.probe.shell.StartupFileStatus;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.GoModFile;
import dev.goenvdoctor.probe.workspace.PinFile;
import dev.goenvdoctor.probe.workspace.SettingEntry;
import dev.goenvdoctor.probe.workspace.SettingsFile;
import dev.goenvdoctor.probe.workspace.WorkspaceProblem;
import dev.goenvdoctor.snapshot.MachineFacts;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.snapshot.ToolBinary;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The snapshot as text for people: the layers side by side first, then what explains them. */
public final class TextReport {
  private TextReport() {}

  public static String render(Snapshot snapshot) {
    MachineFacts m = snapshot.machine();
    UnaryOperator<String> path = shortener(m.home());
    StringBuilder out = new StringBuilder();
    out.append("go-env-doctor report · ").append(snapshot.takenAt()).append('\n');
    out.append("machine ").append(m.root()).append(" · user ").append(m.user().isEmpty() ? "?" : m.user())
        .append(" · HOME ").append(m.home()).append(" · login shell ").append(m.shell())
        .append(" (from ").append(m.shellFrom()).append(")\n");
    out.append("workspace ").append(m.workspaceFolders().isEmpty() ? "(none)" : String.join(", ", m.workspaceFolders()))
        .append(" · editor environment: ").append(m.editorEnvironmentFrom()).append('\n');
    out.append("ran processes: ").append(!m.execAllowed() ? (m.root().equals("/") ? "no (--no-exec)" : "no (a scenario directory is read, never run)")
        : m.workspaceTrusted() ? "yes (workspace trusted)" : "the user's shell and Go only (workspace not trusted)").append("\n");
    m.workspaceGoRan().forEach(go -> out.append("ran the workspace's go ").append(go).append(" because the workspace is trusted\n"));

    LayerTables tables = new LayerTables(snapshot.layers(), path);
    section(out, "Which go runs where", tables.goTable());
    section(out, "Go variables (* = differs between layers)", tables.variableTable());
    section(out, "PATH entries (position in each layer; * = differs)", tables.pathTable());
    section(out, "Where values come from", tables.provenance());
    section(out, "How each layer was learned", tables.notes());
    section(out, "Startup files", startup(snapshot.startup(), path));
    section(out, "Go installations on this machine", installations(snapshot, path));
    section(out, "Go tools", tools(snapshot.tools(), path));
    section(out, "Workspace", workspace(snapshot, path));
    section(out, "go env", goEnv(snapshot, path));
    section(out, "Host", host(snapshot.host(), path));
    if (!snapshot.problems().isEmpty()) {
      section(out, "Problems", lines(snapshot.problems()));
    }
    return out.toString();
  }

  private static void section(StringBuilder out, String title, String body) {
    out.append('\n').append(title).append('\n').append(body);
  }

  private static String startup(List<StaticShellResult> readings, UnaryOperator<String> path) {
    StringBuilder out = new StringBuilder();
    for (StaticShellResult r : readings) {
      out.append("  ").append(r.mode().layerId()).append(" (").append(r.kind().name().toLowerCase())
          .append(r.mode().interactive() ? " -i -l" : " -l").append("):\n");
      for (StartupFile f : r.files()) {
        if (f.status() == StartupFileStatus.READ || f.status() == StartupFileStatus.MODELLED
            || f.status() == StartupFileStatus.SHADOWED) {
          out.append("    ").append(f.status().name().toLowerCase()).append("  ").append(path.apply(f.path()));
          if (!f.reason().isBlank()) {
            out.append("  (").append(f.reason()).append(')');
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String installations(Snapshot s, UnaryOperator<String> path) {
    if (s.installations().installations().isEmpty()) {
      return "  (no Go installation found in the usual places)\n";
    }
    TextTable table = new TextTable(List.of("GOROOT", "version", "installed by", "seen as"));
    for (GoInstallation i : s.installations().installations()) {
      table.add(false, List.of(path.apply(i.goroot()), i.version().orElse("?"), i.kind().name().toLowerCase().replace('_', ' '),
          String.join(", ", i.seenAs().stream().map(path).toList())));
    }
    StringBuilder out = new StringBuilder(table.render(""));
    for (GoInstallation i : s.installations().installations()) {
      i.problems().forEach(p -> out.append("  ").append(path.apply(i.goroot())).append(": ").append(p).append('\n'));
    }
    s.installations().dlWrappers().forEach(w -> out.append("  golang.org/dl wrapper ").append(path.apply(w.path()))
        .append(w.downloaded() ? " (SDK downloaded)" : " (" + w.message() + ")").append('\n'));
    return out.toString();
  }

  private static String tools(List<ToolBinary> tools, UnaryOperator<String> path) {
    if (tools.isEmpty()) {
      return "  (no gopls, dlv or staticcheck found where editors look)\n";
    }
    StringBuilder out = new StringBuilder();
    for (ToolBinary t : tools) {
      out.append("  ").append(t.name()).append("  ").append(path.apply(t.path())).append("  (").append(t.foundThrough()).append(")\n    ");
      if (t.inspection().isGoBinary()) {
        var info = t.inspection().buildInfo().orElseThrow();
        out.append("built with ").append(info.goVersion());
        info.mainModule().ifPresent(mod -> out.append(", module ").append(mod.path()).append(' ').append(mod.version()));
      } else {
        out.append(t.inspection().message());
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String workspace(Snapshot s, UnaryOperator<String> path) {
    StringBuilder out = new StringBuilder();
    for (FolderFacts f : s.workspace().folders()) {
      out.append("  ").append(f.folder()).append('\n');
      for (GoModFile mod : concat(f.goMods(), f.goWorks(), f.goWorksAbove())) {
        out.append("    ").append(path.apply(mod.path()));
        mod.go().ifPresent(g -> out.append("  go ").append(g.value()).append(" (line ").append(g.lineLocation().range().startLine() + 1).append(')'));
        mod.toolchain().ifPresent(t -> out.append("  toolchain ").append(t.value()));
        out.append('\n');
      }
      for (PinFile pin : concat(f.pins(), f.pinsAbove(), List.of())) {
        out.append("    ").append(path.apply(pin.path())).append("  ")
            .append(String.join(" ", pin.versions().stream().map(v -> v.raw()).toList())).append('\n');
      }
      for (SettingsFile settings : f.settings()) {
        settingsLines(out, settings, path);
      }
      if (f.walk().capHit()) {
        out.append("    (the walk stopped early: ").append(f.walk().directoriesVisited()).append(" directories visited)\n");
      }
    }
    for (SettingsFile settings : s.workspace().userSettings()) {
      settingsLines(out, settings, path);
    }
    for (WorkspaceProblem p : s.workspace().allProblems()) {
      out.append("  problem: ").append(path.apply(p.display())).append('\n');
    }
    return out.isEmpty() ? "  (no workspace folder)\n" : out.toString();
  }

  private static void settingsLines(StringBuilder out, SettingsFile settings, UnaryOperator<String> path) {
    if (settings.entries().isEmpty()) {
      return;
    }
    out.append("    ").append(path.apply(settings.path())).append(" (").append(settings.scope().name().toLowerCase().replace('_', ' '))
        .append(settings.editor().isEmpty() ? "" : ", " + settings.editor()).append(")\n");
    for (SettingEntry e : settings.entries()) {
      if (!(e.value() instanceof Map)) {
        out.append("      ").append(e.displayName()).append(" = ").append(e.sourceText())
            .append("  (line ").append(e.keyLocation().range().startLine() + 1).append(")\n");
      }
    }
  }

  private static String goEnv(Snapshot s, UnaryOperator<String> path) {
    StringBuilder out = new StringBuilder();
    out.append("  user env file (go env -w): ").append(path.apply(s.goEnvFile().path().orElse("(off)")))
        .append(s.goEnvFile().exists() ? "" : " (absent)").append('\n');
    s.goEnvFile().entries().forEach(e -> out.append("    ").append(e.key()).append('=').append(e.value())
        .append("  (line ").append(e.location().range().startLine() + 1).append(")\n"));
    for (Map.Entry<String, GoEnvResult> e : s.goEnv().entrySet()) {
      GoEnvResult r = e.getValue();
      out.append("  ").append(path.apply(e.getKey())).append(": ");
      if (r.succeeded()) {
        out.append("go env ran in ").append(r.elapsed().toMillis()).append(" ms; GOROOT=").append(r.values().getOrDefault("GOROOT", ""))
            .append(" GOVERSION=").append(r.values().getOrDefault("GOVERSION", "")).append('\n');
      } else {
        out.append(r.failure().orElse("")).append(" (values above are read from files)\n");
      }
    }
    return out.toString();
  }

  private static String host(HostFacts h, UnaryOperator<String> path) {
    StringBuilder out = new StringBuilder();
    out.append("  OS ").append(h.os().prettyName().orElse("unknown")).append(" · kernel ").append(h.os().kernelRelease().orElse("?"))
        .append(" · GOARCH ").append(h.os().goArch().orElse("?")).append('\n');
    out.append("  uid ").append(h.identity().effectiveUid().isPresent() ? Integer.toString(h.identity().effectiveUid().getAsInt()) : "?")
        .append(h.identity().viaSudo() ? " (via sudo, SUDO_USER=" + h.identity().sudoUser().orElse("?") + ")" : "").append('\n');
    for (BuildTempDir t : h.buildTempDirs()) {
      if (t.usedByGo()) {
        out.append("  go build temp dir ").append(path.apply(t.path())).append(t.variable().map(v -> " (" + v + ")").orElse(""))
            .append(": ").append(t.noexec().isYes() ? "on a noexec mount" : "exec allowed").append('\n');
      }
    }
    for (DirFacts d : h.dirs()) {
      out.append("  ").append(d.name()).append(' ').append(path.apply(d.path())).append(": ")
          .append(d.exists() ? "exists" : "absent").append(d.otherOwner().map(o -> ", owned by " + o).orElse(""))
          .append('\n');
    }
    Sandboxes sb = h.sandboxes();
    if (sb.flatpak().inside()) {
      out.append("  running inside Flatpak ").append(sb.flatpak().appId().orElse("")).append('\n');
    }
    if (sb.snap().inside()) {
      out.append("  running inside the snap ").append(sb.snap().name().orElse("")).append('\n');
    }
    if (sb.wsl().detected()) {
      out.append("  WSL").append(sb.wsl().generation() > 0 ? " " + sb.wsl().generation() : "").append(", Windows PATH ")
          .append(sb.wsl().windowsPathAppended() ? "appended" : "not appended").append('\n');
    }
    if (sb.container().detected()) {
      out.append("  in a container").append(sb.container().engine().map(e -> " (" + e + ")").orElse("")).append('\n');
    }
    out.append("  SELinux ").append(h.mac().selinux().mode().name().toLowerCase()).append(" · AppArmor ")
        .append(h.mac().appArmor().state().name().toLowerCase()).append('\n');
    return out.toString();
  }

  @SafeVarargs
  private static <T> List<T> concat(List<? extends T>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).map(x -> (T) x).toList();
  }

  private static String lines(List<String> items) {
    StringBuilder out = new StringBuilder();
    items.forEach(i -> out.append("  ").append(i).append('\n'));
    return out.toString();
  }

  /** Shows paths under HOME as {@code ~/...}, as users write them. */
  static UnaryOperator<String> shortener(String home) {
    if (home == null || home.isEmpty() || home.equals("/")) {
      return p -> p;
    }
    return p -> p == null ? "" : p.equals(home) ? "~" : p.startsWith(home + "/") ? "~" + p.substring(home.length()) : p;
  }
}
