package dev.nodus.internal.buffer;

/**
 * Node's {@code utf16le} ({@code ucs2}): UTF-16 code units, little-endian, copied as they are.
 * Lone surrogates survive both ways (the JDK's UTF-16 charsets would replace them), a final odd
 * byte is ignored, and bounded writes may split a surrogate pair, as Node's do.
 */
public final class Ucs2 {
  private Ucs2() {}

  /**
   * Decodes bytes. Node: {@code buf.ucs2Slice()}.
   *
   * @param a the bytes
   * @param off where to start
   * @param len how many bytes; a final odd byte is ignored
   * @return the text
   */
  public static String decode(byte[] a, int off, int len) {
    int n = len >>> 1;
    char[] c = new char[n];
    for (int i = 0, p = off; i < n; i++, p += 2) {
      c[i] = (char) ((a[p] & 0xFF) | (a[p + 1] << 8));
    }
    return new String(c);
  }

  /**
   * Encodes a string. Node: {@code Buffer.from(s, 'utf16le')}.
   *
   * @param s the text
   * @return the bytes
   */
  public static byte[] encode(String s) {
    byte[] out = new byte[s.length() * 2];
    write(s, out, 0, out.length);
    return out;
  }

  /**
   * Writes whole code units, at most {@code cap / 2}. Node: {@code buf.ucs2Write()}.
   *
   * @param s the text
   * @param dst the destination
   * @param off where to write
   * @param cap how many bytes may be written
   * @return the number of bytes written
   */
  public static int write(String s, byte[] dst, int off, int cap) {
    int n = Math.min(s.length(), cap >>> 1);
    for (int i = 0, p = off; i < n; i++, p += 2) {
      char c = s.charAt(i);
      dst[p] = (byte) c;
      dst[p + 1] = (byte) (c >> 8);
    }
    return n * 2;
  }
}
