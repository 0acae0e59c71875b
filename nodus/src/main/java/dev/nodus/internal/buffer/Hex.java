package dev.nodus.internal.buffer;

import java.util.HexFormat;

/**
 * Node's {@code hex} encoding: lower-case output; decoding stops at the first pair that is not
 * two hex digits and ignores a final odd digit. Node: {@code nbytes::HexDecode}.
 */
public final class Hex {
  private Hex() {}

  private static final HexFormat LOWER = HexFormat.of();
  private static final byte[] UNHEX = new byte[256];

  static {
    java.util.Arrays.fill(UNHEX, (byte) -1);
    for (int i = 0; i < 10; i++) {
      UNHEX['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      UNHEX['a' + i] = (byte) (10 + i);
      UNHEX['A' + i] = (byte) (10 + i);
    }
  }

  /**
   * Encodes bytes as lower-case hex. Node: {@code buf.hexSlice()}.
   *
   * @param a the bytes
   * @param off where to start
   * @param len how many bytes
   * @return the text
   */
  public static String encode(byte[] a, int off, int len) {
    return LOWER.formatHex(a, off, off + len);
  }

  /**
   * Decodes into {@code dst}, at most {@code dstLen} bytes. Characters are truncated to 8 bits
   * before lookup, as Node does for two-byte strings. Node: {@code buf.hexWrite()}.
   *
   * @param s the text
   * @param dst the destination
   * @param off where to write
   * @param dstLen how many bytes may be written
   * @return the number of bytes written
   */
  public static int decode(String s, byte[] dst, int off, int dstLen) {
    int srcLen = s.length();
    int i = 0;
    for (; i < dstLen && i * 2 + 1 < srcLen; i++) {
      int a = UNHEX[s.charAt(i * 2) & 0xFF];
      int b = UNHEX[s.charAt(i * 2 + 1) & 0xFF];
      if ((a | b) < 0) {
        return i;
      }
      dst[off + i] = (byte) (a << 4 | b);
    }
    return i;
  }

  /**
   * Decodes a whole string. Node: {@code Buffer.from(s, 'hex')}.
   *
   * @param s the text
   * @return the bytes
   */
  public static byte[] decode(String s) {
    byte[] out = new byte[s.length() >>> 1];
    int n = decode(s, out, 0, out.length);
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }
}
