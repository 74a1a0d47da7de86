package dev.goenvdoctor.probe.exec;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Says, before spawning, why a request cannot start: a missing working directory, or a program that
 * execvp would not find or may not execute. Behind {@code setsid} the exec failure would otherwise
 * surface only as setsid's (possibly translated) complaint on stderr and exit status 127.
 *
 * <p>A bare program name is looked up the way execvp does it for the child: in the request's own
 * PATH (not ours), an empty entry meaning the working directory, glibc's default when PATH is unset.
 */
final class LaunchCheck {
  private static final String EXECVP_DEFAULT_PATH = "/bin:/usr/bin";
  static final String NO_SUCH_FILE = "No such file or directory";
  static final String PERMISSION_DENIED = "Permission denied";

  private LaunchCheck() {}

  /** The reason the request cannot start, in the OS's words where there is one; empty when it can. */
  static Optional<String> problem(String program, Map<String, String> environment, String workingDirectory) {
    Path directory;
    try {
      directory = Path.of(workingDirectory);
    } catch (InvalidPathException e) {
      return Optional.of("invalid working directory " + workingDirectory);
    }
    if (!directory.isAbsolute() || !Files.isDirectory(directory)) {
      return Optional.of("working directory " + workingDirectory + ": " + NO_SUCH_FILE);
    }
    if (program.isEmpty()) {
      return Optional.of("empty program name: " + NO_SUCH_FILE);
    }
    if (program.indexOf('\0') >= 0) {
      return Optional.of("program name contains a NUL byte");
    }
    if (program.contains("/")) {
      return problemWith(directory.resolve(program)).map(reason -> program + ": " + reason);
    }
    String path = environment.getOrDefault("PATH", EXECVP_DEFAULT_PATH);
    boolean denied = false;
    for (String entry : path.split(":", -1)) {
      Path candidate;
      try {
        candidate = (entry.isEmpty() ? directory : directory.resolve(entry)).resolve(program);
      } catch (InvalidPathException e) {
        continue;
      }
      Optional<String> problem = problemWith(candidate);
      if (problem.isEmpty()) {
        return Optional.empty();
      }
      denied |= problem.get().equals(PERMISSION_DENIED);
    }
    // execvp reports EACCES when some candidate existed but was not executable, else ENOENT.
    return Optional.of(program + ": " + (denied ? PERMISSION_DENIED : NO_SUCH_FILE) + " (searched PATH=" + path + ")");
  }

  private static Optional<String> problemWith(Path file) {
    if (!Files.exists(file)) {
      return Optional.of(NO_SUCH_FILE);
    }
    if (Files.isDirectory(file) || !Files.isExecutable(file)) {
      return Optional.of(PERMISSION_DENIED);
    }
    return Optional.empty();
  }
}
