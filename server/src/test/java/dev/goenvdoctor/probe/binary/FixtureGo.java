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

  /** The bytes of a cmd/go binary built with {@code version} (e.g. "go1.22.5") for linux/amd64. */
  public static byte[] image(String version) {
    return image(version, "cmd/go");
  }

  /** The bytes of a binary whose main package is {@code mainPath} (e.g. "golang.org/x/tools/gopls"), built with {@code version}. */
  public static byte[] image(String version, String mainPath) {
    byte[] modinfo = BuildInfoBlob.framed("path\t" + mainPath + "\nbuild\t-compiler=gc\nbuild\tCGO_ENABLED=0\nbuild\tGOARCH=amd64\nbuild\tGOOS=linux\n");
    return Fixtures.modernAmd64(version, modinfo);
  }

  public static void main(String[] args) throws Exception {
    byte[] image = image(args[0]);
    for (int i = 1; i < args.length; i++) {
      Path out = Path.of(args[i]);
      Files.write(out, image);
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
