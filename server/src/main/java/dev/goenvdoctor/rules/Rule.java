package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.List;

/** One known way a Go setup goes wrong. Pure: reads the snapshot, returns findings, touches nothing. */
public interface Rule {
  RuleInfo info();

  List<Finding> check(Snapshot snapshot);
}
