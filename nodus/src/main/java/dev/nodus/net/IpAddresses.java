package dev.nodus.net;

import java.util.regex.Pattern;

/**
 * Node's textual IP address checks ({@code lib/internal/net.js}): the same regular
 * expressions, so {@code isIP} gives Node's answer for every input, including IPv6 zones and
 * embedded IPv4.
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
}
