package dev.nodus.stream;

import java.util.List;
import java.util.function.Consumer;

/**
 * Which optional hooks a stream class overrides. Node tests {@code typeof this._writev ===
 * 'function'}; Java has every method, so the subclass chain is inspected once per class.
 */
final class Hooks {
  private Hooks() {}

  private static final int WRITEV = 1;
  private static final int FINAL = 2;
  private static final int CONSTRUCT = 4;

  private static final ClassValue<Integer> OVERRIDES = new ClassValue<>() {
    @Override
    protected Integer computeValue(Class<?> type) {
      int bits = 0;
      for (Class<?> c = type; c != null && c != Readable.class && c != Writable.class
          && c != Duplex.class && c != StreamBase.class; c = c.getSuperclass()) {
        bits |= declares(c, "_writev", List.class, Consumer.class) ? WRITEV : 0;
        bits |= declares(c, "_final", Consumer.class) ? FINAL : 0;
        bits |= declares(c, "_construct", Consumer.class) ? CONSTRUCT : 0;
      }
      return bits;
    }
  };

  private static boolean declares(Class<?> c, String name, Class<?>... params) {
    try {
      c.getDeclaredMethod(name, params);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  static boolean overridesWritev(Class<?> type) {
    return (OVERRIDES.get(type) & WRITEV) != 0;
  }

  static boolean overridesFinal(Class<?> type) {
    return (OVERRIDES.get(type) & FINAL) != 0;
  }

  /** Whether a class between {@code type} and {@code stop} (excluded) declares _final. */
  static boolean overridesFinalBelow(Class<?> type, Class<?> stop) {
    for (Class<?> c = type; c != null && c != stop; c = c.getSuperclass()) {
      if (declares(c, "_final", Consumer.class)) {
        return true;
      }
    }
    return false;
  }

  static boolean overridesConstruct(Class<?> type) {
    return (OVERRIDES.get(type) & CONSTRUCT) != 0;
  }
}
