package dev.goenvdoctor.probe.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessCleanupTest {
  @Test
  void statLineWithSpacesAndParenthesesInTheCommandName() {
    ProcessCleanup.ProcStat stat = ProcessCleanup.ProcStat.parse("4242 (a) b (c) S 1 4240 4239 0 -1 4194560 ...");

    assertEquals(new ProcessCleanup.ProcStat(4242, 4240, 4239), stat);
  }

  @Test
  void malformedOrVanishedStatIsIgnored() {
    assertNull(ProcessCleanup.ProcStat.parse("garbage"));
    assertNull(ProcessCleanup.ProcStat.parse("12 (x) S 1"));
    assertNull(ProcessCleanup.ProcStat.read(Path.of("/proc/0/stat")));
  }

  @Test
  void readsOurOwnStat() {
    long self = ProcessHandle.current().pid();
    ProcessCleanup.ProcStat stat = ProcessCleanup.ProcStat.read(Path.of("/proc/self/stat"));

    assertEquals(self, stat.pid());
  }
}
