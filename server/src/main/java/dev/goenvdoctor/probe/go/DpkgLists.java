package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The file lists dpkg keeps for installed Go packages ({@code /var/lib/dpkg/info/golang-1.19-go.list},
 * {@code golang-go:amd64.list}): the proof that a path belongs to an apt package. Read lazily, and kept for the
 * next reader while the info directory is unchanged: it holds thousands of entries, and a language server
 * resolves a go on every keystroke in settings.json. dpkg writes a list as a new file renamed into place, which
 * changes the directory's modification time, so that time tells when to read again.
 */
final class DpkgLists {
  static final String INFO_DIR = "/var/lib/dpkg/info";
  private static final int MAX_LISTS = 64;
  private static final int MAX_LIST_BYTES = 4 * 1024 * 1024;

  private final Root root;
  private List<ListFile> lists;

  private record ListFile(String path, String packageName, List<String> lines) {}

  /** The lists last read, and for which root and directory time: one entry, so memory stays bounded. */
  private record Cached(java.nio.file.Path prefix, java.nio.file.attribute.FileTime modified, List<ListFile> lists) {}

  private static volatile Cached lastRead;

  DpkgLists(Root root) {
    this.root = root;
  }

  /**
   * One line of evidence per list line naming {@code <p>/bin/go} for a path in {@code paths}, or
   * {@code <p>} itself when {@code <p>} is a symlink the package ships ({@code /usr/lib/go}), e.g. {@code /var/lib/dpkg/info/golang-1.19-go.list:7 lists /usr/lib/go-1.19/bin/go
   * (package golang-1.19-go)}.
   */
  List<String> evidenceFor(Collection<String> paths) {
    List<String> evidence = new ArrayList<>();
    for (ListFile list : lists()) {
      for (int i = 0; i < list.lines().size(); i++) {
        String line = list.lines().get(i);
        for (String p : paths) {
          if (line.equals(Root.join(p, "bin/go")) || (line.equals(p) && root.isSymlink(p))) {
            evidence.add(list.path() + ":" + (i + 1) + " lists " + line + " (package " + list.packageName() + ")");
          }
        }
      }
    }
    return List.copyOf(evidence);
  }

  private List<ListFile> lists() {
    if (lists == null) {
      Optional<java.nio.file.attribute.FileTime> modified = root.lastModified(INFO_DIR);
      Cached cached = lastRead;
      if (modified.isPresent() && cached != null && cached.prefix().equals(root.prefix())
          && cached.modified().equals(modified.get())) {
        lists = cached.lists();
        return lists;
      }
      lists = read();
      modified.ifPresent(m -> lastRead = new Cached(root.prefix(), m, lists));
    }
    return lists;
  }

  private List<ListFile> read() {
    List<ListFile> found = new ArrayList<>();
    for (String name : root.list(INFO_DIR)) {
      // Only binary packages: golang-*-src lists are large and own no bin/go.
      if (!name.startsWith("golang") || !name.endsWith(".list") || name.contains("-src") || name.contains("-doc")) {
        continue;
      }
      if (found.size() >= MAX_LISTS) {
        break;
      }
      String path = Root.join(INFO_DIR, name);
      Optional<String> text = root.readText(path, MAX_LIST_BYTES);
      String pkg = name.substring(0, name.length() - ".list".length());
      int colon = pkg.indexOf(':');
      text.ifPresent(t -> found.add(new ListFile(path, colon < 0 ? pkg : pkg.substring(0, colon), TextFiles.splitLines(t))));
    }
    return List.copyOf(found);
  }
}
