package dev.nodus.internal.dns;

/** IPv6 text helpers: Node prints addresses as libuv's inet_ntop does (RFC 5952 form). */
public final class Ip {
  private Ip() {}

  /** Compresses the JDK's full IPv6 text ({@code 0:0:0:0:0:0:0:1}) to {@code ::1}, keeping a %scope. */
  public static String compress(String full) {
    String scope = "";
    int pct = full.indexOf('%');
    if (pct >= 0) {
      scope = full.substring(pct);
      full = full.substring(0, pct);
    }
    String[] parts = full.split(":", -1);
    if (parts.length != 8) {
      return full + scope;
    }
    int[] v = new int[8];
    for (int i = 0; i < 8; i++) {
      v[i] = Integer.parseInt(parts[i], 16);
    }
    // IPv4-mapped addresses print with a dotted tail, as inet_ntop does.
    boolean mapped = v[0] == 0 && v[1] == 0 && v[2] == 0 && v[3] == 0 && v[4] == 0 && v[5] == 0xffff;
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (v[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && v[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    StringBuilder sb = new StringBuilder();
    int end = mapped ? 6 : 8;
    for (int i = 0; i < end; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        if (i >= end - 1) {
          continue;
        }
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(v[i]));
    }
    if (mapped) {
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(v[6] >> 8).append('.').append(v[6] & 0xff).append('.')
          .append(v[7] >> 8).append('.').append(v[7] & 0xff);
    }
    return sb + scope;
  }
}
