package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.SymlinkChain;
import java.util.List;
import java.util.Optional;

/**
 * Which {@code go} a PATH and environment run, and what it really is.
 *
 * @param command the PATH hit, as execvp builds it ({@code /usr/bin/go}); empty when none
 * @param commandChain how {@code command} resolves
 * @param kind what the command is (a go binary, a shim, a wrapper, ...)
 * @param searchNotes what the PATH search met on the way (empty entries, literal {@code ~}, skipped files)
 * @param selection how a shim or wrapper picked the version, when one did
 * @param executable the real go binary that ends up running (symlinks resolved), when known
 * @param executableRoot the Go tree that binary sits in ({@code <exe>/../..} with {@code pkg/tool})
 * @param version the version of that tree, from its {@code VERSION} file
 * @param goroot the GOROOT the go command will use, when it can be known without the binary
 * @param gorootSource where that GOROOT comes from
 * @param gorootFrom the same in words ({@code GOROOT environment variable}, {@code /home/u/.config/go/env:2})
 * @param gorootProvenance the file line that set GOROOT, for the user env file
 * @param installKind how {@code executableRoot} was installed
 * @param installEvidence why we think so
 * @param problems what a user of this command will hit, in the go command's own words where it has them
 */
public record GoResolution(
    Optional<String> command,
    Optional<SymlinkChain> commandChain,
    CommandKind kind,
    List<String> searchNotes,
    Optional<VersionSelection> selection,
    Optional<String> executable,
    Optional<String> executableRoot,
    Optional<String> version,
    Optional<String> goroot,
    GorootSource gorootSource,
    String gorootFrom,
    Optional<Provenance> gorootProvenance,
    Optional<InstallKind> installKind,
    List<String> installEvidence,
    List<String> problems) {

  public GoResolution {
    searchNotes = List.copyOf(searchNotes);
    installEvidence = List.copyOf(installEvidence);
    problems = List.copyOf(problems);
  }

  /** True when PATH holds an executable {@code go} at all. */
  public boolean found() {
    return command.isPresent();
  }
}
