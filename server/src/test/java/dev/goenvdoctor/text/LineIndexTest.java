package dev.goenvdoctor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goenvdoctor.model.TextRange;
import org.junit.jupiter.api.Test;

class LineIndexTest {
  @Test
  void everyKindOfLineEndingStartsANewLine() {
    LineIndex index = LineIndex.of("a\nbb\r\nccc\rd");
    assertEquals(4, index.lineCount());
    assertEquals("a", index.lineText(0));
    assertEquals("bb", index.lineText(1));
    assertEquals("ccc", index.lineText(2));
    assertEquals("d", index.lineText(3));
    // the \n of \r\n belongs to line 1, it does not open an empty line
    assertEquals(1, index.lineOf(4));
    assertEquals(1, index.lineOf(5));
    assertEquals(2, index.lineOf(6));
    assertEquals(3, index.lineOf(10));
    assertEquals(0, index.columnOf(10));
  }

  @Test
  void aTrailingNewlineAndAnEmptyTextHaveAnEmptyLastLine() {
    assertEquals(2, LineIndex.of("x\n").lineCount());
    assertEquals("", LineIndex.of("x\n").lineText(1));
    assertEquals(1, LineIndex.of("").lineCount());
    assertEquals(new TextRange(0, 0, 0, 0), LineIndex.of("").range(0, 0));
  }

  @Test
  void columnsCountUtf16CodeUnitsAsLspDoes() {
    // U+1F600 is two UTF-16 units; "é" one
    String text = "é\uD83D\uDE00x\n\uD83D\uDE00y";
    LineIndex index = LineIndex.of(text);
    int x = text.indexOf('x');
    assertEquals(3, index.columnOf(x));
    int y = text.indexOf('y');
    assertEquals(1, index.lineOf(y));
    assertEquals(2, index.columnOf(y));
    assertEquals(new TextRange(0, 3, 1, 2), index.range(x, y));
  }

  @Test
  void offsetsAndPositionsRoundTripAndClamp() {
    String text = "ab\r\ncd\ref";
    LineIndex index = LineIndex.of(text);
    for (int offset = 0; offset <= text.length(); offset++) {
      int line = index.lineOf(offset);
      int column = index.columnOf(offset);
      if (offset <= index.lineEnd(line)) {
        assertEquals(offset, index.offsetOf(line, column), "offset " + offset);
      }
    }
    assertEquals(2, index.offsetOf(0, 99)); // clamped to the end of line 0, before \r\n
    assertEquals(text.length(), index.offsetOf(99, 99));
    assertEquals(0, index.offsetOf(-1, -5));
    assertEquals(0, index.lineOf(-3));
    assertEquals(2, index.lineOf(1000));
  }

  @Test
  void describeIsOneBasedForPeople() {
    LineIndex index = LineIndex.of("{\n  \"a\" 1\n}");
    assertEquals("line 2, column 7", index.describe(8));
  }
}
