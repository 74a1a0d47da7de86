package dev.goenvdoctor.probe.binary;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.SymlinkChain;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells what an executable is without running it: a Go binary (and which Go built it, from its build
 * info), another ELF file, a script, or something else. Reads through {@link Root}, a few kilobytes
 * of even a 50 MB binary; never throws for any file content.
 */
public final class GoBinaryProbe {
  /** The kernel reads at most this much of a {@code #!} line (BINPRM_BUF_SIZE). */
  private static final int SCRIPT_HEAD = 256;
  private static final int UPX_SCAN = 4096;
  private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
  private static final byte[] UPX_MARK = "UPX!".getBytes(StandardCharsets.ISO_8859_1);

  private final Root root;

  /** A probe reading files under {@code root}. */
  public GoBinaryProbe(Root root) {
    this.root = root;
  }

  /**
   * Inspects the file at {@code machinePath} (symlinks followed inside the root). Returns a record for
   * every outcome, including a missing or unreadable file; never throws.
   */
  public BinaryInspection inspect(String machinePath) {
    SymlinkChain chain = root.resolve(machinePath);
    String path = Root.normalize(machinePath);
    String real = chain.realPath();
    try {
      return inspectResolved(path, chain);
    } catch (IOException e) {
      return unreadable(path, real, "cannot read: " + describe(e));
    } catch (RuntimeException e) { // a bug must not take the caller down; the message says so
      return unreadable(path, real, "could not be inspected (internal error: " + e + ")");
    }
  }

  /** Inspects bytes already in memory (fixtures, fuzzing); {@code label} names them in the record. Never throws. */
  public static BinaryInspection inspectBytes(String label, byte[] content) {
    try {
      return inspect(label, label, ByteSource.of(content));
    } catch (IOException e) {
      return unreadable(label, label, "cannot read: " + describe(e));
    } catch (RuntimeException e) {
      return unreadable(label, label, "could not be inspected (internal error: " + e + ")");
    }
  }

  private BinaryInspection inspectResolved(String path, SymlinkChain chain) throws IOException {
    String real = chain.realPath();
    switch (chain.status()) {
      case MISSING -> {
        return unreadable(path, real, chain.viaSymlink()
            ? "dangling symlink: it points to " + real + ", which does not exist"
            : "no such file");
      }
      case LOOP -> {
        return unreadable(path, real, "too many levels of symbolic links (stopped at " + real + ")");
      }
      case OK -> { }
    }
    Path host = root.hostPath(real);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return unreadable(path, real, "no such file");
    }
    if (attributes.isDirectory()) {
      return unreadable(path, real, "a directory, not a file");
    }
    if (!attributes.isRegularFile()) {
      // opening a FIFO would block; a device could be endless
      return unreadable(path, real, "not a regular file (a device, pipe or socket)");
    }
    try (FileChannel channel = FileChannel.open(host, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      return inspect(path, real, ByteSource.of(channel));
    }
  }

  /**
   * The core: classifies the bytes. Throws only IOException from the source (a file that cannot be
   * read or that shrinks while being read), never for content.
   */
  static BinaryInspection inspect(String path, String real, ByteSource source) throws IOException {
    if (source.size() == 0) {
      return notElf(path, real, "empty file (0 bytes)");
    }
    byte[] head = source.readUpTo(0, SCRIPT_HEAD);
    if (startsWith(head, ELF_MAGIC)) {
      return inspectElf(path, real, source);
    }
    if (head.length >= 2 && head[0] == '#' && head[1] == '!') {
      String interpreter = interpreterLine(head);
      return new BinaryInspection(path, real, BinaryInspection.Kind.SCRIPT,
          "not an ELF file (starts with '#!" + Printable.of(interpreter, 120) + "': a script)",
          Optional.empty(), Optional.empty(), Optional.of(interpreter));
    }
    return notElf(path, real, "not an ELF file (" + describeStart(head) + ")");
  }

  private static BinaryInspection inspectElf(String path, String real, ByteSource source) throws IOException {
    ElfParser parser = new ElfParser(source);
    ElfFile elf;
    try {
      elf = parser.parse();
    } catch (ElfFormatException e) {
      return malformed(path, real, e.getMessage(), Optional.ofNullable(parser.headerFacts()));
    }
    BuildInfoReader.Result result;
    try {
      result = BuildInfoReader.read(source, elf);
    } catch (ElfFormatException e) {
      return malformed(path, real, e.getMessage(), Optional.of(elf.facts()));
    }
    if (result instanceof BuildInfoReader.Found found) {
      BuildInfo info = ModInfoParser.parse(found.goVersion(), found.modinfo());
      return new BinaryInspection(path, real, BinaryInspection.Kind.GO_BINARY,
          goMessage(info, elf.facts(), found.modinfoProblem()), Optional.of(elf.facts()), Optional.of(info), Optional.empty());
    }
    String reason = ((BuildInfoReader.Absent) result).reason();
    return new BinaryInspection(path, real, BinaryInspection.Kind.ELF_WITHOUT_BUILD_INFO,
        noBuildInfoMessage(source, elf, reason), Optional.of(elf.facts()), Optional.empty(), Optional.empty());
  }

