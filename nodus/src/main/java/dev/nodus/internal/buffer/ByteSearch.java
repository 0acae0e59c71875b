package dev.nodus.internal.buffer;

import java.util.Arrays;

/**
 * The search behind {@code buf.indexOf()} and {@code buf.lastIndexOf()}, with Node's rules for
 * the start offset ({@code IndexOfOffset} in {@code src/node_buffer.cc}) and its search over
 * bytes or, for {@code utf16le}, over aligned 16-bit units ({@code nbytes::SearchString}).
 */
public final class ByteSearch {
  private ByteSearch() {}

  /**
   * Node's {@code IndexOfOffset}: where a search starts, or -1 when nothing can match.
   *
   * @param length the haystack length
   * @param offset the caller's byte offset (negative counts from the end)
   * @param needleLength the needle length
   * @param forward indexOf rather than lastIndexOf
   * @return the start, or -1
   */
  public static long indexOfOffset(long length, long offset, long needleLength, boolean forward) {
    if (offset < 0) {
      if (offset + length >= 0) {
        return length + offset; // negative offsets count back from the end
      } else if (forward || needleLength == 0) {
        return 0; // indexOf from before the start: search everything
      } else {
        return -1; // lastIndexOf from before the start: no match
      }
    }
    if (offset + needleLength <= length) {
      return offset;
    } else if (needleLength == 0) {
      return length; // past the end with an empty needle: the end
    } else if (forward) {
      return -1;
    } else {
      return length - 1; // lastIndexOf from past the end: search everything
    }
  }

  /**
   * Node's {@code IndexOfBuffer}/{@code IndexOfString} once the needle is bytes.
   *
   * @param h the haystack array
   * @param hOff where the haystack starts
   * @param hLen the haystack length
   * @param n the needle array
   * @param nOff where the needle starts
   * @param nLen the needle length
   * @param byteOffset the caller's offset
   * @param ucs2 search aligned 16-bit units (Node's {@code utf16le} rules)
   * @param forward indexOf rather than lastIndexOf
   * @return the index relative to {@code hOff}, or -1
   */
  public static int indexOf(byte[] h, int hOff, int hLen, byte[] n, int nOff, int nLen,
      long byteOffset, boolean ucs2, boolean forward) {
    long opt = indexOfOffset(hLen, byteOffset, nLen, forward);
    if (nLen == 0) {
      return (int) opt; // as String#indexOf: an empty needle matches at the start offset
    }
    if (hLen == 0 || opt <= -1) {
      return -1;
    }
    int offset = (int) opt;
    if ((forward && nLen + offset > hLen) || nLen > hLen) {
      return -1;
    }
    if (ucs2) {
      if (hLen < 2 || nLen < 2) {
        return -1;
      }
      int units = hLen / 2;
      int r = search(h, hOff, units, n, nOff, nLen / 2, offset / 2, forward, 2);
      // Node compares result * 2 with the byte length, so for an odd-length haystack a miss
      // comes back as hLen - 1 (src/node_buffer.cc IndexOfBuffer); kept for parity.
      int result = (r < 0 ? units : r) * 2;
      return result == hLen ? -1 : result;
    }
    return search(h, hOff, hLen, n, nOff, nLen, offset, forward, 1);
  }

  /**
   * {@code nbytes::SearchString}: the first match at or after {@code start}, or the last at or
   * before it, counting in units of {@code w} bytes. Returns the unit index or -1.
   */
  private static int search(byte[] h, int hOff, int hUnits, byte[] n, int nOff, int nUnits,
      int start, boolean forward, int w) {
    if (hUnits < nUnits) {
      return -1;
    }
    int last = hUnits - nUnits;
    int nBytes = nUnits * w;
    if (forward) {
      for (int i = start; i <= last; i++) {
        int p = hOff + i * w;
        if (h[p] == n[nOff] && (w == 1 || h[p + 1] == n[nOff + 1])
            && Arrays.equals(h, p, p + nBytes, n, nOff, nOff + nBytes)) {
          return i;
        }
      }
    } else {
      for (int i = Math.min(start, last); i >= 0; i--) {
        int p = hOff + i * w;
        if (h[p] == n[nOff] && Arrays.equals(h, p, p + nBytes, n, nOff, nOff + nBytes)) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * Node's {@code IndexOfNumber}: the low 8 bits of {@code value}.
   *
   * @param h the haystack array
   * @param hOff where the haystack starts
   * @param hLen the haystack length
   * @param value the byte value
   * @param byteOffset the caller's offset
   * @param forward indexOf rather than lastIndexOf
   * @return the index relative to {@code hOff}, or -1
   */
  public static int indexOf(byte[] h, int hOff, int hLen, int value, long byteOffset, boolean forward) {
    long opt = indexOfOffset(hLen, byteOffset, 1, forward);
    if (opt <= -1 || hLen == 0) {
      return -1;
    }
    byte b = (byte) value;
    if (forward) {
      for (int i = (int) opt; i < hLen; i++) {
        if (h[hOff + i] == b) {
          return i;
        }
      }
    } else {
      for (int i = (int) opt; i >= 0; i--) {
        if (h[hOff + i] == b) {
          return i;
        }
      }
    }
    return -1;
  }
}
