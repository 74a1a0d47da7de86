# asdf shell integration (fixture): puts the shims first on PATH
export PATH="${ASDF_DATA_DIR:-$HOME/.asdf}/shims:$PATH"
