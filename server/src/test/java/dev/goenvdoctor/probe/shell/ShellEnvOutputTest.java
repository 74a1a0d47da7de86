package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellEnvOutputTest {
  private static final byte[] START = "aaaa1111".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "bbbb2222".getBytes(StandardCharsets.US_ASCII);

  private static byte[] concat(String... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String part : parts) {
      out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void readsBetweenTheFirstStartAndTheNextEnd() {
    byte[] stdout = concat("noise bbbb2222 more noise", "aaaa1111", "A=1\0MULTI=x\ny\0EQ=a=b\0", "bbbb2222",
        "trailing aaaa1111FAKE=1\0bbbb2222");

    Map<String, String> env = ShellEnvOutput.environment(stdout, START, END).orElseThrow();

    assertEquals(Map.of("A", "1", "MULTI", "x\ny", "EQ", "a=b"), env);
    assertEquals(ShellEnvOutput.Markers.BOTH, ShellEnvOutput.markers(stdout, START, END));
  }

  @Test
  void dropsWhatTheShellInventsAndKeepsTheFirstOfDuplicates() {
    byte[] stdout = concat("aaaa1111", "SHLVL=1\0_=/usr/bin/env\0PWD=/h\0OLDPWD=/h\0GO_ENV_DOCTOR_PROBE=1\0",
        "X=first\0X=second\0=nameless\0junk-without-equals\0", "bbbb2222");

    assertEquals(Optional.of(Map.of("X", "first")), ShellEnvOutput.environment(stdout, START, END));
  }

  @Test
  void missingMarkersGiveNothing() {
    assertEquals(Optional.empty(), ShellEnvOutput.environment(concat("A=1\0"), START, END));
    assertEquals(Optional.empty(), ShellEnvOutput.environment(concat("aaaa1111A=1\0"), START, END));
    assertEquals(ShellEnvOutput.Markers.START_ONLY, ShellEnvOutput.markers(concat("aaaa1111A=1\0"), START, END));
    assertEquals(ShellEnvOutput.Markers.NONE, ShellEnvOutput.markers(concat("bbbb2222"), START, END));
  }

  @Test
  void scriptPrintsMarkersInHalvesSoTheCommandLineNeverHoldsThem() {
    ShellEnvScript script = ShellEnvScript.fresh("/usr/bin/env");
    String start = new String(script.startMarker(), StandardCharsets.US_ASCII);
    String end = new String(script.endMarker(), StandardCharsets.US_ASCII);
    List<String> command = script.command("/usr/bin/zsh", ShellMode.TERMINAL);

    assertEquals(List.of("/usr/bin/zsh", "-i", "-l", "-c"), command.subList(0, 4));
    assertTrue(start.matches("[0-9a-f]{32}") && end.matches("[0-9a-f]{32}"), start + " " + end);
    assertTrue(!command.get(4).contains(start) && !command.get(4).contains(end), command.get(4));
    assertTrue(command.get(4).contains("/usr/bin/env -0"), command.get(4));
    assertTrue(!start.equals(new String(ShellEnvScript.fresh("/usr/bin/env").startMarker(), StandardCharsets.US_ASCII)));
  }
}
