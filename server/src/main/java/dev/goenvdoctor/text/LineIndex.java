package dev.goenvdoctor.text;

import dev.goenvdoctor.model.TextRange;
import java.util.Arrays;

/**
 * Converts between offsets in a string and (0-based line, UTF-16 column) positions, the way LSP counts
 * them. A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}; the terminator belongs to the line it
 * ends. Java strings are UTF-16 already, so a column is simply the distance from the line start.
 */
public final class LineIndex {
  private final String text;
  private final int[] lineStarts;

  private LineIndex(String text, int[] lineStarts) {
    this.text = text;
    this.lineStarts = lineStarts;
  }

  /** Returns the index of {@code text}; building it is one linear pass. */
  public static LineIndex of(String text) {
    int[] starts = new int[16];
    int count = 1;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return new LineIndex(text, Arrays.copyOf(starts, count));
  }

  /** Returns the indexed text. */
  public String text() {
    return text;
  }

  /** Returns the number of lines; an empty text and a text ending in a newline count the empty last line. */
  public int lineCount() {
    return lineStarts.length;
  }

  /** Returns the 0-based line holding {@code offset} (clamped to the text). */
  public int lineOf(int offset) {
    int clamped = clampOffset(offset);
    int found = Arrays.binarySearch(lineStarts, clamped);
    return found >= 0 ? found : -found - 2;
  }

  /** Returns the 0-based UTF-16 column of {@code offset} (clamped to the text). */
  public int columnOf(int offset) {
    int clamped = clampOffset(offset);
    return clamped - lineStarts[lineOf(clamped)];
  }

  /** Returns the offset where {@code line} starts (clamped to the existing lines). */
  public int lineStart(int line) {
    return lineStarts[clampLine(line)];
  }

  /** Returns the offset just past the last character of {@code line}, before its terminator. */
  public int lineEnd(int line) {
    int l = clampLine(line);
    int end = l + 1 < lineStarts.length ? lineStarts[l + 1] : text.length();
    if (end > lineStarts[l] && text.charAt(end - 1) == '\n') {
      end--;
    }
    if (end > lineStarts[l] && text.charAt(end - 1) == '\r') {
      end--;
    }
    return end;
  }

  /** Returns the text of {@code line} without its terminator. */
  public String lineText(int line) {
    return text.substring(lineStart(line), lineEnd(line));
  }

  /** Returns the offset of a (line, column) position; both are clamped so the result lies in the text. */
  public int offsetOf(int line, int column) {
    int l = clampLine(line);
    int start = lineStarts[l];
    return Math.min(start + Math.max(0, column), lineEnd(l));
  }

  /** Returns the range covering offsets {@code [start, end)}. */
  public TextRange range(int start, int end) {
    int s = clampOffset(start);
    int e = Math.max(s, clampOffset(end));
    return new TextRange(lineOf(s), columnOf(s), lineOf(e), columnOf(e));
  }

  /** Returns "line L, column C" with 1-based numbers, as people read positions in messages. */
  public String describe(int offset) {
    return "line " + (lineOf(offset) + 1) + ", column " + (columnOf(offset) + 1);
  }

  private int clampOffset(int offset) {
    return Math.max(0, Math.min(offset, text.length()));
  }

  private int clampLine(int line) {
    return Math.max(0, Math.min(line, lineStarts.length - 1));
  }
}
