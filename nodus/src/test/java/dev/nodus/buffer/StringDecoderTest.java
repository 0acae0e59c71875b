package dev.nodus.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Examples printed by Node v20's string_decoder; {@link EncodingVectorsTest} has the rest. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StringDecoderTest {

  @Test
  void utf8CharacterSplitAcrossChunksComesOutWhole() {
    StringDecoder d = new StringDecoder("utf8");
    assertThat(d.write(Buffer.from(new int[] {0x61, 0xe2}))).isEqualTo("a");
    assertThat(d.write(Buffer.from(new int[] {0x82}))).isEmpty();
    assertThat(d.write(Buffer.from(new int[] {0xac, 0x62}))).isEqualTo("€b");
    assertThat(d.end()).isEmpty();
  }

  @Test
  void unfinishedUtf8AtTheEndBecomesOneReplacementChar() {
    StringDecoder d = new StringDecoder();
    assertThat(d.write(Buffer.from(new int[] {0xf0, 0x9f, 0x98}))).isEmpty();
    assertThat(d.end()).isEqualTo("\ufffd");
    // Reusable after end(), as in Node.
    assertThat(d.end(Buffer.from("ok"))).isEqualTo("ok");
  }

  @Test
  void utf8InterruptedByANewLeadByte() {
    StringDecoder d = new StringDecoder();
    assertThat(d.write(Buffer.from(new int[] {0xe2, 0x82}))).isEmpty();
    assertThat(d.write(Buffer.from(new int[] {0x41}))).isEqualTo("\ufffdA");
  }

  @Test
  void utf16SurrogatePairAndOddBytes() {
    StringDecoder d = new StringDecoder("utf16le");
    byte[] smile = Buffer.from("😀", "utf16le").toByteArray(); // 3d d8 00 de
    // Node holds back the odd byte, then emits the completed unit at once, even though it is a
    // high surrogate: the pair arrives split over two writes (concatenated, the text is right).
    assertThat(d.write(Buffer.wrap(smile, 0, 3))).isEqualTo("\ud83d");
    assertThat(d.write(Buffer.wrap(smile, 3, 1))).isEqualTo("\ude00");
    assertThat(d.write(Buffer.from(new int[] {0x61}))).isEmpty();
    assertThat(d.end()).isEmpty(); // a lone final byte is dropped
  }

  @Test
  void base64KeepsWholeGroups() {
    StringDecoder d = new StringDecoder("base64");
    assertThat(d.write(Buffer.from("abcd"))).isEqualTo("YWJj");
    assertThat(d.write(Buffer.from("e"))).isEmpty();
    assertThat(d.end()).isEqualTo("ZGU=");
    StringDecoder u = new StringDecoder("base64url");
    assertThat(u.end(Buffer.from(new int[] {0xfb, 0xff}))).isEqualTo("-_8");
  }

  @Test
  void oneByteEncodingsPassThrough() {
    assertThat(new StringDecoder("hex").write(Buffer.from("ab"))).isEqualTo("6162");
    assertThat(new StringDecoder("latin1").write(Buffer.from(new int[] {0xe9}))).isEqualTo("é");
    assertThat(new StringDecoder("LATIN1").encoding().nodeName()).isEqualTo("latin1");
  }
}
