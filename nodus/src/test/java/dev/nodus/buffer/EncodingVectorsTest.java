package dev.nodus.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every encoding, both ways, against vectors recorded from Node v20 (see
 * {@code src/test/resources/buffer/gen-vectors.js}): edge cases and thousands of seeded random
 * inputs, invalid UTF-8 and junk base64/hex included.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EncodingVectorsTest {

  @Test
  void decodingMatchesNode() {
    List<String[]> cases = Vectors.of("D");
    assertThat(cases).hasSizeGreaterThan(2500);
    List<String> failures = new ArrayList<>();
    for (String[] c : cases) {
      Buffer b = Buffer.from(Vectors.bytes(c[2]));
      String expected = Vectors.string(c[3]);
      String actual = b.toString(c[1]);
      if (!actual.equals(expected)) {
        failures.add(c[1] + " " + c[2] + ": expected " + c[3] + " got " + Vectors.escape(actual));
      }
      // The same bytes inside a larger array decode the same (offsets are honoured).
      byte[] padded = new byte[b.length() + 2];
      System.arraycopy(b.buffer(), 0, padded, 1, b.length());
      if (!Encoding.of(c[1]).decode(padded, 1, b.length()).equals(expected)) {
        failures.add(c[1] + " " + c[2] + " at offset 1");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void encodingAndByteLengthMatchNode() {
    List<String[]> cases = Vectors.of("E");
    assertThat(cases).hasSizeGreaterThan(2000);
    List<String> failures = new ArrayList<>();
    for (String[] c : cases) {
      String s = Vectors.string(c[2]);
      String actual = Vectors.hex(Buffer.from(s, c[1]));
      if (!actual.equals(c[3])) {
        failures.add(c[1] + " " + c[2] + ": expected " + c[3] + " got " + actual);
      }
      int len = Buffer.byteLength(s, c[1]);
      if (len != Integer.parseInt(c[4])) {
        failures.add(c[1] + " " + c[2] + ": byteLength expected " + c[4] + " got " + len);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void boundedWritesMatchNode() {
    List<String[]> cases = Vectors.of("W");
    assertThat(cases).hasSizeGreaterThan(1000);
    List<String> failures = new ArrayList<>();
    for (String[] c : cases) {
      String s = Vectors.string(c[2]);
      Buffer b = Buffer.alloc(Integer.parseInt(c[3]), 0xaa);
      int written = b.write(s, Integer.parseInt(c[4]), Integer.parseInt(c[5]), c[1]);
      String got = written + " " + Vectors.hex(b);
      String expected = c[6] + " " + c[7];
      if (!got.equals(expected)) {
        failures.add(String.join(" ", c) + ": got " + got);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void stringDecoderMatchesNodeChunkByChunk() {
    List<String[]> cases = Vectors.of("S");
    assertThat(cases).hasSizeGreaterThan(1000);
    List<String> failures = new ArrayList<>();
    for (String[] c : cases) {
      boolean endWithChunk = c[1].endsWith("+");
      StringDecoder d = new StringDecoder(endWithChunk ? c[1].substring(0, c[1].length() - 1) : c[1]);
      String[] chunks = c[2].split(",", -1);
      List<String> outs = new ArrayList<>();
      int n = endWithChunk ? chunks.length - 1 : chunks.length;
      for (int i = 0; i < n; i++) {
        outs.add(Vectors.escape(d.write(Buffer.from(Vectors.bytes(chunks[i])))));
      }
      outs.add(Vectors.escape(endWithChunk ? d.end(Buffer.from(Vectors.bytes(chunks[n]))) : d.end()));
      String got = String.join(",", outs);
      if (!got.equals(c[3])) {
        failures.add(c[1] + " " + c[2] + ": expected " + c[3] + " got " + got);
      }
    }
    assertThat(failures).isEmpty();
  }
}
