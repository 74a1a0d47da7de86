package dev.goenvdoctor.jsonc;

import java.util.Objects;

/**
 * One text change: replace the {@code length} characters at {@code offset} (UTF-16 offsets into the text
 * the edit was computed for) with {@code content}. An insertion has length 0, a deletion empty content.
 */
public record JsoncEdit(int offset, int length, String content) {
  public JsoncEdit {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
    }
    Objects.requireNonNull(content, "content");
  }

  /** Returns the offset just past the replaced characters. */
  public int end() {
    return offset + length;
  }
}
