package dev.goenvdoctor.probe.shell;

/** The sentences the simulation uses to explain version manager activations (one wording for all shells). */
final class StaticShellToolNotes {
  private StaticShellToolNotes() {}

  static String notOnPath(String tool, String command) {
    return tool + ": " + command + " is not found on PATH at this point, so the line does nothing (the shell only"
        + " prints an error)";
  }

  static String goenv(String root, boolean rootManaged, boolean pathManaged) {
    String managed = rootManaged && pathManaged ? "GOROOT and GOPATH (GOPATH=$HOME/go/<version>)"
        : rootManaged ? "GOROOT (GOENV_DISABLE_GOPATH=1 keeps GOPATH)"
        : pathManaged ? "GOPATH=$HOME/go/<version> (GOENV_DISABLE_GOROOT=1 keeps GOROOT)" : null;
    return "goenv init puts " + root + "/shims first on PATH, so `go` runs goenv's shim, which picks the version"
        + " from GOENV_VERSION, .go-version, go.mod or ~/.goenv/version"
        + (managed == null ? "" : "; goenv's shell integration also exports " + managed + " for the selected"
        + " version, which this simulation does not compute");
  }

  static String mise() {
    return "mise activate: PATH is set per directory by mise when the prompt is drawn (from mise.toml,"
        + " .tool-versions or .go-version); programs started outside an interactive shell, such as editors and"
        + " gopls, do not get those entries unless mise's shims directory is on PATH";
  }

  static String miseShims(String shims) {
    return "mise activate --shims puts " + shims + " first on PATH";
  }

  static String asdf(String shims, String bin) {
    return "asdf puts " + shims + " and " + bin + " first on PATH (unless already there), so `go` runs asdf's"
        + " shim, which picks the version from .tool-versions";
  }

  static String gvm(String gvmRoot) {
    return "gvm unsets GOROOT, GOPATH and GOBIN, puts " + gvmRoot + "/bin on PATH, then loads " + gvmRoot
        + "/environments/default (the version chosen with `gvm use --default`)";
  }

  static String gvmNoDefault(String env) {
    return env + " does not exist: gvm has no default version, so no Go is put on PATH";
  }
}
