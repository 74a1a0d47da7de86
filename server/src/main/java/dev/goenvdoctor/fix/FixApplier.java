package dev.goenvdoctor.fix;

import dev.goenvdoctor.model.FileCreation;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.text.LineIndex;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies fixes to files, for {@code check --fix} (the language server never writes: it returns edits).
 * Each file is rewritten atomically (a temp file in the same directory, then a rename) with its
 * permissions kept; edits that overlap or do not fit the file abort the fix before anything is written.
 * A UTF-8 BOM is kept. Callers applying several fixes must not apply two to the same file in one go:
 * each fix's ranges refer to the file as it was read.
 */
public final class FixApplier {
  private FixApplier() {}

  /** The new text of every file the fix touches, computed without writing anything. */
  public static Map<String, String> preview(Root root, Fix fix) throws IOException {
    Map<String, String> result = new LinkedHashMap<>();
    Map<String, List<TextEdit>> byFile = new LinkedHashMap<>();
    fix.edits().forEach(e -> byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e));
    for (Map.Entry<String, List<TextEdit>> entry : byFile.entrySet()) {
      String original = read(root, entry.getKey());
      boolean bom = original.startsWith("\uFEFF");
      String text = bom ? original.substring(1) : original;
      LineIndex lines = LineIndex.of(text);
      List<int[]> spans = new ArrayList<>();
      for (TextEdit e : entry.getValue()) {
        int start = lines.offsetOf(e.range().startLine(), e.range().startColumn());
        int end = lines.offsetOf(e.range().endLine(), e.range().endColumn());
        if (end < start) {
          throw new IOException(entry.getKey() + ": an edit ends before it starts");
        }
        spans.add(new int[] {start, end, spans.size()});
      }
      spans.sort(Comparator.<int[]>comparingInt(s -> s[0]).reversed());
      StringBuilder out = new StringBuilder(text);
      int previousStart = Integer.MAX_VALUE;
      for (int[] s : spans) {
        if (s[1] > previousStart) {
          throw new IOException(entry.getKey() + ": two edits overlap");
        }
        out.replace(s[0], s[1], entry.getValue().get(s[2]).newText());
        previousStart = s[0];
      }
      result.put(entry.getKey(), (bom ? "\uFEFF" : "") + out);
    }
    for (FileCreation c : fix.creations()) {
      if (root.exists(c.file())) {
        throw new IOException(c.file() + " already exists; not overwriting it");
      }
      result.put(c.file(), c.text());
    }
    return result;
  }

  /** Writes the fix; returns the files written. */
  public static List<String> apply(Root root, Fix fix) throws IOException {
    Map<String, String> texts = preview(root, fix);
    for (Map.Entry<String, String> e : texts.entrySet()) {
      write(root.hostPath(root.resolve(e.getKey()).realPath()), e.getValue());
    }
    return List.copyOf(texts.keySet());
  }

  private static String read(Root root, String file) throws IOException {
    Path host = root.hostPath(root.resolve(file).realPath());
    try {
      return Files.readString(host, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      // Writing it back would turn the bytes that are not UTF-8 into U+FFFD: leave the file as it is.
      throw new IOException(file + " is not valid UTF-8 text, so it was not changed (an editor showing it would"
          + " show U+FFFD where the bad bytes are; fix it by hand)", e);
    }
  }

  private static void write(Path target, String text) throws IOException {
    Files.createDirectories(target.getParent());
    Set<PosixFilePermission> permissions = Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? Files.getPosixFilePermissions(target) : null;
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".go-env-doctor.tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      if (permissions != null) {
        Files.setPosixFilePermissions(temp, permissions);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
