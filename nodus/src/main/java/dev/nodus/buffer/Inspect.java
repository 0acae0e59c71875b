package dev.nodus.buffer;

import dev.nodus.internal.errors.NodeInspect;

/**
 * The parts of Node's {@code util.inspect()} that error messages quote: strings and Buffers
 * ({@code lib/internal/util/inspect.js} {@code strEscape}, {@code Buffer.prototype[inspect]}).
 */
final class Inspect {
  private Inspect() {}

  /** Node's INSPECT_MAX_BYTES default. */
  static final int INSPECT_MAX_BYTES = 50;

  /** Quotes a string as inspect() does. */
  static String string(String str) {
    return NodeInspect.string(str);
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
