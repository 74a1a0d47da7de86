package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentDReaderTest {
  @TempDir Path tmp;

  @Test
  void filesApplyInNameOrderWithExpansionAndMasking() throws Exception {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/usr/lib/environment.d/10-go.conf", "GOPATH=/vendor\n")
        .write("/etc/environment.d/10-go.conf", "# admin copy masks the vendor one\nGOPATH=/admin\n")
        .write("/home/u/.config/environment.d/20-path.conf", String.join("\n",
            "PATH=${HOME}/go/bin:$PATH",
            "GOBIN=\"${GOBIN:-$HOME/bin}\"",
            "GOFLAGS=${GOFLAGS:+$GOFLAGS }-trimpath",
            "export GOPROXY=direct",
            ""))
        .write("/etc/environment.d/30-later.conf", "GOPATH=$GOPATH:/extra\n")
        .write("/etc/environment", "GOTOOLCHAIN=local\n");
    Files.createDirectories(tmp.resolve("usr/lib/environment.d"));
    Files.createSymbolicLink(tmp.resolve("usr/lib/environment.d/99-environment.conf"), Path.of("/etc/environment"));
    EnvironmentDResult r = EnvironmentDReader.read(s.root(), Map.of("HOME", "/home/u",
        "PATH", "/usr/local/bin:/usr/bin"));
    assertEquals("/admin:/extra", r.variable("GOPATH").orElseThrow().value());
    assertEquals("/etc/environment.d/30-later.conf:1", r.variable("GOPATH").orElseThrow().provenance().display());
    assertEquals("/home/u/go/bin:/usr/local/bin:/usr/bin",
        String.join(":", r.path().stream().map(StaticShellPathEntry::directory).toList()));
    assertEquals("/home/u/.config/environment.d/20-path.conf:1", r.path().get(0).provenance().display());
    assertTrue(r.path().get(1).provenance() == null, "base entries keep no origin");
    assertEquals("/home/u/bin", r.variable("GOBIN").orElseThrow().value());
    assertEquals("-trimpath", r.variable("GOFLAGS").orElseThrow().value());
    assertTrue(r.variable("GOPROXY").isEmpty());
    assertTrue(r.notes().stream().anyMatch(n -> n.message().contains("export")));
    assertEquals("local", r.variable("GOTOOLCHAIN").orElseThrow().value());
    assertEquals("/etc/environment:1", r.variable("GOTOOLCHAIN").orElseThrow().provenance().display());
    assertTrue(r.files().stream().anyMatch(f -> f.status() == StartupFileStatus.SHADOWED
        && f.path().equals("/usr/lib/environment.d/10-go.conf")));
  }
}
