package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.text.LineIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Go line of {@code .tool-versions}: {@code golang 1.22.5} (asdf-golang's plugin name) or
 * {@code go 1.22.5} (mise's name), {@code #} starting a comment, several versions on a line being
 * fallbacks tried in order. The first line for a tool wins (asdf's toolversions package returns the first
 * match), so a repeated line for the same tool is reported; the versions come from the first Go line.
 */
final class ToolVersionsParser {
  private static final int MAX_VERSIONS = 64;

  private ToolVersionsParser() {}

  static PinFile parse(String path, String text) {
    LineIndex lines = LineIndex.of(text);
    List<PinnedVersion> versions = new ArrayList<>();
    List<WorkspaceProblem> problems = new ArrayList<>();
    int goLine = -1;
    String goTool = "";
    for (int line = 0; line < lines.lineCount(); line++) {
      String content = lines.lineText(line);
      int hash = content.indexOf('#');
      if (hash >= 0) {
        content = content.substring(0, hash);
      }
      List<int[]> words = words(content);
      if (words.isEmpty()) {
        continue;
      }
      String tool = content.substring(words.get(0)[0], words.get(0)[1]);
      if (!tool.equals("golang") && !tool.equals("go")) {
        continue;
      }
      Location toolAt = new Location(path, TextRange.line(line, words.get(0)[0], words.get(0)[1]));
      if (goLine >= 0) {
        if (tool.equals(goTool)) {
          problems.add(new WorkspaceProblem(toolAt,
              "'" + tool + "' is listed again (first on line " + (goLine + 1) + "); asdf uses the first line"));
        }
        continue;
      }
      goLine = line;
      goTool = tool;
      if (words.size() == 1) {
        problems.add(new WorkspaceProblem(toolAt, "'" + tool + "' is listed without a version"));
      }
      for (int i = 1; i < words.size() && versions.size() < MAX_VERSIONS; i++) {
        int[] w = words.get(i);
        versions.add(PinnedVersion.of(tool, content.substring(w[0], w[1]),
            new Location(path, TextRange.line(line, w[0], w[1]))));
      }
    }
    return new PinFile(path, PinFile.Kind.TOOL_VERSIONS, versions, problems);
  }

  private static List<int[]> words(String content) {
    List<int[]> words = new ArrayList<>();
    int i = 0;
    while (i < content.length()) {
      while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < content.length() && !Character.isWhitespace(content.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(new int[] {start, i});
      }
    }
    return words;
  }
}
