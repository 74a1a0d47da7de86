package dev.goenvdoctor.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real programs tests run against: apt packages (go, gopls, shells) and the npm packages
 * that {@code .ci/install-test-deps} puts in {@code <repo>/.tools}. A missing one skips the test with a
 * loud line on stderr, naming the install step, so a skip can never pass silently.
 */
public final class TestTools {
  private TestTools() {}

  /** {@code <repo>/.tools}: surefire runs with the module directory as working directory. */
  public static Path toolsDir() {
    Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    Path repo = Files.isDirectory(cwd.resolve("server")) ? cwd : cwd.getParent();
    return repo.resolve(".tools");
  }

  /** A file inside an npm package installed under .tools, e.g. ("lefthook-linux-x64", "bin/lefthook"). */
  public static Path npmFile(String npmPackage, String relativePath) {
    Path file = toolsDir().resolve("node_modules").resolve(npmPackage).resolve(relativePath);
    require(Files.isRegularFile(file), file + " (npm package " + npmPackage + ")");
    return file;
  }

  /** A program installed from apt, e.g. "/usr/bin/zsh". */
  public static Path systemFile(String absolutePath) {
    Path file = Path.of(absolutePath);
    require(Files.exists(file), absolutePath);
    return file;
  }

  private static void require(boolean present, String what) {
    if (!present) {
      System.err.println("\n*** SKIPPED: " + what + " is not installed. Run .ci/install-test-deps first. ***\n");
    }
    assumeTrue(present, what + " is not installed; run .ci/install-test-deps");
  }
}
