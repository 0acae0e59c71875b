package dev.nodus.net;

import dev.nodus.internal.dns.Ip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Node's textual IP address checks ({@code lib/internal/net.js}): the same regular
 * expressions, so {@code isIP} gives Node's answer for every input, including IPv6 zones and
 * embedded IPv4.
 *
 * <p>Also the text-to-bytes and bytes-to-text conversions that {@code net.SocketAddress} gets
 * from libuv ({@code uv_ip4_addr}, {@code uv_ip6_addr}, {@code uv_inet_ntop}). They accept a
 * little more than {@code isIP} (an empty or odd zone, text after a NUL), so they are kept
 * apart from the regular expressions.
 */
final class IpAddresses {
  private static final String V4_SEG = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
  private static final String V4_STR = "(?:" + V4_SEG + "\\.){3}" + V4_SEG;
  private static final String V6_SEG = "(?:[0-9a-fA-F]{1,4})";

  static final Pattern IPV4 = Pattern.compile("^" + V4_STR + "$");
  static final Pattern IPV6 =
      Pattern.compile(
          "^(?:"
              + "(?:" + V6_SEG + ":){7}(?:" + V6_SEG + "|:)|"
              + "(?:" + V6_SEG + ":){6}(?:" + V4_STR + "|:" + V6_SEG + "|:)|"
              + "(?:" + V6_SEG + ":){5}(?::" + V4_STR + "|(?::" + V6_SEG + "){1,2}|:)|"
              + "(?:" + V6_SEG + ":){4}(?:(?::" + V6_SEG + "){0,1}:" + V4_STR + "|(?::" + V6_SEG + "){1,3}|:)|"
              + "(?:" + V6_SEG + ":){3}(?:(?::" + V6_SEG + "){0,2}:" + V4_STR + "|(?::" + V6_SEG + "){1,4}|:)|"
              + "(?:" + V6_SEG + ":){2}(?:(?::" + V6_SEG + "){0,3}:" + V4_STR + "|(?::" + V6_SEG + "){1,5}|:)|"
              + "(?:" + V6_SEG + ":){1}(?:(?::" + V6_SEG + "){0,4}:" + V4_STR + "|(?::" + V6_SEG + "){1,6}|:)|"
              + "(?::(?:(?::" + V6_SEG + "){0,5}:" + V4_STR + "|(?::" + V6_SEG + "){1,7}|:))"
              + ")(?:%[0-9a-zA-Z-.:]{1,})?$");

  private IpAddresses() {}

  static boolean isIPv4(String s) {
    return s != null && IPV4.matcher(s).matches();
  }

  static boolean isIPv6(String s) {
    return s != null && IPV6.matcher(s).matches();
  }

  static int isIP(String s) {
    return isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0;
  }

  /** libuv copies the text before a zone into a 40-byte buffer, keeping at most 39 bytes. */
  private static final int ZONE_ADDRESS_MAX = 39;

  /**
   * Parses an address as {@code uv_ip4_addr} or {@code uv_ip6_addr} does. Node hands libuv a C
   * string, so text after a NUL is never seen; for IPv6 the zone after the first {@code %} is
   * dropped whatever it holds, and a long address part before it is cut to 39 bytes.
   *
   * @return 4 or 16 bytes, or null when libuv would refuse the text
   */
  static byte[] parse(String text, boolean v6) {
    byte[] s = text.getBytes(StandardCharsets.UTF_8);
    int end = indexOf(s, (byte) 0, s.length);
    if (!v6) {
      byte[] out = new byte[4];
      return parse4(s, 0, end, out, 0) ? out : null;
    }
    int zone = indexOf(s, (byte) '%', end);
    if (zone < end) {
      end = Math.min(zone, ZONE_ADDRESS_MAX);
    }
    return parse6(s, end);
  }

  private static int indexOf(byte[] s, byte b, int end) {
    for (int i = 0; i < end; i++) {
      if (s[i] == b) {
        return i;
      }
    }
    return end;
  }

  /** Strict dotted quad: four decimal octets, no leading zeros, nothing else. */
  private static boolean parse4(byte[] s, int from, int to, byte[] out, int at) {
    int octets = 0;
    int value = -1;
    for (int i = from; i < to; i++) {
      int c = s[i];
      if (c >= '0' && c <= '9') {
        if (value == 0) {
          return false;
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255) {
          return false;
        }
      } else if (c == '.' && value >= 0 && octets < 3) {
        out[at + octets++] = (byte) value;
        value = -1;
      } else {
        return false;
      }
    }
    if (value < 0 || octets != 3) {
      return false;
    }
    out[at + 3] = (byte) value;
    return true;
  }

  /**
   * Groups of one to four hex digits separated by colons, one {@code ::} at most, optionally a
   * dotted quad in place of the last two groups. As in libuv, {@code ::} must stand for at least
   * one group and a trailing single colon is refused.
   */
  private static byte[] parse6(byte[] s, int end) {
    byte[] out = new byte[16];
    int i = 0;
    if (end > 0 && s[0] == ':') {
      if (end < 2 || s[1] != ':') {
        return null;
      }
      i = 1;
    }
    int filled = 0;
    int gap = -1;
    int group = i;
    int digits = 0;
    int value = 0;
    for (; i < end; i++) {
      int c = s[i];
      int hex = c < 0 ? -1 : Character.digit(c, 16);
      if (hex >= 0) {
        if (++digits > 4) {
          return null;
        }
        value = value << 4 | hex;
      } else if (c == ':') {
        group = i + 1;
        if (digits == 0) {
          if (gap >= 0) {
            return null;
          }
          gap = filled;
          continue;
        }
        if (i + 1 == end || filled + 2 > 16) {
          return null;
        }
        out[filled++] = (byte) (value >> 8);
        out[filled++] = (byte) value;
        digits = 0;
        value = 0;
      } else if (c == '.' && filled + 4 <= 16 && parse4(s, group, end, out, filled)) {
        filled += 4;
        digits = 0;
        break;
      } else {
        return null;
      }
    }
    if (digits > 0) {
      if (filled + 2 > 16) {
        return null;
      }
      out[filled++] = (byte) (value >> 8);
      out[filled++] = (byte) value;
    }
    if (gap >= 0) {
      if (filled == 16) {
        return null;
      }
      int moved = filled - gap;
      System.arraycopy(out, gap, out, 16 - moved, moved);
      Arrays.fill(out, gap, 16 - moved, (byte) 0);
      filled = 16;
    }
    return filled == 16 ? out : null;
  }

  /**
   * Formats 4 or 16 bytes as {@code uv_inet_ntop} does: lowercase hex, the first longest run of
   * two or more zero groups as {@code ::}, and a dotted quad for {@code ::a.b.c.d} and
   * {@code ::ffff:a.b.c.d}.
   */
  static String format(byte[] b) {
    return Ip.format(b);
  }
}
