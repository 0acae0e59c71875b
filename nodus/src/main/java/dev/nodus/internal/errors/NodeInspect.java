package dev.nodus.internal.errors;

/**
 * How Node's {@code util.inspect()} shows a string in error messages
 * ({@code lib/internal/util/inspect.js} strEscape), shared by every module that quotes one.
 */
public final class NodeInspect {
  private NodeInspect() {}

  /**
   * Quotes a string as inspect() does: single quotes, else double quotes if it holds a single
   * one, else backticks if it holds both (and no {@code ${}}); control characters, C1 controls
   * and lone surrogates escaped.
   *
   * @param str the string
   * @return its inspect() text
   */
  public static String string(String str) {
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
    return switch (c) {
      case '\b' -> "\\b";
      case '\t' -> "\\t";
      case '\n' -> "\\n";
      case '\f' -> "\\f";
      case '\r' -> "\\r";
      case '\'' -> "\\'";
      case '\\' -> "\\\\";
      default -> String.format("\\x%02X", (int) c);
    };
  }
}
