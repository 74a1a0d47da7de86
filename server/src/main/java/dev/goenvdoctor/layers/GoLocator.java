package dev.goenvdoctor.layers;

import dev.goenvdoctor.model.ResolvedGo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Describes a go found by a lookup: what it really runs, its version and its GOROOT. */
public interface GoLocator {
  /**
   * Describes the go at {@code command}, which a lookup reached for the reason {@code why}, as it
   * would run with {@code environment} from {@code workingDirectory}.
   */
  ResolvedGo describe(String command, String why, Map<String, String> environment, String workingDirectory);

  /** The first go that execvp would run for this PATH (empty entries and literal '~' are not special-cased away). */
  Optional<ResolvedGo> lookUp(List<String> pathEntries, Map<String, String> environment, String workingDirectory);
}