  private static String goMessage(BuildInfo info, ElfFacts facts, String modinfoProblem) {
    StringBuilder m = new StringBuilder("Go binary built with ").append(Printable.of(info.goVersion(), 80));
    if (!info.path().isEmpty()) {
      m.append(", main package ").append(Printable.of(info.path(), 200));
    }
    info.mainModule().ifPresent(mod -> m.append(", module ").append(Printable.of(mod.path(), 200))
        .append(' ').append(Printable.of(mod.version(), 80)));
    m.append(" (").append(facts.describe()).append(')');
    if (!modinfoProblem.isEmpty()) {
      m.append("; its module info is unreadable: ").append(modinfoProblem);
    }
    return m.toString();
  }

  private static String noBuildInfoMessage(ByteSource source, ElfFile elf, String reason) throws IOException {
    byte[] start = source.readUpTo(0, UPX_SCAN);
    if (indexOf(start, UPX_MARK) >= 0) {
      return "ELF file without readable Go build info: it is packed with UPX, which hides it (" + reason + ")";
    }
    Optional<String> goSection = elf.sections().stream().map(ElfSection::name)
        .filter(ElfParser::isGoSectionName)
        .sorted((a, b) -> Boolean.compare(!a.endsWith("gopclntab"), !b.endsWith("gopclntab")))
        .findFirst();
    if (goSection.isPresent()) {
      return "ELF file built by Go (it has a " + Printable.of(goSection.get(), 60) + " section) but without Go build info ("
          + reason + "), so the Go version that built it cannot be read from the file";
    }
    return "ELF file without Go build info (stripped by a packer such as UPX, or not built by Go; " + reason + ")";
  }

  /**
   * The {@code #!} line without {@code #!}, up to the newline or the kernel's limit, without the spaces
   * and tabs around it. A carriage return stays: a CRLF script fails to start ({@code env: 'bash\r'}).
   */
  private static String interpreterLine(byte[] head) {
    int start = 2;
    int end = start;
    while (end < head.length && head[end] != '\n') {
      end++;
    }
    while (start < end && (head[start] == ' ' || head[start] == '\t')) {
      start++;
    }
    while (end > start && (head[end - 1] == ' ' || head[end - 1] == '\t')) {
      end--;
    }
    return new String(head, start, end - start, StandardCharsets.UTF_8);
  }

  private static String describeStart(byte[] head) {
    if (head.length >= 2 && head[0] == 'M' && head[1] == 'Z') {
      return "starts with 'MZ': a Windows executable";
    }
    if (head.length >= 4) {
      long be = Words.read(head, 0, 4, true);
      if (be == 0xfeedfaceL || be == 0xfeedfacfL || be == 0xcefaedfeL || be == 0xcffaedfeL) {
        return "starts with " + Printable.hexBytes(head, 4) + ": a macOS Mach-O executable";
      }
    }
    byte[] first = Arrays.copyOf(head, Math.min(head.length, 64));
    boolean text = true;
    for (byte b : first) {
      text &= (b >= 0x20 && b < 0x7f) || b == '\t' || b == '\n' || b == '\r';
    }
    if (text) {
      return "starts with '" + Printable.of(new String(first, StandardCharsets.US_ASCII), 24) + "'";
    }
    return "starts with bytes " + Printable.hexBytes(head, 8);
  }

  private static BinaryInspection notElf(String path, String real, String message) {
    return new BinaryInspection(path, real, BinaryInspection.Kind.NOT_ELF, message,
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static BinaryInspection malformed(String path, String real, String message, Optional<ElfFacts> facts) {
    return new BinaryInspection(path, real, BinaryInspection.Kind.MALFORMED_ELF, message, facts, Optional.empty(), Optional.empty());
  }

  private static BinaryInspection unreadable(String path, String real, String message) {
    return new BinaryInspection(path, real, BinaryInspection.Kind.UNREADABLE, message,
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String detail = e.getMessage();
    return detail == null || detail.isEmpty() ? e.getClass().getSimpleName() : detail;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
