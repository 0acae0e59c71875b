package dev.nodus.events;

/**
 * The little of Node's {@code util.inspect} that error messages need: how a value that is not
 * an Error appears in {@code Unhandled error. (…)}. Strings are quoted as inspect quotes them;
 * numbers print as JavaScript prints them; other objects use their {@code toString()}.
 */
final class Inspect {
  private Inspect() {}

  static String inspect(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof CharSequence s) {
      return quote(s.toString());
    }
    if (v instanceof Double || v instanceof Float) {
      return number(((Number) v).doubleValue());
    }
    return String.valueOf(v);
  }

  /** lib/internal/util/inspect.js strEscape: single quotes unless the string contains them. */
  static String quote(String s) {
    char q = '\'';
    if (s.indexOf('\'') >= 0) {
      if (s.indexOf('"') < 0) {
        q = '"';
      } else if (s.indexOf('`') < 0 && s.indexOf("${") < 0) {
        q = '`';
      }
    }
    StringBuilder sb = new StringBuilder(s.length() + 2).append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\u000b' -> sb.append("\\v");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c == q) {
            sb.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append(q).toString();
  }

  private static String number(double d) {
    if (d == 0 && 1 / d < 0) {
      return "-0";
    }
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }
}
