package dev.nodus.internal.dns;

import java.util.Arrays;

/** Address text: Node prints addresses as libuv's inet_ntop does (RFC 5952 form). */
public final class Ip {
  private Ip() {}

  /**
   * An address as libuv's {@code inet_ntop} prints it, which Node shows: dotted IPv4; IPv6 with
   * the longest run of two or more zero groups as {@code ::} (the first such run on a tie), lower
   * case hex, and a dotted tail for IPv4-mapped ({@code ::ffff:1.2.3.4}) and IPv4-compatible
   * ({@code ::1.2.3.4}) forms.
   *
   * @param b 4 or 16 address bytes
   * @return the text, without zone
   */
  public static String format(byte[] b) {
    if (b.length == 4) {
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }
    int[] w = new int[8];
    for (int i = 0; i < 8; i++) {
      w[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
    }
    int best = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && w[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        best = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    if (bestLen < 2) {
      best = -1;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (best >= 0 && i >= best && i < best + bestLen) {
        if (i == best) {
          sb.append(':');
        }
        continue;
      }
      if (i != 0) {
        sb.append(':');
      }
      if (i == 6 && best == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xffff)) {
        sb.append(format(Arrays.copyOfRange(b, 12, 16)));
        return sb.toString();
      }
      sb.append(Integer.toHexString(w[i]));
    }
    if (best >= 0 && best + bestLen == 8) {
      sb.append(':');
    }
    return sb.toString();
  }
}
