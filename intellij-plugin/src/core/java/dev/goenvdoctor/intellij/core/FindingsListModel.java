package dev.goenvdoctor.intellij.core;

import java.util.Comparator;
import java.util.List;
import javax.swing.AbstractListModel;

/** The findings of a report for a Swing list: errors first, then warnings, then the rest; in the server's order within. */
public final class FindingsListModel extends AbstractListModel<Finding> {
  private static final long serialVersionUID = 1L;
  private List<Finding> findings = List.of();

  /** Shows {@code report}'s findings (replacing what was shown). */
  public void update(Report report) {
    int before = findings.size();
    // Stable: within a severity, the server's order (the finding that explains the others first).
    findings = report.findings().stream().sorted(Comparator.comparingInt(Finding::rank)).toList();
    if (before > 0) {
      fireIntervalRemoved(this, 0, before - 1);
    }
    if (!findings.isEmpty()) {
      fireIntervalAdded(this, 0, findings.size() - 1);
    }
  }

  /** Returns the findings in display order. */
  public List<Finding> findings() {
    return findings;
  }

  @Override
  public int getSize() {
    return findings.size();
  }

  @Override
  public Finding getElementAt(int index) {
    return findings.get(index);
  }
}
