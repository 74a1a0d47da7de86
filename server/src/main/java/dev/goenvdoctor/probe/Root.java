package dev.goenvdoctor.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one door through which probes read the machine. Paths are written as the machine sees them
 * ({@code /home/u/.bashrc}) and resolved under a prefix, so a whole machine state can be a directory
 * in tests ({@code --root}). Symlinks are followed here, not by the OS, so an absolute link target
 * ({@code /usr/bin/go -> /usr/lib/go-1.19/bin/go}) stays inside the root.
 */
public final class Root {
  private static final int MAX_LINK_HOPS = 40;
  private static final Root SYSTEM = new Root(Path.of("/"));
  /** Enough for every path one analysis looks at; beyond it paths are resolved without being kept. */
  private static final int MAX_MEMO_ENTRIES = 20_000;
  /**
   * Paths already resolved by this thread, by prefix, while {@link #memoizing} runs. One analysis asks about the
   * same GOROOTs, PATH entries and startup files many times (each rule looks on its own), and each answer costs
   * two system calls per path component.
   */
  private static final ThreadLocal<Map<Path, Memo>> MEMO = new ThreadLocal<>();

  /** One prefix's memo: resolved paths, and the type tests of real paths ("d/x" is "x is a directory"). */
  private record Memo(Map<String, SymlinkChain> chains, Map<String, Boolean> tests) {
    boolean full() {
      return chains.size() + tests.size() >= MAX_MEMO_ENTRIES;
    }
  }

  private final Path prefix;

  private Root(Path prefix) {
    this.prefix = prefix.toAbsolutePath().normalize();
  }

  public static Root system() {
    return SYSTEM;
  }

  public static Root of(Path prefix) {
    Path normalized = prefix.toAbsolutePath().normalize();
    return normalized.equals(SYSTEM.prefix) ? SYSTEM : new Root(normalized);
  }

  /** True when this root is the real machine: only then may real processes see the same files. */
  public boolean isSystem() {
    return prefix.getParent() == null;
  }

  public Path prefix() {
    return prefix;
  }

  /**
   * The host path of a machine path, lexically (no symlink is followed). A NUL byte, which no file name
   * can hold but a hostile workspace file can, becomes U+FFFD: the path then simply does not exist.
   */
  public Path hostPath(String machinePath) {
    String normalized = normalize(machinePath.replace('\0', '\uFFFD'));
    return normalized.equals("/") ? prefix : prefix.resolve(normalized.substring(1));
  }

  /** The machine path of a host path below the prefix, or empty when it lies outside. */
  public Optional<String> machinePath(Path hostPath) {
    Path p = hostPath.toAbsolutePath().normalize();
    if (!p.startsWith(prefix)) {
      return Optional.empty();
    }
    String rel = prefix.relativize(p).toString();
    return Optional.of(rel.isEmpty() ? "/" : "/" + rel);
  }

  /**
   * Returns what {@code work} returns, with every path this thread resolves meanwhile kept and answered again from
   * memory (by any Root of the same prefix). For work that treats the machine as fixed while it runs, e.g. checking
   * the rules on a snapshot after a keystroke; a file that changes meanwhile is seen by the next check, which its
   * change triggers.
   */
  public static <T> T memoizing(Supplier<T> work) {
    if (MEMO.get() != null) {
      return work.get();
    }
    MEMO.set(new HashMap<>());
    try {
      return work.get();
    } finally {
      MEMO.remove();
    }
  }

  /**
   * Follows every symlink on the way to {@code machinePath} (in any component), as the kernel would if
   * the root were {@code /}. Never throws: loops and dangling links are reported in the chain.
   */
  public SymlinkChain resolve(String machinePath) {
    Memo memo = memo();
    if (memo == null) {
      return resolveNow(machinePath);
    }
    SymlinkChain chain = memo.chains().get(machinePath);
    if (chain == null) {
      chain = resolveNow(machinePath);
      if (!memo.full()) {
        memo.chains().put(machinePath, chain);
      }
    }
    return chain;
  }

