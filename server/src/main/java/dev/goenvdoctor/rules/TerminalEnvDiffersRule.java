package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.rules.VsCodeSettingsFacts.FoundGo;
import dev.goenvdoctor.rules.VsCodeSettingsFacts.Located;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code terminal.integrated.env.linux} gives the integrated terminal a PATH or GOROOT that makes it run
 * another Go than vscode-go and gopls. The terminal's PATH is modelled as VS Code builds it: the editor's
 * environment, the setting with {@code ${env:...}} expanded, then vscode-go's own prepend of GOROOT/bin
 * (goEnvironmentStatus.ts addGoRuntimeBaseToPATH, applied after the setting) when the extension found go
 * elsewhere than on PATH. Fires only when the setting changes which go the terminal runs.
 */
final class TerminalEnvDiffersRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("terminal-env-differs", "GED404", Severity.WARNING,
      "`terminal.integrated.env.linux` makes the terminal run another Go than the tools.");
  private static final String SETTING = "terminal.integrated.env.linux";
  private static final Pattern ENV = Pattern.compile("\\$\\{env:([^}]+)}");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<Located> pathSetting = VsCodeSettingsFacts.effective(snapshot, List.of(SETTING, "PATH"))
        .filter(l -> l.string().isPresent());
    Optional<Located> gorootSetting = VsCodeSettingsFacts.effective(snapshot, List.of(SETTING, "GOROOT"))
        .filter(l -> l.string().filter(v -> !v.isBlank()).isPresent());
    Optional<Root> machine = VsCodeSettingsFacts.root(snapshot);
    Map<String, String> editor = VsCodeSettingsFacts.editorEnvironment(snapshot);
    Optional<ResolvedGo> tools = snapshot.layer(LayerId.VSCODE_GO).flatMap(Layer::go)
        .or(() -> snapshot.layer(LayerId.GOPLS).flatMap(Layer::go));
    if ((pathSetting.isEmpty() && gorootSetting.isEmpty()) || machine.isEmpty() || editor.isEmpty() || tools.isEmpty()) {
      return List.of();
    }
    Root root = machine.get();
    String folder = VsCodeSettingsFacts.workspaceFolder(snapshot);
    List<String> prepend = extensionPrepend(snapshot, tools.get());
    String basePath = editor.getOrDefault("PATH", "");
    Map<String, String> terminalEnv = new HashMap<>(editor);
    List<Finding> findings = new ArrayList<>();

    Optional<FoundGo> without = VsCodeSettingsFacts.findGo(root, entries(prepend, basePath), editor, folder);
    Optional<FoundGo> terminalGo = without;
    if (pathSetting.isPresent()) {
      String value = expand(pathSetting.get().string().get(), editor, folder);
      terminalEnv.put("PATH", value);
      Optional<FoundGo> with = VsCodeSettingsFacts.findGo(root, entries(prepend, value), terminalEnv, folder);
      terminalGo = with;
      boolean changedBySetting = !realPath(with).equals(realPath(without));
      boolean differsFromTools = with.map(g -> !g.same(tools.get())).orElse(true);
      if (changedBySetting && differsFromTools) {
        findings.add(pathFinding(snapshot, root, pathSetting.get(), with, tools.get()));
      }
    }
    if (gorootSetting.isPresent()) {
      String goroot = expand(gorootSetting.get().string().get(), editor, folder);
      Optional<String> toolsRoot = tools.get().goroot();
      if (toolsRoot.isPresent() && !VsCodeSettingsFacts.real(root, goroot).equals(VsCodeSettingsFacts.real(root, toolsRoot.get()))) {
        findings.add(gorootFinding(snapshot, root, gorootSetting.get(), goroot, terminalGo, tools.get()));
      }
    }
    return findings;
  }

  private Finding pathFinding(Snapshot snapshot, Root root, Located setting, Optional<FoundGo> terminalGo, ResolvedGo tools) {
    String where = VsCodeSettingsFacts.display(snapshot, setting.entry().keyLocation());
    String message = terminalGo.map(g -> "The integrated terminal runs " + g.label() + " because of " + SETTING + " ("
        + where + ")").orElse("The integrated terminal finds no go because " + SETTING + " (" + where + ") sets its PATH")
        + "; " + toolsLabel(snapshot, tools) + ". Open a new terminal after changing it: open terminals keep their"
        + " environment.";
    Findings finding = Findings.of(INFO, message).at(setting.entry().valueLocation()).evidence(setting.provenance())
        .evidence(VsCodeSettingsFacts.effective(snapshot, List.of("go.goroot")).map(Located::provenance));

    String raw = setting.string().get();
    String folder = VsCodeSettingsFacts.workspaceFolder(snapshot);
    Map<String, String> editor = VsCodeSettingsFacts.editorEnvironment(snapshot);
    List<String> kept = new ArrayList<>();
    List<String> goDirs = new ArrayList<>();
    for (String segment : splitSetting(raw)) {
      if (isOtherGoRootBin(root, expand(segment, editor, folder), tools)) {
        goDirs.add(segment);
      } else {
        kept.add(segment);
      }
    }
    List<String> path = List.of(SETTING, "PATH");
    if (goDirs.isEmpty()) {
      finding.fix(VsCodeSettingsFacts.remove(setting, "Remove PATH from " + SETTING, false));
      return finding.build();
    }
    boolean nothingLeft = kept.stream().allMatch(s -> s.isEmpty() || s.equals("${env:PATH}"));
    String newValue = nothingLeft ? null : String.join(":", kept);
    String goroot = Root.parent(expand(goDirs.get(0), editor, folder));
    boolean activate = VsCodeSettingsFacts.flag(snapshot, "go.terminal.activateEnvironment", true);
    if (activate) {
      // The user's choice of Go for the terminal, made once for the tools too: vscode-go then puts its bin
      // first on the terminal's PATH itself.
      Map<List<String>, Object> changes = new LinkedHashMap<>();
      // go.goroot first: the editor then still sees the file's own indentation.
      changes.put(List.of("go.goroot"), goroot);
      changes.put(newValue == null ? VsCodeSettingsFacts.removalPath(setting) : path, newValue);
      finding.fix(SettingsFixes.change(setting.file(), "Use " + goroot + " for the tools too (go.goroot), and drop it"
          + " from the terminal's PATH", true, changes));
    }
    String title = "Remove " + String.join(", ", goDirs) + " from the terminal's PATH (the terminal then runs "
        + tools.label() + ")";
    finding.fix(newValue == null ? VsCodeSettingsFacts.remove(setting, title, !activate)
        : VsCodeSettingsFacts.setWhereItIs(snapshot, setting, title, !activate, path, newValue));
    return finding.build();
  }

  private Finding gorootFinding(Snapshot snapshot, Root root, Located setting, String goroot, Optional<FoundGo> terminalGo,
      ResolvedGo tools) {
    String where = VsCodeSettingsFacts.display(snapshot, setting.entry().keyLocation());
    Optional<String> version = goroot.startsWith("/") ? GoRoot.inspect(root, goroot).version() : Optional.empty();
    StringBuilder message = new StringBuilder(SETTING + " (" + where + ") gives the integrated terminal GOROOT=" + goroot
        + version.map(v -> " (" + v + ")").orElse("") + "; " + toolsLabel(snapshot, tools) + " with GOROOT="
        + tools.goroot().orElse("?") + ".");
    if (terminalGo.isPresent() && terminalGo.get().version().isPresent() && version.isPresent()
        && !terminalGo.get().version().get().equals(version.get())) {
      message.append(" The terminal's go (").append(terminalGo.get().label()).append(") with that GOROOT fails with")
          .append(" compile: version \"").append(version.get()).append("\" does not match go tool version \"")
          .append(terminalGo.get().version().get()).append("\".");
    }
    message.append(" Open a new terminal after changing it: open terminals keep their environment.");
    Findings finding = Findings.of(INFO, message.toString()).at(setting.entry().valueLocation()).evidence(setting.provenance())
        .evidence(VsCodeSettingsFacts.effective(snapshot, List.of("go.goroot")).map(Located::provenance));
    finding.fix(VsCodeSettingsFacts.remove(setting, "Remove GOROOT from " + SETTING, true));
    tools.goroot().ifPresent(g -> finding.fix(VsCodeSettingsFacts.setWhereItIs(snapshot, setting,
        "Set the terminal's GOROOT to " + g + ", as the tools use", false, List.of(SETTING, "GOROOT"), g)));
    return finding.build();
  }

  /** "vscode-go and gopls run X" when both run the same go, else what vscode-go runs. */
  private static String toolsLabel(Snapshot snapshot, ResolvedGo tools) {
    boolean goplsSame = snapshot.layer(LayerId.GOPLS).flatMap(Layer::go)
        .map(g -> g.realPath().equals(tools.realPath())).orElse(false);
    return (goplsSame ? "vscode-go and gopls run " : "vscode-go runs ") + tools.label();
  }

  /**
   * The directory vscode-go puts in front of the terminal's PATH: its GOROOT/bin, when it found go elsewhere
   * than on PATH and {@code go.terminal.activateEnvironment} is not false.
   */
  private static List<String> extensionPrepend(Snapshot snapshot, ResolvedGo tools) {
    boolean viaPath = tools.why().startsWith("PATH") || tools.why().startsWith("first go on PATH");
    if (viaPath || !VsCodeSettingsFacts.flag(snapshot, "go.terminal.activateEnvironment", true) || tools.goroot().isEmpty()) {
      return List.of();
    }
    return List.of(tools.goroot().get() + "/bin");
  }

  private static List<String> entries(List<String> prepend, String path) {
    List<String> all = new ArrayList<>(prepend);
    if (!path.isEmpty()) {
      all.addAll(List.of(path.split(":", -1)));
    }
    return all;
  }

  /** A {@code <goroot>/bin} directory of another Go installation than the tools'. */
  private static boolean isOtherGoRootBin(Root root, String dir, ResolvedGo tools) {
    if (!dir.startsWith("/") || !dir.endsWith("/bin") || !root.isExecutableFile(dir + "/go")) {
      return false;
    }
    String goroot = Root.parent(dir);
    return GoRoot.inspect(root, goroot).isGoRoot() && !root.resolve(dir + "/go").realPath().equals(tools.realPath());
  }

  /** A PATH setting split at its colons, except those inside {@code ${...}} variables. */
  static List<String> splitSetting(String value) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ':' && depth == 0) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    return parts;
  }

  private static String realPath(Optional<FoundGo> go) {
    return go.map(FoundGo::realPath).orElse("");
  }

  /** VS Code's variable resolution for terminal environment values: {@code ${env:NAME}} and the workspace folder. */
  private static String expand(String value, Map<String, String> env, String folder) {
    Matcher m = ENV.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1).trim(), "")));
    }
    m.appendTail(out);
    String result = out.toString();
    return folder == null ? result : result.replace("${workspaceFolder}", folder);
  }
}
