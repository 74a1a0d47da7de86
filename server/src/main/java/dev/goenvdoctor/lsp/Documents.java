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
  /** One open document. */
  record Open(String uri, String path, int version, String text) {}

  /** Larger buffers are not analysed: a settings.json is kilobytes, and an editor may open anything. */
  static final int MAX_TEXT = 16 * 1024 * 1024;

  private final Map<String, Open> open = new ConcurrentHashMap<>();

  void open(String uri, String path, int version, String text) {
    open.put(path, new Open(uri, path, version, text.length() > MAX_TEXT ? "" : text));
  }

  /** Applies the changes of one {@code didChange} (whole texts, or ranges as incremental clients send). */
  Optional<Open> change(String path, int version, List<TextDocumentContentChangeEvent> changes) {
    return Optional.ofNullable(open.computeIfPresent(path, (p, doc) -> {
      String text = doc.text();
      for (TextDocumentContentChangeEvent c : changes) {
        text = c.getRange() == null ? c.getText() : replace(text, c.getRange(), c.getText());
      }
      return new Open(doc.uri(), path, version, text.length() > MAX_TEXT ? "" : text);
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
