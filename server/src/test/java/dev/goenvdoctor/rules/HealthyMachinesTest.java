package dev.goenvdoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.snapshot.Snapshot;
import dev.goenvdoctor.testing.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Machines set up the way the official docs and the version managers say: every rule together must find
 * nothing at warning or above. A doctor that cries wolf on a healthy machine is worse than none.
 */
class HealthyMachinesTest {
  @TempDir Path dir;

  private static final String GOPLS = "golang.org/x/tools/gopls";

  private static List<String> warningsOrWorse(Scenario scenario) {
    Snapshot snapshot = scenario.snapshot();
    RuleCatalogue.Result result = RuleCatalogue.check(snapshot, Set.of());
    assertEquals(List.of(), result.failures());
    return result.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING))
        .map(HealthyMachinesTest::describe).toList();
  }

  private static String describe(Finding f) {
    return f.slug() + " at " + f.location().display() + ": " + f.message();
  }

  /** The user's tools in ~/go/bin, on PATH through ~/.profile, as `go install` leaves them. */
  private static Scenario withGopls(Scenario s, String builtWith, String path) {
    return s.goTool("/home/u/go/bin/gopls", builtWith, GOPLS)
        .append("/home/u/.profile", "export PATH=\"$PATH:$HOME/go/bin\"\n")
        .env("PATH", path + ":/home/u/go/bin");
  }

  @Test
  void officialTarballWithProfileExport() {
    Scenario s = Scenario.ubuntu(dir).goRoot("/usr/local/go", "go1.27.4")
        .append("/home/u/.profile", "\nexport PATH=\"$PATH:/usr/local/go/bin\"\n");
    withGopls(s, "go1.27.4", Scenario.DEFAULT_PATH + ":/usr/local/go/bin");
    assertEquals(List.of(), warningsOrWorse(s));
  }

  @Test
  void aptOnlyWithASupportedGo() {
    Scenario s = Scenario.ubuntu(dir).aptGo("1.26", "go1.26.3")
        .file("/etc/os-release", "NAME=\"Ubuntu\"\nVERSION_ID=\"26.04\"\nID=ubuntu\nPRETTY_NAME=\"Ubuntu 26.04 LTS\"\n");
    withGopls(s, "go1.26.3", Scenario.DEFAULT_PATH);
    assertEquals(List.of(), warningsOrWorse(s));
  }

  @Test
  void goenvManaged() {
    Scenario s = Scenario.ubuntu(dir)
        .goRoot("/home/u/.goenv/versions/1.27.4", "go1.27.4")
        .executable("/home/u/.goenv/shims/go", ("#!/usr/bin/env bash\nset -e\nprogram=\"${0##*/}\"\nexport GOENV_ROOT=\"/home/u/.goenv\"\n"
            + "exec \"/home/u/.goenv/libexec/goenv\" exec \"$program\" \"$@\"\n").getBytes())
        .executable("/home/u/.goenv/bin/goenv", "#!/usr/bin/env bash\n".getBytes())
        .file("/home/u/.goenv/version", "1.27.4\n")
        .file("/home/u/proj/.go-version", "1.27.4\n")
        .append("/home/u/.profile", "\nexport GOENV_ROOT=\"$HOME/.goenv\"\nexport PATH=\"$GOENV_ROOT/bin:$PATH\"\neval \"$(goenv init -)\"\n");
    withGopls(s, "go1.27.4", "/home/u/.goenv/shims:/home/u/.goenv/bin:" + Scenario.DEFAULT_PATH);
    assertEquals(List.of(), warningsOrWorse(s));
  }

  @Test
  void asdfManaged() {
    Scenario s = Scenario.ubuntu(dir)
        .goRoot("/home/u/.asdf/installs/golang/1.27.4/go", "go1.27.4")
        .executable("/home/u/.asdf/shims/go", "#!/usr/bin/env bash\n# asdf-plugin: golang 1.27.4\nexec /home/u/.asdf/bin/asdf exec \"go\" \"$@\"\n".getBytes())
        .executable("/home/u/.asdf/bin/asdf", "#!/usr/bin/env bash\n".getBytes())
        .file("/home/u/.asdf/asdf.sh", "export PATH=\"${ASDF_DATA_DIR:-$HOME/.asdf}/shims:$PATH\"\n")
        .file("/home/u/proj/.tool-versions", "golang 1.27.4\n")
        .append("/home/u/.profile", "\n. \"$HOME/.asdf/asdf.sh\"\n");
    withGopls(s, "go1.27.4", "/home/u/.asdf/shims:" + Scenario.DEFAULT_PATH);
    assertEquals(List.of(), warningsOrWorse(s));
  }
}
