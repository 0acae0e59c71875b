package dev.nodus.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.NodeError;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Readable examples of Buffer's behaviour; each expected value was printed by Node v20 (the
 * exhaustive comparison is {@link BufferCallVectorsTest} and {@link EncodingVectorsTest}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BufferTest {

  /** Asserts that {@code call} throws what Node's {@code String(err)} prints. */
  private static void throwsAsNode(Runnable call, String nodeString) {
    assertThatThrownBy(call::run).isInstanceOf(NodeError.class).hasToString(nodeString);
  }

  @Test
  void errorsCarryNodeCodeClassAndMessage() {
    Buffer b = Buffer.from(new int[] {1, 2, 3, 4, 5});
    throwsAsNode(() -> b.readUInt32LE(2), "RangeError [ERR_OUT_OF_RANGE]: The value of \"offset\" is"
        + " out of range. It must be >= 0 and <= 1. Received 2");
    throwsAsNode(() -> Buffer.alloc(3).readDoubleBE(0),
        "RangeError [ERR_BUFFER_OUT_OF_BOUNDS]: Attempt to access memory outside buffer bounds");
    throwsAsNode(() -> b.writeUInt16BE(70000, 0), "RangeError [ERR_OUT_OF_RANGE]: The value of"
        + " \"value\" is out of range. It must be >= 0 and <= 65535. Received 70000");
    throwsAsNode(() -> b.writeIntLE(1, 0, 7), "RangeError [ERR_OUT_OF_RANGE]: The value of"
        + " \"byteLength\" is out of range. It must be >= 1 and <= 6. Received 7");
    throwsAsNode(() -> b.write("x", 6), "RangeError [ERR_OUT_OF_RANGE]: The value of \"offset\" is"
        + " out of range. It must be >= 0 && <= 5. Received 6");
    throwsAsNode(() -> b.copy(b, -1), "RangeError [ERR_OUT_OF_RANGE]: The value of"
        + " \"targetStart\" is out of range. It must be >= 0. Received -1");
    throwsAsNode(() -> b.fill("zz", "hex"),
        "TypeError [ERR_INVALID_ARG_VALUE]: The argument 'value' is invalid. Received 'zz'");
    throwsAsNode(() -> Buffer.from("x", "utf32"), "TypeError [ERR_UNKNOWN_ENCODING]: Unknown encoding: utf32");
    throwsAsNode(() -> Buffer.alloc(-1), "RangeError [ERR_OUT_OF_RANGE]: The value of \"size\" is out"
        + " of range. It must be >= 0 && <= 4294967296. Received -1");
    throwsAsNode(b::swap16, "RangeError [ERR_INVALID_BUFFER_SIZE]: Buffer size must be a multiple of 16-bits");
    throwsAsNode(() -> b.writeBigUInt64LE(BigInteger.ONE.negate(), 0), "RangeError [ERR_OUT_OF_RANGE]:"
        + " The value of \"value\" is out of range. It must be >= 0n and < 2n ** 64n. Received -1n");
    throwsAsNode(() -> Buffer.alloc(8).writeUInt32LE(1L << 40, 0), "RangeError [ERR_OUT_OF_RANGE]:"
        + " The value of \"value\" is out of range. It must be >= 0 and <= 4294967295."
        + " Received 1_099_511_627_776");
  }

  @Test
  void subarrayAndSliceShareMemoryAndCountNegativeIndexesFromTheEnd() {
    Buffer b = Buffer.from("€uro");
    assertThat(b.subarray(-3).toString()).isEqualTo("uro");
    Buffer mid = b.slice(1, -1);
    assertThat(Vectors.hex(mid)).isEqualTo("82ac7572");
    mid.set(0, 'X');
    assertThat(b.get(1)).isEqualTo('X');
    assertThat(mid.byteOffset()).isEqualTo(b.byteOffset() + 1);
    assertThat(b.subarray(3, 1).length()).isZero();
  }

  @Test
  void copyHandlesOverlapBothWays() {
    Buffer c = Buffer.from("abcdef");
    assertThat(c.copy(c, 2, 0, 4)).isEqualTo(4);
    assertThat(c.toString()).isEqualTo("ababcd");
    Buffer d = Buffer.from("abcdef");
    assertThat(d.copy(d, 0, 2)).isEqualTo(4);
    assertThat(d.toString()).isEqualTo("cdefef");
    Buffer small = Buffer.alloc(2);
    assertThat(Buffer.from("xyz").copy(small)).isEqualTo(2);
    assertThat(small.toString()).isEqualTo("xy");
  }

  @Test
  void searchFollowsNodeOffsetRules() {
    Buffer h = Buffer.from("hello world");
    assertThat(h.indexOf("o")).isEqualTo(4);
    assertThat(h.lastIndexOf("o")).isEqualTo(7);
    assertThat(h.indexOf("o", -4)).isEqualTo(7);
    assertThat(h.lastIndexOf("o", 5)).isEqualTo(4);
    assertThat(h.indexOf("")).isZero();
    assertThat(h.lastIndexOf("")).isEqualTo(11);
    assertThat(h.indexOf("", 99)).isEqualTo(11);
    assertThat(h.indexOf(0x6f, 5)).isEqualTo(7);
    assertThat(h.includes("wor")).isTrue();
    assertThat(h.indexOf(Buffer.from("ld"))).isEqualTo(9);
    assertThat(h.indexOf("zz")).isEqualTo(-1);
    assertThat(h.lastIndexOf("h", -100)).isEqualTo(-1);
    assertThat(h.indexOf("h", -100)).isZero();
    Buffer u = Buffer.from("a€b", "utf16le");
    assertThat(u.indexOf("€", 0, "utf16le")).isEqualTo(2);
    assertThat(u.indexOf("b", "ucs2")).isEqualTo(4);
  }

  @Test
  void fillRepeatsTheEncodedBytesAndMayCutTheLastCharacter() {
    assertThat(Vectors.hex(Buffer.alloc(7, "€"))).isEqualTo("e282ace282ace2");
    assertThat(Vectors.hex(Buffer.alloc(5, "ab", "utf16le"))).isEqualTo("6100620061");
    assertThat(Vectors.hex(Buffer.alloc(4, "QUI=", "base64"))).isEqualTo("41424142");
    assertThat(Vectors.hex(Buffer.alloc(3, 257))).isEqualTo("010101");
    assertThat(Vectors.hex(Buffer.alloc(4).fill(Buffer.from("xyz"), 1))).isEqualTo("0078797a");
  }

  @Test
  void compareAndConcat() {
    assertThat(Buffer.from("AQID", "base64").compare(Buffer.from(new int[] {1, 2, 4}))).isEqualTo(-1);
    assertThat(Buffer.from(new int[] {1, 2}).compare(Buffer.from(new int[] {0, 1, 2, 3}), 1, 3)).isZero();
    assertThat(Buffer.compare(Buffer.from(new int[] {2}), Buffer.from(new int[] {1, 9}))).isEqualTo(1);
    assertThat(Buffer.concat(List.of(Buffer.from("ab"), Buffer.from("cd")), 3).toString()).isEqualTo("abc");
    assertThat(Vectors.hex(Buffer.concat(List.of(Buffer.from("ab")), 4))).isEqualTo("61620000");
    assertThat(Vectors.hex(Buffer.from(new int[] {257, -1}))).isEqualTo("01ff");
  }

  @Test
  void numbersReadBackAsNodeReadsThem() {
    Buffer n = Buffer.alloc(8);
    assertThat(n.writeDoubleBE(Math.PI, 0)).isEqualTo(8);
    assertThat(Vectors.hex(n)).isEqualTo("400921fb54442d18");
    assertThat(n.readDoubleBE(0)).isEqualTo(Math.PI);
    assertThat(n.readUInt32BE(0)).isEqualTo(1074340347L);
    assertThat(n.readInt32LE(4)).isEqualTo(405619796);
    assertThat(n.readBigUInt64LE(0)).isEqualTo(new BigInteger("1742123762643437888"));
    assertThat(n.readBigInt64BE(0)).isEqualTo(new BigInteger("4614256656552045848"));
    assertThat(n.readUIntBE(1, 6)).isEqualTo(10041555174445L);
    assertThat(n.readIntLE(0, 6)).isEqualTo(75131781187904L);
    assertThat(Buffer.from(new int[] {0xff, 0xfe}).readInt16BE(0)).isEqualTo(-2);
    assertThat(Buffer.from(new int[] {0x80, 0, 0, 0}).readInt32BE(0)).isEqualTo(Integer.MIN_VALUE);
    assertThat(Buffer.from(new int[] {0, 0, 0x80, 0x7f}).readFloatBE(0)).isEqualTo(4.609571298396486e-41);
  }

  @Test
  void stringsSurviveLoneSurrogatesAndInvalidUtf8AsInNode() {
    assertThat(Vectors.hex(Buffer.from("a\ud800b"))).isEqualTo("61efbfbd62");
    assertThat(Vectors.hex(Buffer.from("a\ud800b", "utf16le"))).isEqualTo("610000d86200");
    assertThat(Buffer.from(new int[] {0xed, 0xa0, 0x80}).toString()).isEqualTo("\ufffd\ufffd\ufffd");
    assertThat(Buffer.from(new int[] {0xf0, 0x90, 0x80, 0x41}).toString()).isEqualTo("\ufffdA");
    assertThat(Buffer.from(new int[] {0xff, 0x80, 0x41}).toString("ascii")).isEqualTo("\u007f\u0000A");
    assertThat(Buffer.from("Q*UJD", "base64").toString()).isEqualTo("ABC");
    assertThat(Buffer.from("ab1zcd", "hex").length()).isEqualTo(1);
    assertThat(Buffer.from(new int[] {0xfb, 0xff}).toString("base64url")).isEqualTo("-_8");
    Buffer w = Buffer.alloc(3);
    assertThat(w.write("😀")).isZero(); // never part of a character
    assertThat(Buffer.byteLength("a\ud800😀é")).isEqualTo(10);
    assertThat(Buffer.alloc(0).toString("bogus")).isEmpty(); // Node checks the range first
  }

  @Test
  void encodingNamesAreCaseInsensitiveAndEmptyMeansUtf8WhereNodeSaysSo() {
    assertThat(Buffer.isEncoding("UTF-16LE")).isTrue();
    assertThat(Buffer.isEncoding("Binary")).isTrue();
    assertThat(Buffer.isEncoding("")).isFalse();
    assertThat(Buffer.isEncoding("utf32")).isFalse();
    assertThat(Encoding.of("UCS-2")).isEqualTo(Encoding.UTF16LE);
    assertThat(Buffer.from("é", "").toString("latin1")).isEqualTo("\u00c3\u00a9");
    assertThatThrownBy(() -> Buffer.from("a").toString(""))
        .isInstanceOfSatisfying(NodeError.class, e -> assertThat(e.code()).isEqualTo("ERR_UNKNOWN_ENCODING"));
    assertThat(new StringDecoder("").encoding()).isEqualTo(Encoding.UTF8);
    assertThat(Buffer.byteLength("é", "bogus")).isEqualTo(2); // Node falls back to utf8 here
  }

  @Test
  void inspectAndEquality() {
    assertThat(Buffer.from("hi").inspect()).isEqualTo("<Buffer 68 69>");
    assertThat(Buffer.alloc(52).inspect()).endsWith("00 ... 2 more bytes>");
    Buffer a = Buffer.from("xabcx").subarray(1, 4);
    assertThat(a).isEqualTo(Buffer.from("abc")).hasSameHashCodeAs(Buffer.from("abc"));
    assertThat(Buffer.from(a).buffer()).hasSize(3);
  }
}
