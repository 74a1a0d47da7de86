package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expansion checked through whole shell starts: what a line makes of PATH/GOPATH. */
class ShellWordExpanderTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "GOPATH=${X:-/d}                 | /d",
      "X=1; GOPATH=${X:+/alt}          | /alt",
      "GOPATH=${UNSET-~/g}             | /home/u/g",
      "GOPATH=\"~/g\"                  | ~/g",
      "GOPATH=~/a:~/b                  | /home/u/a:/home/u/b",
      "GOPATH=x~/a                     | x~/a",
      "P=/usr/lib/go-1.19/bin/go; GOPATH=${P%/bin/go}  | /usr/lib/go-1.19",
      "P=a/b/c; GOPATH=${P##*/}        | c",
      "P=a/b/c; GOPATH=${P#*/}         | b/c",
      "P=a/b/c; GOPATH=${P%%/*}        | a",
      "P=a:b:a; GOPATH=${P//a/z}       | z:b:z",
      "GOPATH=$'/a\\tb'                | /a\tb",
      "GOPATH=\"$(dirname /opt/go/bin)\" | /opt/go",
      "GOPATH=`basename /x/y.sh .sh`   | y",
      "GOPATH=\"${#HOME}\"             | 7",
      "GOPATH='$HOME'                  | $HOME",
      "GOPATH=\"\\$HOME\"              | $HOME",
      "GOPATH=$(cat /etc/goversion)    | go1.22.1",
      "GOPATH=~root/go                 | /root/go",
  })
  void expansions(String line, String expected) {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/etc/goversion", "go1.22.1\n\n")
        .write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nu:x:1000:1000::/home/u:/bin/bash\n")
        .write("/home/u/.profile", line + "\nexport GOPATH\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals(expected, r.variable("GOPATH").orElseThrow().value(), line);
  }

  @Test
  void globsInForLoopsExpandUnderTheRoot() {
    StartupScenario s = StartupScenario.empty(tmp)
        .write("/etc/profile.d/10-a.sh", "PATH=$PATH:/a\n")
        .write("/etc/profile.d/20-b.sh", "PATH=$PATH:/b\n")
        .write("/etc/profile.d/skip.txt", "PATH=/wrong\n")
        .write("/etc/profile", "for i in /etc/profile.d/*.sh; do\n  if [ -r $i ]; then\n    . $i\n  fi\ndone\n"
            + "unset i\nexport PATH\n");
    StaticShellResult r = s.run(ShellKind.BASH, ShellMode.LOGIN);
    assertEquals("/usr/bin:/bin:/a:/b", r.pathValue());
    assertEquals("/etc/profile.d/20-b.sh:1", r.pathEntry("/b").orElseThrow().provenance().display());
    assertTrue(r.pathEntry("/usr/bin").orElseThrow().provenance() == null);
  }
}
