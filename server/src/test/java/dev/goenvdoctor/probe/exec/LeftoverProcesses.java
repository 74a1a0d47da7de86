package dev.goenvdoctor.probe.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Finds processes by a unique argument (tests start {@code sleep 6061} and look for "6061"), to prove
 * that nothing a test started survived. A SIGKILLed process may need a moment to be gone, so the check
 * polls briefly; a survivor of a 60-second sleep still fails it.
 */
public final class LeftoverProcesses {
  private LeftoverProcesses() {}

  /** Returns the pids of live processes with {@code argument} as one of their arguments. */
  public static List<Long> withArgument(String argument) {
    return withEntry("cmdline", argument);
  }

  /** Returns the pids still alive with {@code argument} after waiting up to one second for them to go. */
  public static List<Long> survivorsWithArgument(String argument) throws InterruptedException {
    return survivors(() -> withArgument(argument));
  }

  /**
   * Returns the pids of live processes whose environment holds {@code entry} (such as {@code HOME=/tmp/junit123/home}):
   * finds what a startup file started even when nothing in its arguments is unique, such as a busy loop in a shell.
   */
  public static List<Long> withEnvironmentEntry(String entry) {
    return withEntry("environ", entry);
  }

  /** Returns the pids still alive with {@code entry} in their environment after waiting up to one second for them to go. */
  public static List<Long> survivorsWithEnvironmentEntry(String entry) throws InterruptedException {
    return survivors(() -> withEnvironmentEntry(entry));
  }

  /** Live processes (not this one, not zombies) whose NUL-separated {@code /proc/<pid>/<file>} holds {@code entry}. */
  private static List<Long> withEntry(String file, String entry) {
    List<Long> pids = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path dir : (Iterable<Path>) entries::iterator) {
        String name = dir.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == self || zombie(dir)) {
          continue;
        }
        try {
          String text = new String(Files.readAllBytes(dir.resolve(file)), StandardCharsets.UTF_8);
          if (List.of(text.split("\0")).contains(entry)) {
            pids.add(Long.parseLong(name));
          }
        } catch (IOException e) { // exited while we looked, or not ours to read
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return pids;
  }

  /** A SIGKILLed process may need a moment to be gone: polls {@code find} for up to one second. */
  private static List<Long> survivors(Supplier<List<Long>> find) throws InterruptedException {
    long deadline = System.nanoTime() + 1_000_000_000L;
    List<Long> pids = find.get();
    while (!pids.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      pids = find.get();
    }
    return pids;
  }

  /** Kills, by pid, every process with {@code entry} in its environment (cleanup after a failed test). */
  public static void killAllWithEnvironmentEntry(String entry) {
    for (long pid : withEnvironmentEntry(entry)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static boolean zombie(Path procDir) {
    try {
      String stat = Files.readString(procDir.resolve("stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /** Kills, by pid, what a failed test left behind, so one failure does not leave sleeps around. */
  public static void killAllWithArgument(String argument) {
    for (long pid : withArgument(argument)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
