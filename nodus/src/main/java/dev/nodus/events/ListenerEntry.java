package dev.nodus.events;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** One registration in an emitter's list; its kind says how to call it without reflection. */
final class ListenerEntry {
  static final int RUN = 0;
  static final int ONE = 1;
  static final int TWO = 2;
  static final int THREE = 3;
  static final int ARGS = 4;

  private static final Object[] NO_ARGS = {};

  final EventKey key;
  final Object fn;
  final int kind;
  final boolean once;
  /**
   * For once-listeners: Node's wrapper function, the identity removal goes by. Made when first
   * asked for (rawListeners, a 'removeListener' event): until then no one can hold it.
   */
  private volatile EventEmitter.Once wrapper;
  private boolean fired;

  ListenerEntry(EventKey key, Object fn, int kind, boolean once) {
    this.key = key;
    this.fn = fn;
    this.kind = kind;
    this.once = once;
  }

  /** What rawListeners shows and what removal of this exact registration passes. */
  Object raw() {
    if (!once) {
      return fn;
    }
    EventEmitter.Once w = wrapper;
    if (w == null) {
      synchronized (this) {
        w = wrapper;
        if (w == null) {
          w = new EventEmitter.Once(fn);
          wrapper = w;
        }
      }
    }
    return w;
  }

  /** lib/events.js removeListener: {@code list[i] === listener || list[i].listener === listener}. */
  boolean matches(Object listener) {
    return fn == listener || (once && listener != null && wrapper == listener);
  }

  /** Node's onceWrapper {@code fired} flag: true for the one caller allowed to run it. */
  synchronized boolean claim() {
    if (fired) {
      return false;
    }
    fired = true;
    return true;
  }

  @SuppressWarnings("unchecked")
  void invoke(Object[] all, int n, Object a, Object b, Object c) {
    switch (kind) {
      case RUN -> ((Runnable) fn).run();
      case ONE -> ((Consumer<Object>) fn).accept(key.view(a));
      case TWO -> ((BiConsumer<Object, Object>) fn).accept(a, b);
      case THREE -> ((TriConsumer<Object, Object, Object>) fn).accept(a, b, c);
      default -> ((Listener) fn).call(all != null ? all : args(n, a, b, c));
    }
  }

  private static Object[] args(int n, Object a, Object b, Object c) {
    return switch (n) {
      case 0 -> NO_ARGS;
      case 1 -> new Object[] {a};
      case 2 -> new Object[] {a, b};
      default -> new Object[] {a, b, c};
    };
  }
}
