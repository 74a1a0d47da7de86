package dev.goenvdoctor.probe.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The command line of one probe: {@code <shell> -l -c <script>} or {@code <shell> -i -l -c <script>},
 * where the script prints {@code env -0} between two fresh random markers. The script is the same for
 * bash, zsh, dash and fish: {@code ;}, single quotes and {@code command} mean the same in all four.
 *
 * <p>Each marker is printed as two halves, so the literal marker never appears in the command line:
 * a startup file that echoes its arguments ({@code $BASH_EXECUTION_STRING}, {@code ps}) cannot forge it.
 * {@code command printf} skips a user's function or alias named printf; env is called by path for the
 * same reason. The markers come from a CSPRNG, never from data on the machine.
 */
final class ShellEnvScript {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MARKER_BYTES = 16;

  private final String startMarker;
  private final String endMarker;
  private final String script;

  private ShellEnvScript(String startMarker, String endMarker, String envProgram) {
    this.startMarker = startMarker;
    this.endMarker = endMarker;
    this.script = printHalves(startMarker) + "; " + envProgram + " -0; " + printHalves(endMarker);
  }

  /** A script with fresh markers that runs {@code envProgram -0}. */
  static ShellEnvScript fresh(String envProgram) {
    return new ShellEnvScript(randomHex(), randomHex(), envProgram);
  }

  /** {@code /usr/bin/env} (merged /usr), else {@code /bin/env}. */
  static String envProgram() {
    return Files.isExecutable(Path.of("/usr/bin/env")) ? "/usr/bin/env" : "/bin/env";
  }

  List<String> command(String shellPath, ShellMode mode) {
    List<String> command = new ArrayList<>();
    command.add(shellPath);
    if (mode.interactive()) {
      command.add("-i");
    }
    command.add("-l");
    command.add("-c");
    command.add(script);
    return command;
  }

  byte[] startMarker() {
    return startMarker.getBytes(StandardCharsets.US_ASCII);
  }

  byte[] endMarker() {
    return endMarker.getBytes(StandardCharsets.US_ASCII);
  }

  String script() {
    return script;
  }

  private static String printHalves(String marker) {
    int half = marker.length() / 2;
    return "command printf '%s%s' " + marker.substring(0, half) + " " + marker.substring(half);
  }

  private static String randomHex() {
    byte[] bytes = new byte[MARKER_BYTES];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
