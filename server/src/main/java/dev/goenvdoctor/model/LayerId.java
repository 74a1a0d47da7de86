package dev.goenvdoctor.model;

/** The places a {@code go} command can start from, in the order reports show them. */
public enum LayerId {
  EDITOR("editor", "the environment the editor process inherited"),
  LOGIN("login", "a non-interactive login shell: what a desktop session builds"),
  TERMINAL("terminal", "an interactive login shell: what a terminal shows"),
  VSCODE_GO("vscode-go", "what the VS Code Go extension runs: editor environment + go.* settings + its lookup order"),
  GOPLS("gopls", "what gopls runs go with: the extension's tool environment + go.toolsEnvVars");

  private final String id;
  private final String description;

  LayerId(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The stable id used in JSON and on the command line. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }
}
