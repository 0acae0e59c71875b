package dev.nodus.internal.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 exactly as Node (V8) does it: decoding replaces every maximal invalid subpart with
 * U+FFFD (the WHATWG Encoding Standard's decoder), encoding writes a lone surrogate as U+FFFD
 * ({@code EF BF BD}), and bounded writes never emit part of a character.
 *
 * <p>The JDK's codecs are used whenever their output is known to be identical, because they
 * are much faster than a hand loop (vectorised ASCII checks, compact strings): the JDK only
 * differs from V8 on malformed input, which it always marks with U+FFFD or {@code '?'}.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * Decodes bytes. Node: {@code buf.utf8Slice()} / V8 {@code String::NewFromUtf8}.
   *
   * @param a the bytes
   * @param off where to start
   * @param len how many bytes
   * @return the text
   */
  public static String decode(byte[] a, int off, int len) {
    if (len == 0) {
      return "";
    }
    String s = new String(a, off, len, StandardCharsets.UTF_8);
    // The JDK rejects exactly what WHATWG rejects (overlongs, surrogates, > U+10FFFF, truncated
    // sequences), so without U+FFFD the input was valid and the result is V8's. With one, the
    // JDK's count of replacement chars can differ from V8's: decode again, the WHATWG way.
    // indexOf on a Latin-1 (compact) string returns at once for a char above 0xFF.
    if (s.indexOf('\uFFFD') < 0) {
      return s;
    }
    return decodeWhatwg(a, off, len);
  }

  /**
   * The WHATWG UTF-8 decoder (https://encoding.spec.whatwg.org/#utf-8-decoder), as V8's
   * {@code Utf8Decoder} implements it: one U+FFFD per maximal subpart of an invalid sequence.
   */
  static String decodeWhatwg(byte[] a, int off, int len) {
    char[] out = new char[len]; // every byte yields at most one char; 4 bytes yield 2
    int o = 0;
    int cp = 0;
    int needed = 0;
    int seen = 0;
    int lower = 0x80;
    int upper = 0xBF;
    int end = off + len;
    int i = off;
    while (i < end) {
      int b = a[i] & 0xFF;
      if (needed == 0) {
        i++;
        if (b < 0x80) {
          out[o++] = (char) b;
        } else if (b >= 0xC2 && b <= 0xDF) {
          needed = 1;
          cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
          if (b == 0xE0) {
            lower = 0xA0;
          } else if (b == 0xED) {
            upper = 0x9F;
          }
          needed = 2;
          cp = b & 0xF;
        } else if (b >= 0xF0 && b <= 0xF4) {
          if (b == 0xF0) {
            lower = 0x90;
          } else if (b == 0xF4) {
            upper = 0x8F;
          }
          needed = 3;
          cp = b & 0x7;
        } else {
          out[o++] = '\uFFFD';
        }
        continue;
      }
      if (b < lower || b > upper) {
        // Not a valid continuation: replace what was read and look at this byte again.
        cp = 0;
        needed = 0;
        seen = 0;
        lower = 0x80;
        upper = 0xBF;
        out[o++] = '\uFFFD';
        continue;
      }
      i++;
      lower = 0x80;
      upper = 0xBF;
      cp = (cp << 6) | (b & 0x3F);
      if (++seen == needed) {
        if (cp >= 0x10000) {
          out[o++] = Character.highSurrogate(cp);
          out[o++] = Character.lowSurrogate(cp);
        } else {
          out[o++] = (char) cp;
        }
        cp = 0;
        needed = 0;
        seen = 0;
      }
    }
    if (needed != 0) {
      out[o++] = '\uFFFD';
    }
    return new String(out, 0, o);
  }

  /**
   * Encodes a string, writing lone surrogates as U+FFFD. Node: {@code Buffer.from(s, 'utf8')}.
   *
   * @param s the text
   * @return the bytes
   */
  public static byte[] encode(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    // The JDK writes '?' for a lone surrogate where V8 writes EF BF BD. So if the output holds
    // no more '?' than the input, there was none (both counts are cheap: a word-at-a-time scan
    // and String.indexOf, which the JIT vectorises).
    int marks = countQuestionMarks(b);
    if (marks == 0 || marks == countQuestionMarks(s)) {
      return b;
    }
    byte[] out = new byte[byteLength(s)];
    write(s, out, 0, out.length);
    return out;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long MARKS = 0x3F3F3F3F3F3F3F3FL;

  /** Counts '?' bytes eight at a time (the exact zero-byte test of Hacker's Delight 6-1). */
  static int countQuestionMarks(byte[] b) {
    int n = 0;
    int i = 0;
    for (int end = b.length - 7; i < end; i += 8) {
      long w = (long) LONGS.get(b, i) ^ MARKS; // a '?' byte becomes 0
      n += Long.bitCount(~(((w & LOW7) + LOW7) | w | LOW7));
    }
    for (; i < b.length; i++) {
      if (b[i] == '?') {
        n++;
      }
    }
    return n;
  }

  private static int countQuestionMarks(String s) {
    int n = 0;
    for (int i = s.indexOf('?'); i >= 0; i = s.indexOf('?', i + 1)) {
      n++;
    }
    return n;
  }

  /**
   * Returns the UTF-8 length of a string, counting a lone surrogate as 3 bytes.
   * Node: {@code Buffer.byteLength(s, 'utf8')}.
   *
   * @param s the text
   * @return the number of bytes
   */
  public static int byteLength(String s) {
    int n = s.length();
    long bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2; // 4 bytes for 2 chars
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return Math.toIntExact(bytes);
  }

  /**
   * Writes as many whole characters as fit in {@code cap} bytes. Node: {@code buf.utf8Write()},
   * which never writes part of a character.
   *
   * @param s the text
   * @param dst the destination
   * @param off where to write
   * @param cap how many bytes may be written
   * @return the number of bytes written
   */
  public static int write(String s, byte[] dst, int off, int cap) {
    int n = s.length();
    int p = off;
    int end = off + cap;
    int i = 0;
    // ASCII run first: the common case, one compare per char.
    int asciiEnd = Math.min(n, cap);
    while (i < asciiEnd) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        break;
      }
      dst[p++] = (byte) c;
      i++;
    }
    for (; i < n; i++) {
      int c = s.charAt(i);
      if (c < 0x80) {
        if (p >= end) {
          break;
        }
        dst[p++] = (byte) c;
      } else if (c < 0x800) {
        if (end - p < 2) {
          break;
        }
        dst[p++] = (byte) (0xC0 | (c >> 6));
        dst[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate((char) c) && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (end - p < 4) {
          break;
        }
        int cp = Character.toCodePoint((char) c, s.charAt(++i));
        dst[p++] = (byte) (0xF0 | (cp >> 18));
        dst[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        dst[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        dst[p++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        if (end - p < 3) {
          break;
        }
        if (Character.isSurrogate((char) c)) {
          c = 0xFFFD; // V8's REPLACE_INVALID_UTF8
        }
        dst[p++] = (byte) (0xE0 | (c >> 12));
        dst[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        dst[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return p - off;
  }
}
