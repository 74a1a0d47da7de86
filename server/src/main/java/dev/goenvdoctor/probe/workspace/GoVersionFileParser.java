package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.text.LineIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .go-version} the way goenv's {@code version-file-read} does: the first word of each line,
 * skipping blank lines and {@code #} comments, and skipping words with a slash or equal to {@code ..}
 * (goenv drops those to prevent path traversal, CVE-2022-35861). Only the first 1024 characters of a line
 * count ({@code cut -b 1-1024}).
 */
final class GoVersionFileParser {
  private static final int MAX_LINE = 1024;
  private static final int MAX_VERSIONS = 64;

  private GoVersionFileParser() {}

  static PinFile parse(String path, String text) {
    LineIndex lines = LineIndex.of(text);
    List<PinnedVersion> versions = new ArrayList<>();
    List<WorkspaceProblem> problems = new ArrayList<>();
    for (int line = 0; line < lines.lineCount() && versions.size() < MAX_VERSIONS; line++) {
      String content = lines.lineText(line);
      if (content.length() > MAX_LINE) {
        content = content.substring(0, MAX_LINE);
      }
      int start = 0;
      while (start < content.length() && Character.isWhitespace(content.charAt(start))) {
        start++;
      }
      int end = start;
      while (end < content.length() && !Character.isWhitespace(content.charAt(end))) {
        end++;
      }
      String word = content.substring(start, end);
      if (word.isEmpty() || word.startsWith("#")) {
        continue;
      }
      Location at = new Location(path, TextRange.line(line, start, end));
      if (word.equals("..") || word.contains("/")) {
        problems.add(new WorkspaceProblem(at, "'" + word + "' is not a version; goenv ignores it"));
        continue;
      }
      versions.add(PinnedVersion.of("go", word, at));
    }
    if (versions.isEmpty() && problems.isEmpty()) {
      problems.add(WorkspaceProblem.ofFile(path, "names no Go version (the file is empty or only comments)"));
    }
    return new PinFile(path, PinFile.Kind.GO_VERSION, versions, problems);
  }
}
