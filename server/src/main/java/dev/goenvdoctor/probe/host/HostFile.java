package dev.goenvdoctor.probe.host;

import dev.goenvdoctor.probe.Root;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * One small file read through the {@link Root}, with the reason when it could not be read. Reads are
 * capped: a longer file keeps its first {@code maxBytes} and says it was cut.
 */
record HostFile(String path, Optional<byte[]> bytes, boolean missing, boolean truncated) {
  static final int SMALL = 64 * 1024;

  static HostFile read(Root root, String path, int maxBytes) {
    if (!root.exists(path)) {
      return new HostFile(path, Optional.empty(), true, false);
    }
    Optional<byte[]> raw = root.readBytes(path, maxBytes + 1);
    if (raw.isEmpty()) {
      return new HostFile(path, Optional.empty(), false, false);
    }
    byte[] b = raw.get();
    if (b.length > maxBytes) {
      return new HostFile(path, Optional.of(Arrays.copyOf(b, maxBytes)), false, true);
    }
    return new HostFile(path, Optional.of(b), false, false);
  }

  static HostFile small(Root root, String path) {
    return read(root, path, SMALL);
  }

  boolean readable() {
    return bytes.isPresent();
  }

  Optional<String> text() {
    return bytes.map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** Why there is no content, or a note that it was cut; empty when read whole. */
  String problem() {
    if (missing) {
      return path + " does not exist";
    }
    if (bytes.isEmpty()) {
      return path + " exists but cannot be read (not a regular file, or permission denied)";
    }
    return truncated ? path + " is larger than " + bytes.get().length + " bytes; only the start was read" : "";
  }
}
