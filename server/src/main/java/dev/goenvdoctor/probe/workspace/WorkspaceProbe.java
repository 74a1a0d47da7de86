package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.probe.Root;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads a workspace: for each folder, walks it for go.mod, go.work, version pins and
 * {@code .vscode/settings.json}, looks upward for the files that are searched upward, and reads the user
 * settings of every VS Code flavour. All reads go through a {@link Root}; sizes and the walk are bounded;
 * bad or hostile files become problems in the result, never exceptions.
 */
public final class WorkspaceProbe {
  static final int MAX_GO_MOD_BYTES = 4 << 20;
  static final int MAX_PIN_BYTES = 64 << 10;
  static final int MAX_SETTINGS_BYTES = 16 << 20;
  private static final List<String> UPWARD_PINS = List.of(".go-version", ".tool-versions", "mise.toml", ".mise.toml");

  private final Root root;
  private final WalkLimits limits;

  /** Returns a probe with the default walk limits. */
  public WorkspaceProbe(Root root) {
    this(root, WalkLimits.defaults());
  }

  /** Returns a probe with the given walk limits. */
  public WorkspaceProbe(Root root, WalkLimits limits) {
    this.root = root;
    this.limits = limits;
  }

  /**
   * Returns the facts for {@code folders} (absolute machine paths), reading user settings under
   * {@code home} with {@code env} (XDG_CONFIG_HOME, XDG_DATA_HOME, VSCODE_APPDATA).
   */
  public WorkspaceFacts probe(List<String> folders, String home, Map<String, String> env) {
    Session session = new Session();
    List<FolderFacts> folderFacts = new ArrayList<>();
    List<WorkspaceProblem> problems = new ArrayList<>();
    for (String folder : folders == null ? List.<String>of() : folders) {
      if (folder == null || !folder.startsWith("/") || folder.indexOf('\0') >= 0) {
        problems.add(WorkspaceProblem.ofFile(String.valueOf(folder),
            "workspace folder must be an absolute path without NUL characters; it was not read"));
        continue;
      }
      String normalized = Root.normalize(folder);
      try {
        folderFacts.add(session.folder(normalized));
      } catch (RuntimeException unexpected) {
        problems.add(WorkspaceProblem.ofFile(normalized, "could not read this workspace folder: " + unexpected));
      }
    }
    List<SettingsFile> userSettings = new ArrayList<>();
    if (home == null || !home.startsWith("/") || home.indexOf('\0') >= 0) {
      problems.add(WorkspaceProblem.ofFile(String.valueOf(home), "HOME is not an absolute path, so user settings were not read"));
    } else {
      readUserSettings(session, Root.normalize(home), env == null ? Map.of() : env, userSettings, problems);
    }
    return new WorkspaceFacts(folderFacts, userSettings, problems);
  }

  private void readUserSettings(Session session, String home, Map<String, String> env, List<SettingsFile> out,
      List<WorkspaceProblem> problems) {
    List<UserSettingsLocations.Candidate> candidates;
    try {
      candidates = UserSettingsLocations.withProfiles(root, UserSettingsLocations.candidates(home, env));
    } catch (RuntimeException unusablePath) { // e.g. a NUL character in XDG_CONFIG_HOME
      problems.add(WorkspaceProblem.ofFile(home, "could not locate user settings: " + unusablePath));
      return;
    }
    for (UserSettingsLocations.Candidate c : candidates) {
      try {
        session.settings(c.path(), SettingsFile.Scope.USER, c.editor(), Optional.empty()).ifPresent(out::add);
      } catch (RuntimeException unexpected) {
        problems.add(WorkspaceProblem.ofFile(c.path(), "could not read these settings: " + unexpected));
      }
    }
  }

  /** One probe run: parses each file once even when several folders see it. */
  private final class Session {
    private final Map<String, Object> parsed = new HashMap<>();

