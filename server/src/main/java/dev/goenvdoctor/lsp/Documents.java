package dev.goenvdoctor.lsp;

import dev.goenvdoctor.text.LineIndex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** The documents the client has open, by machine path: the URI it used, its version and its text. */
final class Documents {
  /**
   * One open document. A buffer over {@link #MAX_TEXT} is kept as {@code tooLarge} with an empty text: it is
   * not analysed, and no edit may be planned on it (an edit planned on the empty text would land at its start).
   */
  record Open(String uri, String path, int version, String text, boolean tooLarge) {
    static Open of(String uri, String path, int version, String text) {
      return text.length() > MAX_TEXT ? new Open(uri, path, version, "", true) : new Open(uri, path, version, text, false);
    }
  }

  /** Larger buffers are not analysed: a settings.json is kilobytes, and an editor may open anything. */
  static final int MAX_TEXT = 16 * 1024 * 1024;

  private final Map<String, Open> open = new ConcurrentHashMap<>();

  void open(String uri, String path, int version, String text) {
    open.put(path, Open.of(uri, path, version, text));
  }

  /** Applies the changes of one {@code didChange} (whole texts, or ranges as incremental clients send). */
  Optional<Open> change(String path, int version, List<TextDocumentContentChangeEvent> changes) {
    return Optional.ofNullable(open.computeIfPresent(path, (p, doc) -> {
      String text = doc.text();
      boolean known = !doc.tooLarge();
      for (TextDocumentContentChangeEvent c : changes) {
        if (c.getRange() == null) {
          text = c.getText();
          known = true;
        } else if (known) {
          text = replace(text, c.getRange(), c.getText());
        }
      }
      // Ranges applied to a buffer whose text was dropped cannot rebuild it: it stays unread until a whole text comes.
      return known ? Open.of(doc.uri(), path, version, text) : new Open(doc.uri(), path, version, "", true);
    }));
  }

  void close(String path) {
    open.remove(path);
  }

  Optional<Open> get(String path) {
    return Optional.ofNullable(open.get(path));
  }

  /** A copy of the open documents at this moment. */
  Map<String, Open> all() {
    return Map.copyOf(open);
  }

  private static String replace(String text, Range range, String newText) {
    LineIndex lines = LineIndex.of(text);
    int start = lines.offsetOf(Math.max(0, range.getStart().getLine()), Math.max(0, range.getStart().getCharacter()));
    int end = lines.offsetOf(Math.max(0, range.getEnd().getLine()), Math.max(0, range.getEnd().getCharacter()));
    if (end < start) {
      return text;
    }
    return text.substring(0, start) + (newText == null ? "" : newText) + text.substring(end);
  }
}
