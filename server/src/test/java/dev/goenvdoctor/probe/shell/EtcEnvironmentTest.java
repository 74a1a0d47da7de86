package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcEnvironmentTest {
  @TempDir Path tmp;

  @Test
  void pamEnvTakesValuesLiterallyAndFlagsShellSyntax() {
    StartupScenario s = StartupScenario.empty(tmp).write("/etc/environment", String.join("\n",
        "# system-wide environment",
        "PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games\"",
        "export GOPATH=/srv/go",
        "  GOROOT='/usr/local/go' # the tarball",
        "PATH=\"$PATH:/usr/local/go/bin\"",
        "GOBIN=~/bin",
        "GO111MODULE",
        "export PATH=$PATH export",
        "GOFLAGS=-mod=mod ",
        "bad-name=1",
        ""));
    EtcEnvironment pam = EtcEnvironment.read(s.root(), "/home/u");
    assertEquals("/srv/go", pam.entry("GOPATH").orElseThrow().value());
    assertEquals("/etc/environment:3", pam.entry("GOPATH").orElseThrow().provenance().display());
    // the comment is cut, the space before it stays, so the closing quote is not last and survives
    assertEquals("/usr/local/go' ", pam.entry("GOROOT").orElseThrow().value());
    assertTrue(pam.entry("GOROOT").orElseThrow().issues().contains(EtcEnvironmentEntry.Issue.STRAY_QUOTE));
    EtcEnvironmentEntry path = pam.entries().stream().filter(e -> e.name().equals("PATH")).skip(1).findFirst()
        .orElseThrow();
    assertEquals("$PATH:/usr/local/go/bin", path.value());
    assertTrue(path.issues().contains(EtcEnvironmentEntry.Issue.USES_VARIABLE));
    assertTrue(pam.entry("GOBIN").orElseThrow().issues().contains(EtcEnvironmentEntry.Issue.USES_TILDE));
    assertTrue(pam.entry("GO111MODULE").orElseThrow().unset());
    assertEquals("$PATH export", pam.entry("PATH").orElseThrow().value());
    assertTrue(pam.entry("GOFLAGS").orElseThrow().issues().contains(EtcEnvironmentEntry.Issue.TRAILING_WHITESPACE));
    assertTrue(pam.notes().stream().anyMatch(n -> n.message().contains("bad-name")));
    assertFalse(pam.entry("bad-name").isPresent());
  }

  @Test
  void continuationLinesJoin() {
    StartupScenario s = StartupScenario.empty(tmp).write("/etc/environment", "GOPRIVATE=a.example.com,\\\n"
        + "b.example.com\nGONOSUMDB=x\n");
    EtcEnvironment pam = EtcEnvironment.read(s.root(), null);
    assertEquals("a.example.com,b.example.com", pam.entry("GOPRIVATE").orElseThrow().value());
    assertEquals("/etc/environment:3", pam.entry("GONOSUMDB").orElseThrow().provenance().display());
  }

  @Test
  void pamEnvironmentFileIsListedAsDeprecated() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/home/u/.pam_environment", "GOPATH DEFAULT=/x\n")
        .write("/etc/pam.d/login", "session required pam_env.so readenv=1 user_readenv=1\n");
    EtcEnvironment pam = EtcEnvironment.read(s.root(), "/home/u");
    StartupFile user = pam.files().stream().filter(f -> f.path().equals("/home/u/.pam_environment")).findFirst()
        .orElseThrow();
    assertEquals(StartupFileStatus.NOT_READ, user.status());
    assertTrue(user.reason().contains("/etc/pam.d/login"), user.reason());
    assertEquals(StartupFileStatus.MISSING, pam.files().get(0).status());
  }

  @Test
  void pamValuesBecomeTheBaseOfAShellStart() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/etc/environment", "PATH=\"/usr/local/bin:/usr/bin:/bin\"\nGOPROXY=https://proxy.example.com\n")
        .write("/home/u/.profile", "export PATH=$HOME/bin:$PATH\n");
    StaticShellRequest request = StaticShellRequest.of(s.root(), ShellKind.BASH, ShellMode.LOGIN, s.env)
        .withPamEnvironment(EtcEnvironment.read(s.root(), "/home/u"));
    StaticShellResult r = StaticShellEvaluator.evaluate(request);
    assertEquals("/home/u/bin:/usr/local/bin:/usr/bin:/bin", r.pathValue());
    assertEquals("/home/u/.profile:1", r.path().get(0).provenance().display());
    assertEquals("/etc/environment:1", r.path().get(1).provenance().display());
    assertEquals("/etc/environment:2", r.variable("GOPROXY").orElseThrow().provenance().display());
  }
}