    FolderFacts folder(String folder) {
      List<WorkspaceProblem> problems = new ArrayList<>();
      if (!root.isDirectory(folder)) {
        problems.add(WorkspaceProblem.ofFile(folder, root.exists(folder)
            ? "workspace folder is not a directory" : "workspace folder does not exist"));
      }
      WorkspaceWalker.Result walk = WorkspaceWalker.walk(root, folder, limits);
      WalkStats stats = walk.stats();
      if (stats.directoryCapHit()) {
        problems.add(WorkspaceProblem.ofFile(folder, "stopped after reading " + stats.directoriesVisited()
            + " directories (the limit): files further down were not checked"));
      }
      if (stats.depthCapHit()) {
        problems.add(WorkspaceProblem.ofFile(folder, "did not look more than " + limits.maxDepth()
            + " directories deep: files further down were not checked"));
      }
      List<GoModFile> goMods = new ArrayList<>();
      List<GoModFile> goWorks = new ArrayList<>();
      List<PinFile> pins = new ArrayList<>();
      for (String file : walk.files()) {
        switch (baseName(file)) {
          case "go.mod" -> goMods.add(goMod(file, GoModFile.Kind.GO_MOD));
          case "go.work" -> goWorks.add(goMod(file, GoModFile.Kind.GO_WORK));
          default -> pins.add(pin(file));
        }
      }
      List<SettingsFile> settings = new ArrayList<>();
      String own = Root.join(folder, ".vscode/settings.json");
      for (String file : walk.settingsFiles()) {
        SettingsFile.Scope scope = file.equals(own) ? SettingsFile.Scope.WORKSPACE_FOLDER : SettingsFile.Scope.NESTED_FOLDER;
        settings(file, scope, "", Optional.of(folder)).ifPresent(settings::add);
      }
      List<GoModFile> goModsAbove = new ArrayList<>();
      List<GoModFile> goWorksAbove = new ArrayList<>();
      List<PinFile> pinsAbove = new ArrayList<>();
      String dir = folder;
      while (!dir.equals("/")) {
        dir = Root.parent(dir);
        String mod = Root.join(dir, "go.mod");
        if (root.isRegularFile(mod)) {
          goModsAbove.add(goMod(mod, GoModFile.Kind.GO_MOD));
        }
        String work = Root.join(dir, "go.work");
        if (root.isRegularFile(work)) {
          goWorksAbove.add(goMod(work, GoModFile.Kind.GO_WORK));
        }
        for (String name : UPWARD_PINS) {
          String file = Root.join(dir, name);
          if (root.isRegularFile(file)) {
            pinsAbove.add(pin(file));
          }
        }
      }
      return new FolderFacts(folder, goMods, goWorks, pins, settings, goModsAbove, goWorksAbove, pinsAbove, stats, problems);
    }

    GoModFile goMod(String path, GoModFile.Kind kind) {
      return cached(path, () -> {
        ReadText read = readText(path, MAX_GO_MOD_BYTES);
        if (read.problem() != null) {
          return new GoModFile(path, kind, Optional.empty(), Optional.empty(), Optional.empty(),
              List.of(), List.of(), List.of(), List.of(read.problem()));
        }
        return GoModParser.parse(path, read.text(), kind);
      });
    }

    PinFile pin(String path) {
      return cached(path, () -> {
        String name = baseName(path);
        PinFile.Kind kind = switch (name) {
          case ".go-version" -> PinFile.Kind.GO_VERSION;
          case ".tool-versions" -> PinFile.Kind.TOOL_VERSIONS;
          default -> PinFile.Kind.MISE_TOML;
        };
        ReadText read = readText(path, MAX_PIN_BYTES);
        if (read.problem() != null) {
          return new PinFile(path, kind, List.of(), List.of(read.problem()));
        }
        BiFunction<String, String, PinFile> parser = switch (kind) {
          case GO_VERSION -> GoVersionFileParser::parse;
          case TOOL_VERSIONS -> ToolVersionsParser::parse;
          case MISE_TOML -> MiseTomlParser::parse;
        };
        return parser.apply(path, read.text());
      });
    }

    Optional<SettingsFile> settings(String path, SettingsFile.Scope scope, String editor, Optional<String> folder) {
      if (!root.isRegularFile(path)) {
        return Optional.empty();
      }
      ReadText read = readText(path, MAX_SETTINGS_BYTES);
      List<WorkspaceProblem> readProblems = read.problem() == null ? List.of() : List.of(read.problem());
      return Optional.of(SettingsReader.fromText(path, scope, editor, folder, read.problem() == null ? read.text() : "",
          readProblems));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String path, java.util.function.Supplier<T> read) {
      return (T) parsed.computeIfAbsent(path, p -> read.get());
    }
  }

  /** A file's text, or the problem that kept it from being read. */
  private record ReadText(String text, WorkspaceProblem problem) {}

  private ReadText readText(String path, int maxBytes) {
    Optional<byte[]> bytes = root.readBytes(path, maxBytes + 1);
    if (bytes.isEmpty()) {
      return new ReadText("", WorkspaceProblem.ofFile(path, "could not be read"));
    }
    if (bytes.get().length > maxBytes) {
      return new ReadText("", WorkspaceProblem.ofFile(path,
          "is larger than " + size(maxBytes) + ", so it was not read (is it really this kind of file?)"));
    }
    // Malformed UTF-8 becomes U+FFFD, as editors show it; the parsers then report what they cannot read.
    return new ReadText(new String(bytes.get(), StandardCharsets.UTF_8), null);
  }

  private static String size(int bytes) {
    return bytes >= (1 << 20) ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
