package dev.goenvdoctor.model;

/** How a layer's environment was learned, so a reader knows how much to trust it. */
public enum LayerSource {
  /** This process's own environment. */
  PROCESS("this process's environment"),
  /** An environment file given with --env. */
  ENV_FILE("the --env file"),
  /** The user's real shell was run and printed its environment. */
  SHELL("the user's shell, run for real"),
  /** Simulated from the startup files, line by line, without running anything. */
  STATIC("startup files, read without running them"),
  /** Derived from another layer and settings, as the tool that uses it does. */
  COMPUTED("computed from the editor layer and settings"),
  /** Could not be learned; the layer's notes say why. */
  UNAVAILABLE("unavailable");

  private final String description;

  LayerSource(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
