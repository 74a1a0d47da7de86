package dev.goenvdoctor.probe.shell;

/**
 * The two shell starts that shape a Go environment. {@code LOGIN}: a non-interactive login shell, what a
 * desktop session builds and so what a desktop-launched editor inherits ({@code $SHELL -l -c}).
 * {@code TERMINAL}: an interactive login shell, what a terminal shows and what VS Code's shell
 * environment resolution runs ({@code $SHELL -i -l -c}).
 */
public enum ShellMode {
  LOGIN("login", false),
  TERMINAL("terminal", true);

  private final String layerId;
  private final boolean interactive;

  ShellMode(String layerId, boolean interactive) {
    this.layerId = layerId;
    this.interactive = interactive;
  }

  public String layerId() {
    return layerId;
  }

  public boolean interactive() {
    return interactive;
  }
}
