package dev.nodus.internal.errors;

import dev.nodus.NodeError;

/**
 * Argument errors several modules throw, with Node's codes, classes and message text
 * ({@code lib/internal/errors.js}), so that each message is written once.
 */
public final class NodeErrors {
  private NodeErrors() {}

  /**
   * ERR_OUT_OF_RANGE: {@code The value of "name" is out of range. It must be range. Received x},
   * a RangeError.
   *
   * @param name the argument
   * @param range the allowed range, as Node words it ({@code >= 0 && <= 32})
   * @param received the value, as {@link #received(long)} prints it
   * @return the error
   */
  public static NodeError outOfRange(String name, String range, String received) {
    return NodeError.rangeError("ERR_OUT_OF_RANGE",
        "The value of \"" + name + "\" is out of range. It must be " + range + ". Received " + received);
  }

  /**
   * ERR_INVALID_ARG_VALUE with Node's inspect() of the value, cut at 128 characters; a
   * TypeError. A name with a dot is a property ({@code options.family}), else an argument.
   *
   * @param name the argument or property
   * @param inspected the value as inspect() shows it (see {@link NodeInspect#string(String)})
   * @return the error
   */
  public static NodeError invalidArgValue(String name, String inspected) {
    if (inspected.length() > 128) {
      inspected = inspected.substring(0, 128) + "...";
    }
    String kind = name.contains(".") ? "property" : "argument";
    return NodeError.typeError("ERR_INVALID_ARG_VALUE",
        "The " + kind + " '" + name + "' is invalid. Received " + inspected);
  }

  /**
   * How ERR_OUT_OF_RANGE prints a number: with {@code _} separators above 2 ** 32.
   *
   * @param value the number
   * @return its text
   */
  public static String received(long value) {
    String s = Long.toString(value);
    return Math.abs((double) value) > 4294967296.0 ? addNumericalSeparator(s) : s;
  }

  /**
   * Node's addNumericalSeparator(): {@code _} between groups of three digits.
   *
   * @param val an integer's decimal text, maybe with a sign
   * @return the text with separators
   */
  public static String addNumericalSeparator(String val) {
    StringBuilder res = new StringBuilder();
    int i = val.length();
    int start = val.charAt(0) == '-' ? 1 : 0;
    for (; i >= start + 4; i -= 3) {
      res.insert(0, "_" + val.substring(i - 3, i));
    }
    return val.substring(0, i) + res;
  }
}
