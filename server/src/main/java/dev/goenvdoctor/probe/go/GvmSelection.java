package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.Root;
import java.util.List;
import java.util.Optional;

/**
 * gvm has no shims: {@code gvm use} rewrites PATH and GOROOT in the shell, and every new shell
 * sources {@code $GVM_ROOT/environments/default} (written by {@code gvm use <v> --default}), whose
 * {@code gvm_go_name} line names the version (moovweb/gvm scripts/gvm-default, scripts/install).
 */
final class GvmSelection {
  private GvmSelection() {}

  static VersionSelection describe(Root root, String gvmRoot, String goroot) {
    String name = goroot.substring(goroot.lastIndexOf('/') + 1);
    String defaults = Root.join(gvmRoot, "environments/default");
    List<String> lines = TextFiles.lines(root, defaults).orElse(List.of());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.contains("gvm_go_name=\"" + name + "\"")) {
        Provenance p = TextFiles.provenance(defaults, i, line);
        return new VersionSelection("gvm", name, p.display(), Optional.of(p), Optional.of(goroot), true, Optional.empty());
      }
    }
    return new VersionSelection("gvm", name, "gvm use in the shell (gvm has no shims: it edits PATH and GOROOT)",
        Optional.empty(), Optional.of(goroot), true, Optional.empty());
  }
}
