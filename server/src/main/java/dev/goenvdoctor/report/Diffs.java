package dev.goenvdoctor.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** Unified diffs of what a fix would change, for the text output of {@code check}. */
public final class Diffs {
  private Diffs() {}

  public static String unified(String label, String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    Patch<String> patch = DiffUtils.diff(a, b);
    List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(before.isEmpty() ? "/dev/null" : "a" + label, "b" + label, a, patch, 1);
    return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
  }
}