  private Memo memo() {
    Map<Path, Memo> memos = MEMO.get();
    return memos == null ? null : memos.computeIfAbsent(prefix, p -> new Memo(new HashMap<>(), new HashMap<>()));
  }

  /** {@code test} of a real path's host file ({@code kind} names the test), answered from the memo when one is on. */
  private boolean test(char kind, String realPath, Predicate<Path> test) {
    Memo memo = memo();
    if (memo == null) {
      return test.test(hostPath(realPath));
    }
    String key = kind + "/" + realPath;
    Boolean known = memo.tests().get(key);
    if (known == null) {
      known = test.test(hostPath(realPath));
      if (!memo.full()) {
        memo.tests().put(key, known);
      }
    }
    return known;
  }

  private SymlinkChain resolveNow(String machinePath) {
    String start = normalize(machinePath);
    List<String> hops = new ArrayList<>();
    hops.add(start);
    Deque<String> pending = new ArrayDeque<>(components(start));
    String current = "/";
    int linksFollowed = 0;
    while (!pending.isEmpty()) {
      String name = pending.pollFirst();
      if (name.equals("..")) {
        current = parent(current);
        continue;
      }
      String candidate = join(current, name);
      Path host = hostPath(candidate);
      if (!Files.isSymbolicLink(host)) {
        if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
          StringBuilder rest = new StringBuilder(candidate);
          pending.forEach(c -> rest.append('/').append(c));
          return new SymlinkChain(List.copyOf(hops), normalize(rest.toString()), SymlinkChain.Status.MISSING);
        }
        current = candidate;
        continue;
      }
      if (++linksFollowed > MAX_LINK_HOPS) {
        return new SymlinkChain(List.copyOf(hops), candidate, SymlinkChain.Status.LOOP);
      }
      String target;
      try {
        target = Files.readSymbolicLink(host).toString();
      } catch (IOException | UnsupportedOperationException e) {
        return new SymlinkChain(List.copyOf(hops), candidate, SymlinkChain.Status.MISSING);
      }
      List<String> targetParts = components(target);
      for (int i = targetParts.size() - 1; i >= 0; i--) {
        pending.addFirst(targetParts.get(i));
      }
      String base = target.startsWith("/") ? "/" : current;
      StringBuilder full = new StringBuilder(target.startsWith("/") ? target : join(base, target));
      pending.stream().skip(targetParts.size()).forEach(c -> full.append('/').append(c));
      hops.add(normalize(full.toString()));
      current = base;
    }
    return new SymlinkChain(List.copyOf(hops), current, SymlinkChain.Status.OK);
  }

  public boolean exists(String machinePath) {
    return resolve(machinePath).status() == SymlinkChain.Status.OK;
  }

  public boolean isDirectory(String machinePath) {
    SymlinkChain chain = resolve(machinePath);
    return chain.ok() && test('d', chain.realPath(), host -> Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS));
  }

  public boolean isRegularFile(String machinePath) {
    SymlinkChain chain = resolve(machinePath);
    return chain.ok() && test('f', chain.realPath(), host -> Files.isRegularFile(host, LinkOption.NOFOLLOW_LINKS));
  }

  /** A regular file with an execute bit for this process (the nearest a root can say to "execvp works"). */
  public boolean isExecutableFile(String machinePath) {
    SymlinkChain chain = resolve(machinePath);
    return chain.ok()
        && test('x', chain.realPath(), host -> Files.isRegularFile(host, LinkOption.NOFOLLOW_LINKS) && Files.isExecutable(host));
  }

  public boolean isSymlink(String machinePath) {
    return Files.isSymbolicLink(hostPath(machinePath));
  }

  /** The modification time of a file or directory (symlinks followed); empty when it cannot be read. */
  public Optional<java.nio.file.attribute.FileTime> lastModified(String machinePath) {
    SymlinkChain chain = resolve(machinePath);
    if (!chain.ok()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.getLastModifiedTime(hostPath(chain.realPath()), LinkOption.NOFOLLOW_LINKS));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Sorted names in a directory (symlinks followed); empty when it is not a readable directory. */
  public List<String> list(String machinePath) {
    SymlinkChain chain = resolve(machinePath);
    if (!chain.ok()) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(hostPath(chain.realPath()))) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException | SecurityException e) {
      return List.of();
    }
  }

  /**
   * The entries of the directory {@code realDir}, sorted by name, each with its own type (one {@code lstat} each).
   * {@code realDir} must be a real path, as a walk that never follows a symlink produces: this is how a walk
   * learns what to descend into without resolving every path again (two system calls per path component).
   * Returns an empty list when it is not a readable directory, or is itself a symlink.
   */
  public List<DirEntry> entries(String realDir) {
    Path host = hostPath(realDir);
    if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    List<DirEntry> out = new ArrayList<>();
    try (java.nio.file.DirectoryStream<Path> names = Files.newDirectoryStream(host)) {
      // On Linux the stream holds the directory open: each entry is looked up relative to it (fstatat), not
      // along its whole path again, which is most of the kernel's work in a deep tree.
      java.nio.file.SecureDirectoryStream<Path> open = names instanceof java.nio.file.SecureDirectoryStream<Path> s ? s : null;
      for (Path p : names) {
        out.add(new DirEntry(p.getFileName().toString(), kindOf(open, p)));
      }
    } catch (IOException | SecurityException | java.nio.file.DirectoryIteratorException e) {
      return List.of();
    }
    out.sort(java.util.Comparator.comparing(DirEntry::name));
    return out;
  }

  private static DirEntry.Kind kindOf(java.nio.file.SecureDirectoryStream<Path> open, Path p) {
    try {
      BasicFileAttributes a = open != null
          ? open.getFileAttributeView(p.getFileName(), java.nio.file.attribute.BasicFileAttributeView.class,
              LinkOption.NOFOLLOW_LINKS).readAttributes()
          : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isSymbolicLink() ? DirEntry.Kind.SYMLINK : a.isDirectory() ? DirEntry.Kind.DIRECTORY
          : a.isRegularFile() ? DirEntry.Kind.REGULAR_FILE : DirEntry.Kind.OTHER;
    } catch (IOException | SecurityException e) { // removed meanwhile, or unreadable
      return DirEntry.Kind.OTHER;
    }
  }

  /** At most {@code maxBytes} of a file (symlinks followed); empty when it cannot be read. */
  public Optional<byte[]> readBytes(String machinePath, int maxBytes) {
    SymlinkChain chain = resolve(machinePath);
    if (!chain.ok()) {
      return Optional.empty();
    }
    Path host = hostPath(chain.realPath());
    if (!Files.isRegularFile(host)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(host)) {
      return Optional.of(in.readNBytes(maxBytes));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** A text file as UTF-8 (malformed bytes replaced), at most {@code maxBytes}. */
  public Optional<String> readText(String machinePath, int maxBytes) {
    return readBytes(machinePath, maxBytes).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** Lexical normalisation of a machine path: absolute, no {@code .}, {@code ..} or double slashes. */
  public static String normalize(String machinePath) {
    Deque<String> out = new ArrayDeque<>();
    for (String part : components(machinePath)) {
      if (part.equals("..")) {
        out.pollLast();
      } else {
        out.addLast(part);
      }
    }
    return out.isEmpty() ? "/" : "/" + String.join("/", out);
  }

  public static String join(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  public static String parent(String machinePath) {
    String n = normalize(machinePath);
    int slash = n.lastIndexOf('/');
    return slash <= 0 ? "/" : n.substring(0, slash);
  }

  private static List<String> components(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return parts;
  }

  @Override
  public String toString() {
    return "Root[" + prefix + "]";
  }
}
