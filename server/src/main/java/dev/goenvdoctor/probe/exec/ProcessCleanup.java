package dev.goenvdoctor.probe.exec;

import dev.goenvdoctor.probe.host.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kills what a child left behind, with SIGKILL (an interactive bash ignores SIGTERM).
 *
 * <p>With setsid the child leads its own session and process group, so one {@code kill(-pgid)} reaches
 * every background job it started, even after the leader exited (the kernel keeps the group id
 * reserved while any member lives). A sweep of /proc then also kills members of the session that moved
 * to another group (a shell with job control). Only a process that left the session itself (ran
 * setsid, or a double-forking daemon) escapes; nothing short of cgroups could follow it.
 *
 * <p>Without setsid the child shares our process group, which we must not signal: then only the live
 * descendants of the child can be found, and orphans of an exited child are out of reach.
 */
final class ProcessCleanup {
  private static final Path PROC = Path.of("/proc");

  private ProcessCleanup() {}

  /** Kills the group and session led by {@code process} (setsid mode), and its visible descendants. */
  static void killSession(Process process) {
    long leader = process.pid();
    Native.killProcessGroup(leader, Native.SIGKILL);
    killDescendants(process);
    sweepSession(leader);
  }

  /** Kills the child's descendants that are still attached to it, then the child (no-setsid mode). */
  static void killTree(Process process) {
    killDescendants(process);
  }

  private static void killDescendants(Process process) {
    // Through the handle, not Process.destroyForcibly(): that one also closes our ends of the pipes,
    // and the output printed so far is still to be read.
    ProcessHandle handle = process.toHandle();
    try {
      handle.descendants().forEach(ProcessHandle::destroyForcibly);
    } catch (RuntimeException e) { // /proc unreadable or a race with exiting processes: best effort
    }
    handle.destroyForcibly();
  }

  /** SIGKILLs every process whose session id is {@code sessionId}, and its group. */
  static void sweepSession(long sessionId) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, ProcessCleanup::isPidDirectory)) {
      for (Path entry : entries) {
        ProcStat stat = ProcStat.read(entry.resolve("stat"));
        if (stat != null && stat.session() == sessionId) {
          if (stat.processGroup() != sessionId) {
            Native.killProcessGroup(stat.processGroup(), Native.SIGKILL);
          }
          ProcessHandle.of(stat.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    } catch (IOException | RuntimeException e) { // no /proc (unusual container): the group kill stands alone
    }
  }

  private static boolean isPidDirectory(Path path) {
    String name = path.getFileName().toString();
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }

  /** The fields of /proc/PID/stat we need: pid, process group, session. */
  record ProcStat(long pid, long processGroup, long session) {
    /** Parses the file, or returns null when the process is gone or the line is malformed. */
    static ProcStat read(Path statFile) {
      String line;
      try {
        line = new String(Files.readAllBytes(statFile), StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        return null;
      }
      return parse(line);
    }

    static ProcStat parse(String line) {
      // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses, so split after the last ')'.
      int open = line.indexOf(' ');
      int close = line.lastIndexOf(')');
      if (open <= 0 || close < open) {
        return null;
      }
      String[] fields = line.substring(close + 1).trim().split(" ");
      if (fields.length < 4) {
        return null;
      }
      try {
        return new ProcStat(Long.parseLong(line.substring(0, open)), Long.parseLong(fields[2]), Long.parseLong(fields[3]));
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
