package dev.goenvdoctor.probe.binary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.binary.BinaryInspection.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Any bytes at all give a record with a message, quickly: mutated copies of a valid Go binary image
 * (byte flips, cuts, inserted garbage, field-sized overwrites), random arrays, and random bytes
 * behind a valid ELF header.
 */
class GoBinaryProbeRobustnessTest {
  private static final byte[] BASE = Fixtures.small();
  private static final long MAX_NANOS_PER_FILE = 2_000_000_000L;

  /** Applies 1 to 6 random changes, all drawn from {@code seed} (cheap to generate, and reproducible from the seed). */
  static byte[] mutate(byte[] in, long seed) {
    Random random = new Random(seed);
    byte[] out = in;
    for (int n = 1 + random.nextInt(6); n > 0; n--) {
      int pos = random.nextInt(out.length + 1);
      switch (random.nextInt(4)) {
        case 0 -> { // flip one byte
          out = out.clone();
          if (pos < out.length) {
            out[pos] ^= (byte) (1 + random.nextInt(255));
          }
        }
        case 1 -> out = Arrays.copyOf(out, pos); // cut the file
        case 2 -> { // insert garbage
          byte[] garbage = new byte[random.nextInt(65)];
          random.nextBytes(garbage);
          ByteArrayOutputStream grown = new ByteArrayOutputStream();
          grown.write(out, 0, pos);
          grown.writeBytes(garbage);
          grown.write(out, pos, out.length - pos);
          out = grown.toByteArray();
        }
        default -> { // overwrite up to 8 bytes with an extreme value (sizes, offsets, counts)
          out = out.clone();
          byte fill = new byte[] {(byte) 0xff, 0x00, 0x7f, (byte) 0x80}[random.nextInt(4)];
          Arrays.fill(out, Math.min(pos, out.length), Math.min(out.length, pos + 1 + random.nextInt(8)), fill);
        }
      }
    }
    return out;
  }

  @Property(tries = 10_000)
  void mutatedGoBinaryAlwaysGivesARecord(@ForAll long seed) {
    check(mutate(BASE, seed));
  }

  /** The valid pointer-format image (32-bit big-endian MIPS) whose build info block the next property damages. */
  private static final byte[] POINTER_BASE = ElfWriter.elf(32, true, GoArch.EM_MIPS)
      .loadedSection(".go.buildinfo", ElfWriter.SHF_ALLOC | ElfWriter.SHF_WRITE, ElfWriter.PF_R | ElfWriter.PF_W,
          a -> BuildInfoBlob.pointers(a, 4, true, "go1.16.15", BuildInfoBlob.framed(Fixtures.MODINFO)))
      .build();

  @Property(tries = 4_000)
  void damagedBuildInfoBlockAlwaysGivesARecord(@ForAll long seed) {
    byte[] base = (seed & 1) == 0 ? BASE : POINTER_BASE;
    int start = indexOf(base, BuildInfoReader.MAGIC);
    Random random = new Random(seed);
    byte[] out = base.clone();
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      int pos = start + 14 + random.nextInt(64); // pointer size, flags, pointers, varints, string headers
      if (random.nextBoolean()) {
        out[Math.min(pos, out.length - 1)] ^= (byte) (1 + random.nextInt(255));
      } else {
        Arrays.fill(out, Math.min(pos, out.length), Math.min(out.length, pos + 1 + random.nextInt(8)),
            new byte[] {(byte) 0xff, 0x00, 0x7f, (byte) 0x80}[random.nextInt(4)]);
      }
    }
    BinaryInspection r = check(out);
    // Which failure each damaged block gave, digits dropped: the report shows the decoder's paths were reached.
    String reason = r.message().replaceAll("^damaged Go build info at byte \\d+ \\([^)]*\\): ", "").replaceAll("[0-9]+", "N");
    Statistics.label("outcome").collect(r.kind() == Kind.GO_BINARY ? "read (the strings may be garbled)"
        : reason.length() > 60 ? reason.substring(0, 60) : reason);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("magic not found in the base image");
  }

  @Property(tries = 2_000)
  void randomBytesAlwaysGiveARecord(@ForAll byte[] bytes) {
    check(bytes);
  }

  @Property(tries = 2_000)
  void randomTablesBehindAValidHeaderAlwaysGiveARecord(@ForAll("randomAfterHeader") byte[] bytes) {
    check(bytes);
  }

  /** The valid 64-byte header of the base image (its table offsets intact) followed by random bytes. */
  @Provide
  Arbitrary<byte[]> randomAfterHeader() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(BASE.length + 64).map(tail -> {
      byte[] out = Arrays.copyOf(BASE, 64 + tail.length);
      System.arraycopy(tail, 0, out, 64, tail.length);
      return out;
    });
  }

  /** Calls the core directly (no safety net), so an exception anywhere fails the property. */
  private static BinaryInspection check(byte[] bytes) {
    long start = System.nanoTime();
    BinaryInspection r;
    try {
      r = GoBinaryProbe.inspect("fuzz", "fuzz", ByteSource.of(bytes));
    } catch (IOException e) {
      throw new AssertionError("in-memory bytes cannot fail to read: " + e, e);
    }
    long elapsed = System.nanoTime() - start;
    assertTrue(elapsed < MAX_NANOS_PER_FILE, "took " + elapsed / 1_000_000 + " ms");
    Statistics.collect(r.kind()); // the report shows how many inputs got past each stage
    assertFalse(r.message().isBlank());
    assertNotEquals(Kind.UNREADABLE, r.kind(), r.message());
    switch (r.kind()) {
      case GO_BINARY -> {
        assertFalse(r.buildInfo().orElseThrow().goVersion().isEmpty());
        assertTrue(r.elf().isPresent());
      }
      case ELF_WITHOUT_BUILD_INFO -> assertTrue(r.elf().isPresent() && r.buildInfo().isEmpty());
      case SCRIPT -> assertTrue(r.interpreter().isPresent());
      default -> assertTrue(r.buildInfo().isEmpty());
    }
    return r;
  }
}
