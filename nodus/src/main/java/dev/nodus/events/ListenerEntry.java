package dev.nodus.events;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One registration in an emitter's list; its kind says how to call it without reflection. A
 * plain listener takes 24 bytes; a once-listener is a {@link OnceEntry}, with the wrapper and
 * fired flag only it needs.
 */
class ListenerEntry {
  static final byte RUN = 0;
  static final byte ONE = 1;
  static final byte TWO = 2;
  static final byte THREE = 3;
  static final byte FOUR = 4;
  static final byte ARGS = 5;

  private static final Object[] NO_ARGS = {};

  final EventKey key;
  final Object fn;
  final byte kind;
  final boolean once;

  private ListenerEntry(EventKey key, Object fn, int kind, boolean once) {
    this.key = key;
    this.fn = fn;
    this.kind = (byte) kind;
    this.once = once;
  }

  /** A registration made with {@code on} (or {@code once} when {@code once}). */
  static ListenerEntry of(EventKey key, Object fn, int kind, boolean once) {
    return once ? new OnceEntry(key, fn, kind) : new ListenerEntry(key, fn, kind, false);
  }

  /** What rawListeners shows and what removal of this exact registration passes. */
  Object raw() {
    return fn;
  }

  /** lib/events.js removeListener: {@code list[i] === listener || list[i].listener === listener}. */
  boolean matches(Object listener) {
    return fn == listener;
  }

  /** Node's onceWrapper {@code fired} flag: true for the one caller allowed to run it. */
  boolean claim() {
    return true;
  }

  /** A {@code once} registration. */
  private static final class OnceEntry extends ListenerEntry {
    /**
     * Node's wrapper function, the identity removal goes by. Made when first asked for
     * (rawListeners, a 'removeListener' event, firing): until then no one can hold it.
     */
    private volatile EventEmitter.Once wrapper;
    private boolean fired;

    OnceEntry(EventKey key, Object fn, int kind) {
      super(key, fn, kind, true);
    }

    @Override
    Object raw() {
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

    @Override
    boolean matches(Object listener) {
      return fn == listener || (listener != null && wrapper == listener);
    }

    @Override
    synchronized boolean claim() {
      if (fired) {
        return false;
      }
      fired = true;
      return true;
    }
  }

  @SuppressWarnings("unchecked")
  void invoke(EventEmitter source, Object[] all, int n, Object a, Object b, Object c) {
    switch (kind) {
      case RUN -> ((Runnable) fn).run();
      case ONE -> ((Consumer<Object>) fn).accept(key.view(source, a));
      case TWO -> ((BiConsumer<Object, Object>) fn).accept(a, b);
      case THREE -> ((TriConsumer<Object, Object, Object>) fn).accept(a, b, c);
      case FOUR -> ((QuadConsumer<Object, Object, Object, Object>) fn)
          .accept(a, b, c, all != null && all.length > 3 ? all[3] : null);
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
