package dev.goenvdoctor.probe.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MountInfoParserTest {
  private static final String FILE = "/proc/self/mountinfo";

  private static MountTable parse(String text) {
    return MountInfoParser.parse(text.getBytes(StandardCharsets.UTF_8), FILE);
  }

  @Test
  void decodesEscapedPathsOptionalFieldsAndSuperOptions() {
    MountTable table = parse(
        "520 29 8:17 / /media/u/My\\040Disk rw,nosuid,nodev,relatime shared:278 master:3 - ext4 /dev/sdb1 rw,errors=remount-ro\n");

    assertEquals(List.of(), table.problems());
    Mount m = table.mounts().get(0);
    assertEquals(520, m.id());
    assertEquals(29, m.parentId());
    assertEquals("/media/u/My Disk", m.mountPoint());
    assertEquals(List.of("rw", "nosuid", "nodev", "relatime"), m.mountOptions());
    assertEquals(List.of("shared:278", "master:3"), m.optionalFields());
    assertEquals("ext4", m.fsType());
    assertEquals("/dev/sdb1", m.source());
    assertEquals(List.of("rw", "errors=remount-ro"), m.superOptions());
    assertTrue(m.nosuid());
    assertFalse(m.noexec());
    assertFalse(m.readOnly());
  }

  @Test
  void decodesTabNewlineBackslashAndRawUtf8() {
    MountTable table = parse("40 1 0:40 / /srv/a\\011b\\012c\\134d rw - tmpfs tmpfs rw\n"
        + "41 1 0:41 / /media/u/Ünïcode rw - vfat /dev/sdd1 rw\n");

    assertEquals("/srv/a\tb\nc\\d", table.mounts().get(0).mountPoint());
    assertEquals("/media/u/Ünïcode", table.mounts().get(1).mountPoint());
  }

  @Test
  void readOnlyComesFromTheMountOrItsFilesystem() {
    MountTable table = parse("50 1 8:1 / /a ro,relatime - ext4 /dev/sda1 rw\n"
        + "51 1 8:2 / /b rw,relatime - ext4 /dev/sda2 ro,errors=remount-ro\n"
        + "52 1 8:3 / /c rw,relatime - ext4 /dev/sda3 rw\n");

    assertTrue(table.mountAt("/a").orElseThrow().readOnly());
    assertTrue(table.mountAt("/b").orElseThrow().readOnly());
    assertFalse(table.mountAt("/c").orElseThrow().readOnly());
  }

  @Test
  void longestMountPointWinsAndALaterMountHidesAnEarlierOne() {
    MountTable table = parse("1 0 8:1 / / rw - ext4 /dev/sda1 rw\n"
        + "2 1 8:2 / /home rw - ext4 /dev/sda2 rw\n"
        + "3 2 0:30 / /home rw,noexec - tmpfs tmpfs rw\n");

    assertEquals(3, table.mountOf("/home/u/go").orElseThrow().id());
    assertTrue(table.mountOf("/home").orElseThrow().noexec());
    // A sibling that merely starts with the same letters is not below the mount point.
    assertEquals(1, table.mountOf("/homework/x").orElseThrow().id());
    assertEquals(1, table.mountOf("/").orElseThrow().id());
  }

  @Test
  void acceptsLinesWithoutOptionalFieldsOrSuperOptions() {
    MountTable table = parse("36 35 98:0 /mnt1 /mnt2 rw,noatime - ext3 /dev/root\n");

    Mount m = table.mounts().get(0);
    assertEquals("/mnt1", m.root());
    assertEquals("/mnt2", m.mountPoint());
    assertEquals(List.of(), m.optionalFields());
    assertEquals(List.of(), m.superOptions());
  }

  @Test
  void malformedLinesAreSkippedAndNamedByLineNumber() {
    MountTable table = parse("1 0 8:1 / / rw - ext4 /dev/sda1 rw\n"
        + "garbage\n"
        + "2 1 8:2 / /x rw shared:1 ext4 /dev/sda2 rw\n"
        + "abc 1 8:2 / /y rw - ext4 /dev/sda2 rw\n"
        + "4 1 8:2 / relative rw - ext4 /dev/sda2 rw\n");

    assertEquals(1, table.mounts().size());
    assertEquals(4, table.problems().size());
    assertTrue(table.problems().get(0).startsWith(FILE + ":2: expected at least 7 fields"), table.problems().get(0));
    assertTrue(table.problems().get(1).startsWith(FILE + ":3: no ' - ' separator"), table.problems().get(1));
    assertTrue(table.problems().get(2).startsWith(FILE + ":4: mount id 'abc'"), table.problems().get(2));
    assertTrue(table.problems().get(3).startsWith(FILE + ":5: mount point 'relative' is not absolute"), table.problems().get(3));
  }

  @Test
  void anEmptyFileIsUnknownWithAReason() {
    MountTable table = parse("");

    assertFalse(table.known());
    assertEquals(List.of(FILE + " lists no mounts"), table.problems());
  }

  @Property
  void arbitraryTextNeverThrowsAndOnlyYieldsAbsoluteMountPoints(@ForAll String text) {
    MountTable table = parse(text);
    for (Mount m : table.mounts()) {
      assertTrue(m.mountPoint().startsWith("/"));
    }
  }

  @Property
  void mountPointsSurviveTheKernelsEscaping(@ForAll("mountPoints") String mountPoint) {
    MountTable table = parse("7 1 0:7 / " + kernelEscape(mountPoint) + " rw,noexec - tmpfs tmpfs rw\n");

    assertEquals(mountPoint, table.mounts().get(0).mountPoint());
    assertTrue(table.mountOf(mountPoint + "/go-build1/exe").orElseThrow().noexec());
  }

  @Provide
  Arbitrary<String> mountPoints() {
    return Arbitraries.strings().withChars("ab/ \t\n\\é-_0").ofMinLength(1).ofMaxLength(20)
        .map(s -> "/x" + s.replaceAll("/+", "/").replaceAll("/$", ""));
  }

  /** What the kernel's seq_path does to space, tab, newline and backslash (mangle " \t\n\\"). */
  private static String kernelEscape(String path) {
    StringBuilder out = new StringBuilder();
    for (char c : path.toCharArray()) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\\') {
        out.append(String.format("\\%03o", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
