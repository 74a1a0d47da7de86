package dev.goenvdoctor.probe.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JNA stays out of a zero-exec run: loading it unpacks its native stub into a temp directory on every start,
 * which a language server's first diagnostics would wait for. The answers it gave there come from the JDK.
 */
class NativeLoadingTest {
  @TempDir Path tmp;

  @Test
  void aZeroExecReportOfThisMachineNeverLoadsJna() throws Exception {
    Path out = tmp.resolve("classes.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(List.of(java, "-Xshare:auto", "-Xlog:class+load=info:file=" + out, "-cp", classpath,
        "dev.goenvdoctor.cli.Main", "report", "--no-exec", "--workspace", tmp.toString()))
        .redirectOutput(tmp.resolve("report.txt").toFile()).redirectError(tmp.resolve("stderr.txt").toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the report finished");
    assertTrue(p.exitValue() <= 1, "the report ran: " + Files.readString(tmp.resolve("stderr.txt")));
    assertTrue(Files.readString(tmp.resolve("report.txt")).contains("Which go runs where"), "it printed the report");
    String loaded = Files.readString(out);
    assertTrue(loaded.contains("dev.goenvdoctor.probe.host.DirProbe "), "the host probe ran on the real root");
    assertFalse(loaded.contains("com.sun.jna."), "JNA was loaded");
  }

  @Test
  void theAnswersWithoutJnaAreTheKernels() throws Exception {
    assertEquals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"), Native.effectiveUid(), "the effective uid");
    assertTrue(Native.isWritable(tmp), "a temp dir of ours is writable");
    Path readOnly = Files.createDirectory(tmp.resolve("read-only"));
    readOnly.toFile().setWritable(false, false);
    // root may write anywhere; anyone else may not write into a mode 0555 directory.
    assertEquals(Native.effectiveUid() == 0, Native.isWritable(readOnly));
  }
}
