package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.jsonc.JsoncDocument;
import java.util.List;
import java.util.Optional;

/**
 * A VS Code settings.json that exists: where it is and whose it is ({@code scope}; the {@code editor}
 * flavour for user files, e.g. "VSCodium", empty for folder files, which every flavour applies; the
 * {@code workspaceFolder} for folder files), its full text (a leading byte
 * order mark removed, as VS Code shows the document; {@code hasBom} says it was there) and parse tree for
 * later edits, the Go-related entries (the effective ones: of duplicate keys only the last), and problems.
 */
public record SettingsFile(
    String path,
    Scope scope,
    String editor,
    Optional<String> workspaceFolder,
    String text,
    boolean hasBom,
    JsoncDocument document,
    List<SettingEntry> entries,
    List<WorkspaceProblem> problems) {

  /** Whose settings these are. */
  public enum Scope {
    /** The user's settings for one editor flavour. */
    USER,
    /** {@code <workspace folder>/.vscode/settings.json}. */
    WORKSPACE_FOLDER,
    /** A {@code .vscode/settings.json} below a workspace folder: VS Code applies it only if that directory is opened as a folder. */
    NESTED_FOLDER
  }

  public SettingsFile {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  /**
   * Returns the settings file read from {@code text} (as an editor holds it, or as read from disk): used to
   * re-read one file on a keystroke without probing the whole workspace.
   */
  public static SettingsFile parse(String path, Scope scope, String editor, Optional<String> workspaceFolder, String text) {
    return SettingsReader.fromText(path, scope, editor, workspaceFolder, text);
  }

  /**
   * Returns a settings file that could not be read (e.g. an editor buffer too large to analyse): no entries, an
   * empty text and {@code reason} as its problem, so no fix is ever planned on it.
   */
  public static SettingsFile notRead(String path, Scope scope, String editor, Optional<String> workspaceFolder, String reason) {
    return SettingsReader.fromText(path, scope, editor, workspaceFolder, "", List.of(WorkspaceProblem.ofFile(path, reason)));
  }

  /** Returns the entry at exactly {@code path}, e.g. {@code List.of("go.alternateTools", "go")}. */
  public Optional<SettingEntry> entry(List<String> path) {
    return entries.stream().filter(e -> e.path().equals(path)).findFirst();
  }

  /** Returns the top-level entry named {@code setting}, e.g. {@code go.goroot}. */
  public Optional<SettingEntry> entry(String setting) {
    return entry(List.of(setting));
  }
}
