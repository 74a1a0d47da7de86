package dev.goenvdoctor.probe.binary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the {@code bin/go} of a scenario GOROOT: a small amd64 ELF file carrying the Go build info of
 * cmd/go at a given version, so scenarios can be read exactly as real installs are (build info first,
 * VERSION file second) without shipping real 15 MB binaries. Usage: {@code FixtureGo go1.22.5 FILE...}.
 */
public final class FixtureGo {
  private FixtureGo() {}

  public static void main(String[] args) throws Exception {
    byte[] modinfo = BuildInfoBlob.framed("path\tcmd/go\nbuild\t-compiler=gc\nbuild\tCGO_ENABLED=0\nbuild\tGOARCH=amd64\nbuild\tGOOS=linux\n");
    byte[] image = Fixtures.modernAmd64(args[0], modinfo);
    for (int i = 1; i < args.length; i++) {
      Path out = Path.of(args[i]);
      Files.write(out, image);
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
