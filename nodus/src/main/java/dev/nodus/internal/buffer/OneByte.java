package dev.nodus.internal.buffer;

import java.nio.charset.StandardCharsets;

/**
 * Node's one-byte encodings. {@code latin1} maps bytes to U+0000..U+00FF; {@code ascii} does
 * the same after clearing the high bit (Node v20). Encoding either keeps each char's low 8
 * bits, which is exactly what {@link String#getBytes(int, int, byte[], int)} does.
 */
public final class OneByte {
  private OneByte() {}

  /**
   * Decodes bytes as latin1. Node: {@code buf.latin1Slice()}.
   *
   * @param a the bytes
   * @param off where to start
   * @param len how many bytes
   * @return the text
   */
  public static String latin1(byte[] a, int off, int len) {
    return new String(a, off, len, StandardCharsets.ISO_8859_1);
  }

  /**
   * Decodes bytes as ascii, clearing each byte's high bit. Node: {@code buf.asciiSlice()}.
   *
   * @param a the bytes
   * @param off where to start
   * @param len how many bytes
   * @return the text
   */
  public static String ascii(byte[] a, int off, int len) {
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (a[i] < 0) {
        byte[] b = java.util.Arrays.copyOfRange(a, off, end);
        for (int j = i - off; j < len; j++) {
          b[j] &= 0x7F;
        }
        return new String(b, StandardCharsets.ISO_8859_1);
      }
    }
    return new String(a, off, len, StandardCharsets.ISO_8859_1);
  }

  /**
   * Encodes a string, keeping the low 8 bits of each char. Node: {@code Buffer.from(s, 'latin1')}.
   *
   * @param s the text
   * @return the bytes
   */
  public static byte[] encode(String s) {
    byte[] out = new byte[s.length()];
    write(s, out, 0, out.length);
    return out;
  }

  /**
   * Writes at most {@code cap} chars, one byte each. Node: {@code buf.latin1Write()}.
   *
   * @param s the text
   * @param dst the destination
   * @param off where to write
   * @param cap how many bytes may be written
   * @return the number of bytes written
   */
  @SuppressWarnings("deprecation") // deprecated for charsets, but its low-8-bits copy is Node's latin1
  public static int write(String s, byte[] dst, int off, int cap) {
    int n = Math.min(s.length(), cap);
    s.getBytes(0, n, dst, off);
    return n;
  }
}
