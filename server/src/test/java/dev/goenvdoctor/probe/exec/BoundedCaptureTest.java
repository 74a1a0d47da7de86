package dev.goenvdoctor.probe.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BoundedCaptureTest {
  @Property(tries = 500)
  void keepsExactlyTheHeadOrTheTailOfWhatWasWritten(
      @ForAll @Size(max = 20) List<@Size(max = 300) byte[]> chunks, @ForAll @IntRange(min = 0, max = 700) int limit) {
    BoundedCapture head = BoundedCapture.head(limit);
    BoundedCapture tail = BoundedCapture.tail(limit);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] chunk : chunks) {
      head.write(chunk, 0, chunk.length);
      tail.write(chunk, 0, chunk.length);
      all.writeBytes(chunk);
    }
    byte[] written = all.toByteArray();
    int kept = Math.min(limit, written.length);

    assertArrayEquals(Arrays.copyOfRange(written, 0, kept), head.bytes());
    assertArrayEquals(Arrays.copyOfRange(written, written.length - kept, written.length), tail.bytes());
    assertEquals(written.length > limit, head.truncated());
    assertEquals(written.length > limit, tail.truncated());
    assertEquals(written.length, tail.totalBytes());
  }

  @Test
  void writesFromAnOffsetUseOnlyTheirSlice() {
    BoundedCapture tail = BoundedCapture.tail(4);
    byte[] source = "xxabcdefyy".getBytes();
    tail.write(source, 2, 3); // abc
    tail.write(source, 5, 3); // def

    assertArrayEquals("cdef".getBytes(), tail.bytes());
    assertTrue(tail.truncated());
  }
}
