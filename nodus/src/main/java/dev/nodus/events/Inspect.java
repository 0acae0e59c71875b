package dev.nodus.events;

import dev.nodus.internal.errors.NodeInspect;

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
      return NodeInspect.string(s.toString());
    }
    if (v instanceof Double || v instanceof Float) {
      return number(((Number) v).doubleValue());
    }
    return String.valueOf(v);
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
