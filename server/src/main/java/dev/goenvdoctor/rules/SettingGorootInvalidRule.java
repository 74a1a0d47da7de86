package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.binary.GoVersion;
import dev.goenvdoctor.probe.go.GoInstallation;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.probe.workspace.GoDirective;
import dev.goenvdoctor.probe.workspace.GoModFile;
import dev.goenvdoctor.rules.VsCodeSettingsFacts.Located;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code go.goroot} names a directory that does not exist (vscode-go then ignores it) or that is not a Go
 * root (vscode-go uses it anyway and its tools fail). Shown on the setting's value.
 */
final class SettingGorootInvalidRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("setting-goroot-invalid", "GED401", Severity.ERROR,
      "`go.goroot` does not name a Go installation.");
  private static final List<String> KEY = List.of("go.goroot");
  private static final int MAX_INSTALL_FIXES = 3;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<Located> setting = VsCodeSettingsFacts.effective(snapshot, KEY);
    Optional<Root> machine = VsCodeSettingsFacts.root(snapshot);
    if (setting.isEmpty() || machine.isEmpty()) {
      return List.of();
    }
    Optional<String> raw = setting.get().string().filter(v -> !v.isBlank());
    if (raw.isEmpty()) {
      return List.of(); // vscode-go skips an empty go.goroot without a word.
    }
    Root root = machine.get();
    String home = snapshot.machine().home();
    String dir = VsCodeSettingsFacts.expand(raw.get(), VsCodeSettingsFacts.editorEnvironment(snapshot),
        VsCodeSettingsFacts.workspaceFolder(snapshot), home);
    boolean absolute = dir.startsWith("/");
    boolean exists = absolute && root.isDirectory(dir);
    GoRoot inspected = exists ? GoRoot.inspect(root, dir) : null;
    if (exists && inspected.isGoRoot()) {
      return List.of();
    }

    String where = VsCodeSettingsFacts.display(snapshot, setting.get().entry().keyLocation());
    String shown = dir.equals(raw.get()) ? dir : raw.get() + " (" + dir + ")";
    StringBuilder message = new StringBuilder("go.goroot (" + where + ") is " + shown);
    if (!exists) {
      message.append(absolute ? ", which does not exist" : ", which is not an absolute path")
          .append(". vscode-go ignores the setting (\"go.goroot setting is ignored. ").append(dir)
          .append(" is not a valid GOROOT directory.\") and looks for go on its own: ")
          .append(snapshot.layer(LayerId.VSCODE_GO).flatMap(l -> l.go()).map(g -> "it runs " + g.label())
              .orElse("it finds none"))
          .append('.');
    } else {
      message.append(", which is not a Go root (").append(inspected.notGoRootReason().orElse("no Go tree"))
          .append("). vscode-go uses it as GOROOT anyway, so gopls and the other Go tools get a GOROOT without a"
              + " Go tree and fail.");
    }

    List<Fix> fixes = new ArrayList<>();
    Optional<String> parent = binParent(root, dir);
    parent.ifPresent(p -> {
      message.append(" The Go root is ").append(VsCodeSettingsFacts.describeRoot(root, p)).append('.');
      String value = stripBin(raw.get());
      VsCodeSettingsFacts.setWhereItIs(snapshot, setting.get(), "Set go.goroot to " + value + " (the parent of bin)",
          true, KEY, value).ifPresent(fixes::add);
    });
    for (GoInstallation install : candidates(snapshot, root, dir)) {
      String title = "Set go.goroot to " + install.goroot() + install.version().map(v -> " (" + v + ")").orElse("");
      VsCodeSettingsFacts.setWhereItIs(snapshot, setting.get(), title, fixes.isEmpty(), KEY, install.goroot())
          .ifPresent(fixes::add);
    }
    VsCodeSettingsFacts.remove(setting.get(), "Remove go.goroot and let vscode-go find go by itself", fixes.isEmpty())
        .ifPresent(fixes::add);

    Findings finding = Findings.of(INFO, message.toString()).at(setting.get().entry().valueLocation())
        .evidence(setting.get().provenance());
    fixes.forEach(finding::fix);
    return List.of(finding.build());
  }

  /** For a value ending in {@code /bin} whose parent is a Go root: that parent. */
  private static Optional<String> binParent(Root root, String dir) {
    String trimmed = dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    if (!trimmed.endsWith("/bin")) {
      return Optional.empty();
    }
    String parent = Root.parent(trimmed);
    return root.isDirectory(parent) && GoRoot.inspect(root, parent).isGoRoot() ? Optional.of(parent) : Optional.empty();
  }

  private static String stripBin(String raw) {
    String v = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    return v.substring(0, v.length() - "/bin".length());
  }

  /**
   * Usable Go installations other than the broken value and its parent: those that meet the workspace's
   * {@code go} line first, newest first.
   */
  private static List<GoInstallation> candidates(Snapshot snapshot, Root root, String dir) {
    Optional<GoVersion> needed = snapshot.workspace().folders().stream().findFirst()
        .flatMap(Anchors::governingModule).flatMap(GoModFile::go).map(GoDirective::value).flatMap(GoVersion::parse);
    Optional<String> parent = binParent(root, dir).map(p -> VsCodeSettingsFacts.real(root, p));
    Comparator<GoInstallation> order = Comparator.<GoInstallation, Boolean>comparing(
        i -> !meets(i, needed)).thenComparing(i -> version(i).orElse(null),
            Comparator.nullsLast(Comparator.<GoVersion>reverseOrder()));
    return snapshot.installations().installations().stream()
        .filter(GoInstallation::isGoRoot)
        .filter(i -> parent.map(p -> !p.equals(i.realPath())).orElse(true))
        .sorted(order)
        .limit(MAX_INSTALL_FIXES)
        .toList();
  }

  private static boolean meets(GoInstallation install, Optional<GoVersion> needed) {
    return needed.isEmpty() || version(install).map(v -> v.compareTo(needed.get()) >= 0).orElse(false);
  }

  private static Optional<GoVersion> version(GoInstallation install) {
    return install.version().flatMap(GoVersion::parse);
  }
}
