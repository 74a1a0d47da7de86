package dev.goenvdoctor.lsp;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.List;
import java.util.Map;

/**
 * One analysis: the snapshot as the editor sees it (disk plus open settings buffers), its findings, the rules
 * that failed, and the version of each open document it read (by machine path).
 */
record Checked(Snapshot view, List<Finding> findings, List<String> failures, Map<String, Integer> versions) {
  Checked {
    findings = List.copyOf(findings);
    failures = List.copyOf(failures);
    versions = Map.copyOf(versions);
  }
}
