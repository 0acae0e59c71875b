package dev.nodus.http;

import dev.nodus.NodeError;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Node's header validators ({@code _http_common}, {@code _http_outgoing}) and its Date cache. */
final class OutgoingHeaders {
  private OutgoingHeaders() {}

  private static final boolean[] TOKEN = new boolean[128];

  static {
    // _http_common tokenRegExp: /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/
    for (char c = 'a'; c <= 'z'; c++) {
      TOKEN[c] = true;
      TOKEN[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      TOKEN[c] = true;
    }
    for (char c : "^_`-!#$%&'*+.|~".toCharArray()) {
      TOKEN[c] = true;
    }
  }

  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || !TOKEN[c]) {
        return false;
      }
    }
    return true;
  }

  /** _http_common checkInvalidHeaderChar: /[^\t\x20-\x7e\x80-\xff]/. */
  static boolean hasInvalidChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '\t' || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff))) {
        return true;
      }
    }
    return false;
  }

  static void validateHeaderName(String name) {
    if (name == null || !isToken(name)) {
      throw NodeError.typeError("ERR_INVALID_HTTP_TOKEN",
          "Header name must be a valid HTTP token [\"" + name + "\"]");
    }
  }

  static void validateHeaderValue(String name, Object value) {
    if (value == null) {
      throw NodeError.typeError("ERR_HTTP_INVALID_HEADER_VALUE",
          "Invalid value \"undefined\" for header \"" + name + "\"");
    }
    if (hasInvalidChar(jsString(value))) {
      throw NodeError.typeError("ERR_INVALID_CHAR",
          "Invalid character in header content [\"" + name + "\"]");
    }
  }

  /** JavaScript's {@code String(value)} for the values a header may hold. */
  static String jsString(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
      return Long.toString(d.longValue());
    }
    if (value instanceof Float f && f == Math.rint(f) && !Float.isInfinite(f)) {
      return Long.toString(f.longValue());
    }
    if (value instanceof List<?> l) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(jsString(l.get(i)));
      }
      return b.toString();
    }
    return String.valueOf(value);
  }

  static NodeError headersSent(String arg) {
    return new NodeError("ERR_HTTP_HEADERS_SENT",
        "Cannot " + arg + " headers after they are sent to the client");
  }

  // ---- Date: internal/http utcDate, a string cached for the rest of the current second -----

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
  private static volatile String dateCache;
  private static volatile long dateCacheSecond = Long.MIN_VALUE;

  /** {@code new Date().toUTCString()}, formatted at most once per second. */
  static String utcDate() {
    long now = System.currentTimeMillis();
    long second = Math.floorDiv(now, 1000);
    String d = dateCache;
    if (second != dateCacheSecond || d == null) {
      d = IMF_FIXDATE.format(ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(now), ZoneOffset.UTC));
      dateCache = d;
      dateCacheSecond = second;
    }
    return d;
  }
}
