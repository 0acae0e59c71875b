package dev.nodus.internal.buffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Node's base64 and base64url. Encoding is the JDK's (padded for base64, unpadded for
 * base64url, as Node). Decoding copies Node's lenient decoder ({@code src/base64-inl.h}
 * {@code base64_decode}): both alphabets are accepted, characters outside them are skipped,
 * the first {@code '='} ends the input, and a final lone character is dropped.
 */
public final class Base64Codec {
  private Base64Codec() {}

  private static final byte[] UNBASE64 = new byte[256];

  static {
    java.util.Arrays.fill(UNBASE64, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; i++) {
      UNBASE64[alphabet.charAt(i)] = (byte) i;
    }
    UNBASE64['-'] = 62;
    UNBASE64['_'] = 63;
  }

  /**
   * Encodes bytes. Node: {@code buf.base64Slice()} / {@code buf.base64urlSlice()}.
   *
   * @param a the bytes
   * @param off where to start
   * @param len how many bytes
   * @param url base64url (no padding) instead of base64
   * @return the text
   */
  public static String encode(byte[] a, int off, int len, boolean url) {
    Base64.Encoder enc = url ? Base64.getUrlEncoder().withoutPadding() : Base64.getEncoder();
    ByteBuffer out = enc.encode(ByteBuffer.wrap(a, off, len));
    return new String(out.array(), out.arrayOffset() + out.position(), out.remaining(),
        StandardCharsets.ISO_8859_1);
  }

  /**
   * Returns the length Node reserves for a decoded string. Node: {@code base64ByteLength()} in
   * {@code lib/buffer.js}; it can overestimate (whitespace, junk) but never underestimates
   * well-formed input.
   *
   * @param s the base64 text
   * @return the number of bytes
   */
  public static int byteLength(String s) {
    int bytes = s.length();
    if (bytes > 0 && s.charAt(bytes - 1) == '=') {
      bytes--;
    }
    if (bytes > 1 && s.charAt(bytes - 1) == '=') {
      bytes--;
    }
    return (int) (((long) bytes * 3) >>> 2);
  }

  /** Node: {@code base64_decoded_size()}. */
  private static int decodedSize(String s) {
    int size = s.length();
    if (size < 2) {
      return 0;
    }
    if (s.charAt(size - 1) == '=') {
      size--;
      if (s.charAt(size - 1) == '=') {
        size--;
      }
    }
    return size > 1 ? (size / 4) * 3 + (size % 4 + 1) / 2 : 0;
  }

  /**
   * Decodes into {@code dst}, writing at most {@code dstLen} bytes, as Node's
   * {@code buf.base64Write()} does.
   *
   * @param s the text (either alphabet)
   * @param dst the destination
   * @param off where to write
   * @param dstLen how many bytes may be written
   * @return the number of bytes written
   */
  public static int decode(String s, byte[] dst, int off, int dstLen) {
    return decodeFast(s, dst, off, dstLen);
  }

  /**
   * Decodes a whole string as {@code Buffer.from(s, 'base64')} does.
   *
   * @param s the text
   * @return the bytes
   */
  public static byte[] decode(String s) {
    // Node gives the decoder at least byteLength(s) bytes of room. That is enough: every 4
    // legal characters make 3 bytes, and byteLength() counts every character but the padding,
    // so only skipped characters (whitespace, junk) make the result shorter.
    byte[] dst = new byte[byteLength(s)];
    int n = decode(s, dst, 0, dst.length);
    return n == dst.length ? dst : java.util.Arrays.copyOf(dst, n);
  }

  /**
   * Node's {@code base64_decode_fast}: whole groups of 4 legal characters at a time, and
   * {@link #slowGroup} from the first group holding anything else. Characters are truncated to
   * 8 bits before lookup, as Node does for two-byte strings.
   */
  private static int decodeFast(String src, byte[] dst, int off, int dstLen) {
    int srclen = src.length();
    int maxK = Math.min(dstLen, decodedSize(src)) / 3 * 3;
    int maxI = srclen / 4 * 4;
    int i = 0;
    int k = 0;
    while (i < maxI && k < maxK) {
      int a = UNBASE64[src.charAt(i) & 0xFF];
      int b = UNBASE64[src.charAt(i + 1) & 0xFF];
      int c = UNBASE64[src.charAt(i + 2) & 0xFF];
      int d = UNBASE64[src.charAt(i + 3) & 0xFF];
      if ((a | b | c | d) < 0) {
        long r = slowGroup(src, dst, off, dstLen, i, k);
        if (r < 0) {
          return (int) ~r;
        }
        i = (int) (r >>> 32);
        k = (int) r;
        maxI = i + (srclen - i) / 4 * 4; // realign
      } else {
        int v = a << 18 | b << 12 | c << 6 | d;
        dst[off + k] = (byte) (v >> 16);
        dst[off + k + 1] = (byte) (v >> 8);
        dst[off + k + 2] = (byte) v;
        i += 4;
        k += 3;
      }
    }
    if (i < srclen && k < dstLen) {
      long r = slowGroup(src, dst, off, dstLen, i, k);
      k = r < 0 ? (int) ~r : (int) r;
    }
    return k;
  }

  /**
   * Node's {@code base64_decode_group_slow}: decodes one group of four legal characters,
   * skipping others; {@code '='} or the end of input stops. Returns {@code (i << 32) | k} to go
   * on, or {@code ~k} (negative) to stop.
   */
  private static long slowGroup(String src, byte[] dst, int off, int dstLen, int i, int k) {
    int srclen = src.length();
    int hi = 0;
    for (int group = 0; group < 4; group++) {
      int lo;
      for (;;) {
        int c = src.charAt(i) & 0xFF;
        lo = UNBASE64[c];
        i++;
        if (lo >= 0) {
          break;
        }
        if (c == '=' || i >= srclen) {
          return ~(long) k;
        }
      }
      if (group == 1) {
        dst[off + k++] = (byte) (((hi & 0x3F) << 2) | ((lo & 0x30) >> 4));
      } else if (group == 2) {
        dst[off + k++] = (byte) (((hi & 0x0F) << 4) | ((lo & 0x3C) >> 2));
      } else if (group == 3) {
        dst[off + k++] = (byte) (((hi & 0x03) << 6) | (lo & 0x3F));
      }
      if (i >= srclen || k >= dstLen) {
        return ~(long) k;
      }
      hi = lo;
    }
    return ((long) i << 32) | k;
  }
}
