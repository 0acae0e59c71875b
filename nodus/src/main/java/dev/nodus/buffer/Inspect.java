package dev.nodus.buffer;

/**
 * The parts of Node's {@code util.inspect()} that error messages quote: strings and Buffers
 * ({@code lib/internal/util/inspect.js} {@code strEscape}, {@code Buffer.prototype[inspect]}).
 */
final class Inspect {
  private Inspect() {}

  /** Node's INSPECT_MAX_BYTES default. */
  static final int INSPECT_MAX_BYTES = 50;

  /** Quotes a string as inspect() does: ', else " if it holds ', else ` if it holds both. */
  static String string(String str) {
    int quote = '\'';
    if (str.indexOf('\'') >= 0) {
      if (str.indexOf('"') < 0) {
        quote = '"';
      } else if (str.indexOf('`') < 0 && !str.contains("${")) {
        quote = '`';
      }
    }
    StringBuilder out = new StringBuilder(str.length() + 2).append((char) quote);
    int n = str.length();
    for (int i = 0; i < n; i++) {
      char c = str.charAt(i);
      if ((c == '\'' && quote == '\'') || c == '\\' || c < 0x20 || (c > 0x7e && c < 0xa0)) {
        out.append(meta(c));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(str.charAt(i + 1))) {
          out.append(c).append(str.charAt(++i));
        } else {
          out.append("\\u").append(Integer.toHexString(c));
        }
      } else {
        out.append(c);
      }
    }
    return out.append((char) quote).toString();
  }

  private static String meta(char c) {
    switch (c) {
      case '\b':
        return "\\b";
      case '\t':
        return "\\t";
      case '\n':
        return "\\n";
      case '\f':
        return "\\f";
      case '\r':
        return "\\r";
      case '\'':
        return "\\'";
      case '\\':
        return "\\\\";
      default:
        return String.format("\\x%02X", (int) c);
    }
  }

  /** {@code <Buffer 01 02 ... N more bytes>}. */
  static String buffer(Buffer b) {
    StringBuilder out = new StringBuilder("<Buffer ");
    int max = Math.min(INSPECT_MAX_BYTES, b.length());
    for (int i = 0; i < max; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(Character.forDigit(b.get(i) >> 4, 16)).append(Character.forDigit(b.get(i) & 0xF, 16));
    }
    int remaining = b.length() - INSPECT_MAX_BYTES;
    if (remaining > 0) {
      out.append(" ... ").append(remaining).append(" more byte").append(remaining > 1 ? "s" : "");
    }
    return out.append('>').toString();
  }
}
