package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import java.util.List;
import java.util.Optional;

/**
 * {@link Root} for paths built from untrusted text (pin files, shims, env values): a path no file
 * system can hold (a NUL byte, which {@code Path} rejects with an exception) simply does not exist.
 */
final class GuardedRoot {
  private final Root root;

  GuardedRoot(Root root) {
    this.root = root;
  }

  private static boolean impossible(String machinePath) {
    return machinePath.indexOf('\0') >= 0;
  }

  SymlinkChain resolve(String machinePath) {
    if (impossible(machinePath)) {
      return new SymlinkChain(List.of(machinePath), machinePath, SymlinkChain.Status.MISSING);
    }
    return root.resolve(machinePath);
  }

  boolean exists(String machinePath) {
    return !impossible(machinePath) && root.exists(machinePath);
  }

  boolean isDirectory(String machinePath) {
    return !impossible(machinePath) && root.isDirectory(machinePath);
  }

  boolean isRegularFile(String machinePath) {
    return !impossible(machinePath) && root.isRegularFile(machinePath);
  }

  boolean isExecutableFile(String machinePath) {
    return !impossible(machinePath) && root.isExecutableFile(machinePath);
  }

  boolean isSymlink(String machinePath) {
    return !impossible(machinePath) && root.isSymlink(machinePath);
  }

  List<String> list(String machinePath) {
    return impossible(machinePath) ? List.of() : root.list(machinePath);
  }

  Optional<byte[]> readBytes(String machinePath, int maxBytes) {
    return impossible(machinePath) ? Optional.empty() : root.readBytes(machinePath, maxBytes);
  }

  Optional<String> readText(String machinePath, int maxBytes) {
    return impossible(machinePath) ? Optional.empty() : root.readText(machinePath, maxBytes);
  }
}
