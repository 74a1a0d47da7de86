package dev.goenvdoctor.probe.go;

/** How a Go installation got onto the machine. */
public enum InstallKind {
  /** A Debian/Ubuntu package ({@code golang-1.x-go}), proven by a dpkg file list. */
  APT,
  /** The official tarball extracted to {@code /usr/local/go}. */
  TARBALL,
  /** The {@code go} snap ({@code /snap/go/<revision>}). */
  SNAP,
  /** A golang.org/dl download in {@code ~/sdk/go1.x.y}. */
  GOLANG_DL,
  /** An SDK downloaded by GoLand (heuristic: {@code ~/go/go1.x.y}). */
  GOLAND,
  /** goenv: {@code $GOENV_ROOT/versions/<v>}. */
  GOENV,
  /** gvm: {@code $GVM_ROOT/gos/<v>}. */
  GVM,
  /** asdf with asdf-golang: {@code $ASDF_DATA_DIR/installs/golang/<v>/go}. */
  ASDF,
  /** mise: {@code $MISE_DATA_DIR/installs/go/<v>} (or its {@code go/} subdirectory). */
  MISE,
  /** Homebrew on Linux: {@code Cellar/go/<v>/libexec}. */
  LINUXBREW,
  /** The flatpak SDK extension {@code org.freedesktop.Sdk.Extension.golang}: {@code /usr/lib/sdk/golang}. */
  FLATPAK_SDK,
  /** A toolchain the go command downloaded for GOTOOLCHAIN switching ({@code golang.org/toolchain@...}). */
  TOOLCHAIN_MODULE,
  /** Anything else (built from source, copied, unknown package manager). */
  OTHER
}
