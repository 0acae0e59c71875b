package dev.nodus.events;

import dev.nodus.NodeError;
import dev.nodus.internal.errors.Warnings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Node's {@code EventEmitter}: named events with ordered lists of listeners.
 *
 * <p>Events are addressed by typed keys ({@link Event0} … {@link Event3}), which make listeners
 * type-checked lambdas, or by plain names with {@link Listener}s for user-defined events; a key
 * and its {@link EventKey#name() name} address the same list. Everything else is Node's:
 * {@code on} twice adds two listeners; listeners run synchronously in order of registration;
 * {@code emit} returns whether anyone listened; a listener removed or added while an event is
 * being emitted does not change that emission (Node copies the array before calling);
 * {@code 'newListener'} fires before a listener is added and {@code 'removeListener'} after one
 * is removed; an {@link #ERROR} emitted with no listener is thrown, which the loop reports to
 * the uncaught-exception handler.
 *
 * <p>An exception thrown by a listener propagates out of {@code emit} and stops that emission,
 * as in Node.
 *
 * <p>Threading: adding and removing listeners is safe from any thread; events are emitted on
 * the loop that owns the emitter, so listeners need no locks.
 */
public class EventEmitter {
  /** Node's {@code 'error'}: an error occurred. With no listener, {@code emit} throws it. */
  public static final Event1<Throwable> ERROR = Event1.of("error");

  /**
   * Node's {@code 'newListener'}: emitted before a listener is added, with the event name and
   * the listener.
   */
  public static final Event2<String, Object> NEW_LISTENER = Event2.of("newListener");

  /**
   * Node's {@code 'removeListener'}: emitted after a listener is removed, with the event name
   * and the listener.
   */
  public static final Event2<String, Object> REMOVE_LISTENER = Event2.of("removeListener");

  private static final Object[] NO_ARGS = {};
  private static volatile int defaultMaxListeners = 10;

  /** Listener lists by name; replaced, never changed in place, so emit reads a snapshot. */
  private volatile Table table = Table.EMPTY;

  private int maxListeners = -1;
  private List<String> warned;

  /** Creates an emitter with no listeners. Node: {@code new EventEmitter()}. */
  public EventEmitter() {}

  // ---- on / addListener ------------------------------------------------------------------

  /**
   * Adds a listener at the end of the event's list. Node: {@code emitter.on(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   * @emits {@link #NEW_LISTENER} before the listener is added
   */
  public EventEmitter on(Event0 event, Runnable listener) {
    add(event, event.name(), listener, Entry.RUN, false, false);
    return this;
  }

  /**
   * Adds a listener at the end of the event's list. Node: {@code emitter.on(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the argument type
   * @return this emitter
   * @emits {@link #NEW_LISTENER} before the listener is added
   */
  public <A> EventEmitter on(Event1<A> event, Consumer<? super A> listener) {
    add(event, event.name(), listener, Entry.ONE, false, false);
    return this;
  }

  /**
   * Adds a listener at the end of the event's list. Node: {@code emitter.on(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @return this emitter
   * @emits {@link #NEW_LISTENER} before the listener is added
   */
  public <A, B> EventEmitter on(Event2<A, B> event, BiConsumer<? super A, ? super B> listener) {
    add(event, event.name(), listener, Entry.TWO, false, false);
    return this;
  }

  /**
   * Adds a listener at the end of the event's list. Node: {@code emitter.on(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @return this emitter
   * @emits {@link #NEW_LISTENER} before the listener is added
   */
  public <A, B, C> EventEmitter on(
      Event3<A, B, C> event, TriConsumer<? super A, ? super B, ? super C> listener) {
    add(event, event.name(), listener, Entry.THREE, false, false);
    return this;
  }

  /**
   * Adds a listener for a string-named event. Node: {@code emitter.on(name, fn)}.
   *
   * @param event the event name
   * @param listener the listener, receiving the emitted arguments
   * @return this emitter
   * @emits {@link #NEW_LISTENER} before the listener is added
   */
  public EventEmitter on(String event, Listener listener) {
    add(null, event, listener, Entry.ARGS, false, false);
    return this;
  }

  /**
   * Same as {@link #on(Event0, Runnable)}. Node: {@code emitter.addListener(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter addListener(Event0 event, Runnable listener) {
    return on(event, listener);
  }

  /**
   * Same as {@link #on(Event1, Consumer)}. Node: {@code emitter.addListener(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the argument type
   * @return this emitter
   */
  public <A> EventEmitter addListener(Event1<A> event, Consumer<? super A> listener) {
    return on(event, listener);
  }

  /**
   * Same as {@link #on(Event2, BiConsumer)}. Node: {@code emitter.addListener(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @return this emitter
   */
  public <A, B> EventEmitter addListener(
      Event2<A, B> event, BiConsumer<? super A, ? super B> listener) {
    return on(event, listener);
  }

  /**
   * Same as {@link #on(String, Listener)}. Node: {@code emitter.addListener(name, fn)}.
   *
   * @param event the event name
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter addListener(String event, Listener listener) {
    return on(event, listener);
  }

  // ---- once ------------------------------------------------------------------------------

  /**
   * Adds a listener that is removed the first time the event fires, before it is called.
   * Node: {@code emitter.once(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter once(Event0 event, Runnable listener) {
    add(event, event.name(), listener, Entry.RUN, true, false);
    return this;
  }

  /**
   * Adds a one-time listener. Node: {@code emitter.once(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the argument type
   * @return this emitter
   */
  public <A> EventEmitter once(Event1<A> event, Consumer<? super A> listener) {
    add(event, event.name(), listener, Entry.ONE, true, false);
    return this;
  }

  /**
   * Adds a one-time listener. Node: {@code emitter.once(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @return this emitter
   */
  public <A, B> EventEmitter once(Event2<A, B> event, BiConsumer<? super A, ? super B> listener) {
    add(event, event.name(), listener, Entry.TWO, true, false);
    return this;
  }

  /**
   * Adds a one-time listener. Node: {@code emitter.once(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @return this emitter
   */
  public <A, B, C> EventEmitter once(
      Event3<A, B, C> event, TriConsumer<? super A, ? super B, ? super C> listener) {
    add(event, event.name(), listener, Entry.THREE, true, false);
    return this;
  }

  /**
   * Adds a one-time listener for a string-named event. Node: {@code emitter.once(name, fn)}.
   *
   * @param event the event name
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter once(String event, Listener listener) {
    add(null, event, listener, Entry.ARGS, true, false);
    return this;
  }

  // ---- prepend ---------------------------------------------------------------------------

  /**
   * Adds a listener at the front of the event's list. Node: {@code emitter.prependListener}.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter prependListener(Event0 event, Runnable listener) {
    add(event, event.name(), listener, Entry.RUN, false, true);
    return this;
  }

  /**
   * Adds a listener at the front of the event's list. Node: {@code emitter.prependListener}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the argument type
   * @return this emitter
   */
  public <A> EventEmitter prependListener(Event1<A> event, Consumer<? super A> listener) {
    add(event, event.name(), listener, Entry.ONE, false, true);
    return this;
  }

  /**
   * Adds a listener at the front of the event's list. Node: {@code emitter.prependListener}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @return this emitter
   */
  public <A, B> EventEmitter prependListener(
      Event2<A, B> event, BiConsumer<? super A, ? super B> listener) {
    add(event, event.name(), listener, Entry.TWO, false, true);
    return this;
  }

  /**
   * Adds a listener at the front of a string-named event's list.
   * Node: {@code emitter.prependListener}.
   *
   * @param event the event name
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter prependListener(String event, Listener listener) {
    add(null, event, listener, Entry.ARGS, false, true);
    return this;
  }

  /**
   * Adds a one-time listener at the front of the list. Node: {@code emitter.prependOnceListener}.
   *
   * @param event the event
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter prependOnceListener(Event0 event, Runnable listener) {
    add(event, event.name(), listener, Entry.RUN, true, true);
    return this;
  }

  /**
   * Adds a one-time listener at the front of the list. Node: {@code emitter.prependOnceListener}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the argument type
   * @return this emitter
   */
  public <A> EventEmitter prependOnceListener(Event1<A> event, Consumer<? super A> listener) {
    add(event, event.name(), listener, Entry.ONE, true, true);
    return this;
  }

  /**
   * Adds a one-time listener at the front of the list. Node: {@code emitter.prependOnceListener}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @return this emitter
   */
  public <A, B> EventEmitter prependOnceListener(
      Event2<A, B> event, BiConsumer<? super A, ? super B> listener) {
    add(event, event.name(), listener, Entry.TWO, true, true);
    return this;
  }

  /**
   * Adds a one-time listener at the front of a string-named event's list.
   * Node: {@code emitter.prependOnceListener}.
   *
   * @param event the event name
   * @param listener the listener
   * @return this emitter
   */
  public EventEmitter prependOnceListener(String event, Listener listener) {
    add(null, event, listener, Entry.ARGS, true, true);
    return this;
  }

  // ---- off / removeListener --------------------------------------------------------------

  /**
   * Removes the most recently added instance of {@code listener} from the event's list.
   * Node: {@code emitter.off(name, fn)}. A method reference is a new object each time it is
   * evaluated, so keep the listener in a variable to remove it later.
   *
   * @param event the event
   * @param listener the listener to remove, as it was added (also for {@code once})
   * @return this emitter
   * @emits {@link #REMOVE_LISTENER} after the listener is removed
   */
  public EventEmitter off(EventKey event, Object listener) {
    return off(event.name(), listener);
  }

  /**
   * Removes a listener from a string-named event. Node: {@code emitter.off(name, fn)}.
   *
   * @param event the event name
   * @param listener the listener to remove
   * @return this emitter
   * @emits {@link #REMOVE_LISTENER} after the listener is removed
   */
  public EventEmitter off(String event, Object listener) {
    Objects.requireNonNull(listener, "listener");
    Entry removed;
    synchronized (this) {
      Entry[] list = table.get(event);
      if (list == null) {
        return this;
      }
      int i = list.length - 1;
      while (i >= 0 && list[i].fn != listener) {
        i--;
      }
      if (i < 0) {
        return this;
      }
      removed = list[i];
      Entry[] next = new Entry[list.length - 1];
      System.arraycopy(list, 0, next, 0, i);
      System.arraycopy(list, i + 1, next, i, list.length - i - 1);
      table = table.with(event, next);
    }
    if (table.get(REMOVE_LISTENER.name()) != null) {
      emit(REMOVE_LISTENER, event, removed.fn);
    }
    return this;
  }

  /**
   * Same as {@link #off(EventKey, Object)}. Node: {@code emitter.removeListener(name, fn)}.
   *
   * @param event the event
   * @param listener the listener to remove
   * @return this emitter
   */
  public EventEmitter removeListener(EventKey event, Object listener) {
    return off(event, listener);
  }

  /**
   * Same as {@link #off(String, Object)}. Node: {@code emitter.removeListener(name, fn)}.
   *
   * @param event the event name
   * @param listener the listener to remove
   * @return this emitter
   */
  public EventEmitter removeListener(String event, Object listener) {
    return off(event, listener);
  }

  /**
   * Removes every listener of the event. Node: {@code emitter.removeAllListeners(name)}.
   *
   * @param event the event
   * @return this emitter
   * @emits {@link #REMOVE_LISTENER} for each removed listener, last added first
   */
  public EventEmitter removeAllListeners(EventKey event) {
    return removeAllListeners(event.name());
  }

  /**
   * Removes every listener of a string-named event. Node: {@code emitter.removeAllListeners(name)}.
   *
   * @param event the event name
   * @return this emitter
   * @emits {@link #REMOVE_LISTENER} for each removed listener, last added first
   */
  public EventEmitter removeAllListeners(String event) {
    if (table.get(REMOVE_LISTENER.name()) == null) {
      synchronized (this) {
        table = table.with(event, null);
      }
      return this;
    }
    // Node removes one at a time, LIFO, so each 'removeListener' sees the list as it shrinks.
    Entry[] list;
    while ((list = table.get(event)) != null && list.length > 0) {
      off(event, list[list.length - 1].fn);
    }
    return this;
  }

  /**
   * Removes every listener of every event. Node: {@code emitter.removeAllListeners()}.
   *
   * @return this emitter
   * @emits {@link #REMOVE_LISTENER} for each removed listener, {@code 'removeListener'}'s own last
   */
  public EventEmitter removeAllListeners() {
    if (table.get(REMOVE_LISTENER.name()) == null) {
      synchronized (this) {
        table = Table.EMPTY;
      }
      return this;
    }
    for (String name : eventNames()) {
      if (!name.equals(REMOVE_LISTENER.name())) {
        removeAllListeners(name);
      }
    }
    removeAllListeners(REMOVE_LISTENER.name());
    return this;
  }

  // ---- emit ------------------------------------------------------------------------------

  /**
   * Calls every listener of the event, in order. Node: {@code emitter.emit(name)}.
   *
   * @param event the event
   * @return true if the event had listeners
   */
  public boolean emit(Event0 event) {
    return dispatch(event.name(), 0, null, null, null);
  }

  /**
   * Calls every listener of the event with {@code a}. Node: {@code emitter.emit(name, a)}.
   * Emitting {@link #ERROR} with no listener throws the error (wrapped in a
   * {@code ERR_UNHANDLED_ERROR} {@link NodeError} if it is a checked exception).
   *
   * @param event the event
   * @param a the argument
   * @param <A> the argument type
   * @return true if the event had listeners
   */
  public <A> boolean emit(Event1<A> event, A a) {
    return dispatch(event.name(), 1, a, null, null);
  }

  /**
   * Calls every listener of the event with {@code a, b}. Node: {@code emitter.emit(name, a, b)}.
   *
   * @param event the event
   * @param a the first argument
   * @param b the second argument
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @return true if the event had listeners
   */
  public <A, B> boolean emit(Event2<A, B> event, A a, B b) {
    return dispatch(event.name(), 2, a, b, null);
  }

  /**
   * Calls every listener of the event with {@code a, b, c}.
   * Node: {@code emitter.emit(name, a, b, c)}.
   *
   * @param event the event
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @return true if the event had listeners
   */
  public <A, B, C> boolean emit(Event3<A, B, C> event, A a, B b, C c) {
    return dispatch(event.name(), 3, a, b, c);
  }

  /**
   * Calls every listener of a string-named event. Node: {@code emitter.emit(name, ...args)}.
   * Typed listeners of the same name receive the first arguments; missing ones are null.
   *
   * @param event the event name
   * @param args the arguments
   * @return true if the event had listeners
   */
  public boolean emit(String event, Object... args) {
    Object[] a = args == null ? NO_ARGS : args;
    if (a.length <= 3) {
      return dispatch(event, a.length, arg(a, 0), arg(a, 1), arg(a, 2));
    }
    Entry[] list = table.get(event);
    if (list == null || list.length == 0) {
      return dispatch(event, 3, a[0], a[1], a[2]);
    }
    for (Entry e : list) {
      if (e.claim()) {
        if (e.once) {
          off(event, e.fn);
        }
        if (e.kind == Entry.ARGS) {
          ((Listener) e.fn).call(a);
        } else {
          e.invoke(3, a[0], a[1], a[2]);
        }
      }
    }
    return true;
  }

  private static Object arg(Object[] a, int i) {
    return i < a.length ? a[i] : null;
  }

  private boolean dispatch(String event, int n, Object a, Object b, Object c) {
    Entry[] list = table.get(event);
    if (list == null || list.length == 0) {
      if (n >= 1 && event.equals(ERROR.name())) {
        throw unhandled(a);
      }
      if (n == 0 && event.equals(ERROR.name())) {
        throw unhandled(null);
      }
      return false;
    }
    if (list.length == 1) {
      Entry e = list[0];
      if (e.claim()) {
        if (e.once) {
          off(event, e.fn);
        }
        e.invoke(n, a, b, c);
      }
      return true;
    }
    for (Entry e : list) {
      if (e.claim()) {
        if (e.once) {
          off(event, e.fn);
        }
        e.invoke(n, a, b, c);
      }
    }
    return true;
  }

  private static RuntimeException unhandled(Object err) {
    if (err instanceof RuntimeException re) {
      return re;
    }
    if (err instanceof Error e) {
      throw e;
    }
    String shown = err instanceof String s ? "'" + s + "'" : String.valueOf(err);
    if (err == null) {
      shown = "undefined";
    }
    return new NodeError(
        "ERR_UNHANDLED_ERROR",
        "Unhandled error. (" + shown + ")",
        err instanceof Throwable t ? t : null);
  }

  // ---- introspection ---------------------------------------------------------------------

  /**
   * Returns how many listeners the event has. Node: {@code emitter.listenerCount(name)}.
   *
   * @param event the event
   * @return the count
   */
  public int listenerCount(EventKey event) {
    return listenerCount(event.name());
  }

  /**
   * Returns how many listeners a string-named event has. Node: {@code emitter.listenerCount}.
   *
   * @param event the event name
   * @return the count
   */
  public int listenerCount(String event) {
    Entry[] list = table.get(event);
    return list == null ? 0 : list.length;
  }

  /**
   * Returns a copy of the event's listeners, as they were added. Node: {@code emitter.listeners}.
   *
   * @param event the event
   * @return the listeners, in order
   */
  public List<Object> listeners(EventKey event) {
    return listeners(event.name());
  }

  /**
   * Returns a copy of a string-named event's listeners. Node: {@code emitter.listeners(name)}.
   *
   * @param event the event name
   * @return the listeners, in order
   */
  public List<Object> listeners(String event) {
    Entry[] list = table.get(event);
    if (list == null) {
      return List.of();
    }
    List<Object> out = new ArrayList<>(list.length);
    for (Entry e : list) {
      out.add(e.fn);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns a copy of the event's listeners with one-time listeners shown as their
   * {@link Once} wrappers. Node: {@code emitter.rawListeners(name)}.
   *
   * @param event the event
   * @return the listeners, in order
   */
  public List<Object> rawListeners(EventKey event) {
    return rawListeners(event.name());
  }

  /**
   * Returns a copy of a string-named event's listeners with one-time listeners wrapped.
   * Node: {@code emitter.rawListeners(name)}.
   *
   * @param event the event name
   * @return the listeners, in order
   */
  public List<Object> rawListeners(String event) {
    Entry[] list = table.get(event);
    if (list == null) {
      return List.of();
    }
    List<Object> out = new ArrayList<>(list.length);
    for (Entry e : list) {
      out.add(e.once ? new Once(e.fn) : e.fn);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the names of the events that have listeners, in the order they were first added.
   * Node: {@code emitter.eventNames()}.
   *
   * @return the names
   */
  public List<String> eventNames() {
    return table.names();
  }

  /**
   * Sets how many listeners an event may have before a {@code MaxListenersExceededWarning} is
   * printed; 0 means unlimited. Node: {@code emitter.setMaxListeners(n)}.
   *
   * @param n the limit
   * @return this emitter
   */
  public EventEmitter setMaxListeners(int n) {
    if (n < 0) {
      throw new NodeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"n\" is out of range. It must be a non-negative number. Received " + n);
    }
    maxListeners = n;
    return this;
  }

  /**
   * Returns the listener limit. Node: {@code emitter.getMaxListeners()}.
   *
   * @return the limit; defaults to {@link #defaultMaxListeners()}
   */
  public int getMaxListeners() {
    return maxListeners < 0 ? defaultMaxListeners : maxListeners;
  }

  /**
   * Returns the limit used by emitters that set none. Node: {@code EventEmitter.defaultMaxListeners}.
   *
   * @return the default limit, 10 unless changed
   */
  public static int defaultMaxListeners() {
    return defaultMaxListeners;
  }

  /**
   * Changes the limit used by emitters that set none. Node: {@code EventEmitter.defaultMaxListeners = n}.
   *
   * @param n the new default, 0 for unlimited
   */
  public static void defaultMaxListeners(int n) {
    if (n < 0) {
      throw new NodeError(
          "ERR_OUT_OF_RANGE",
          "The value of \"defaultMaxListeners\" is out of range. It must be a non-negative number."
              + " Received " + n);
    }
    defaultMaxListeners = n;
  }

  /**
   * Returns the name shown for this emitter in warnings, Node's constructor name.
   *
   * @return the class's simple name
   */
  protected String displayName() {
    return getClass().getSimpleName();
  }

  // ---- internals -------------------------------------------------------------------------

  private void add(
      EventKey key, String event, Object listener, int kind, boolean once, boolean prepend) {
    Objects.requireNonNull(listener, "listener");
    if (table.get(NEW_LISTENER.name()) != null) {
      emit(NEW_LISTENER, event, listener);
    }
    Entry entry = new Entry(key, listener, kind, once);
    int count;
    synchronized (this) {
      Entry[] list = table.get(event);
      Entry[] next;
      if (list == null) {
        next = new Entry[] {entry};
      } else {
        next = new Entry[list.length + 1];
        if (prepend) {
          next[0] = entry;
          System.arraycopy(list, 0, next, 1, list.length);
        } else {
          System.arraycopy(list, 0, next, 0, list.length);
          next[list.length] = entry;
        }
      }
      table = table.with(event, next);
      count = next.length;
    }
    int max = getMaxListeners();
    if (max > 0 && count > max) {
      warnOnce(event, count, max);
    }
  }

  private synchronized void warnOnce(String event, int count, int max) {
    if (warned == null) {
      warned = new ArrayList<>(1);
    }
    if (warned.contains(event)) {
      return;
    }
    warned.add(event);
    Warnings.emit(
        "MaxListenersExceededWarning",
        "Possible EventEmitter memory leak detected. "
            + count + " " + event + " listeners added to [" + displayName() + "]. MaxListeners is "
            + max + ". Use emitter.setMaxListeners() to increase limit");
  }

  /**
   * A one-time listener as {@link #rawListeners(EventKey)} shows it. Node: the wrapper function
   * whose {@code .listener} property is the original.
   *
   * @param listener the listener that was passed to {@code once}
   */
  public record Once(Object listener) {}

  /** One registration; its kind tells how to call it without reflection. */
  private static final class Entry {
    static final int RUN = 0;
    static final int ONE = 1;
    static final int TWO = 2;
    static final int THREE = 3;
    static final int ARGS = 4;

    final EventKey key;
    final Object fn;
    final int kind;
    final boolean once;
    private boolean fired;

    Entry(EventKey key, Object fn, int kind, boolean once) {
      this.key = key;
      this.fn = fn;
      this.kind = kind;
      this.once = once;
    }

    /** A once-listener fires at most once even if the event re-enters itself. */
    boolean claim() {
      if (!once) {
        return true;
      }
      synchronized (this) {
        if (fired) {
          return false;
        }
        fired = true;
        return true;
      }
    }

    @SuppressWarnings("unchecked")
    void invoke(int n, Object a, Object b, Object c) {
      switch (kind) {
        case RUN -> ((Runnable) fn).run();
        case ONE -> ((Consumer<Object>) fn).accept(key.view(a));
        case TWO -> ((BiConsumer<Object, Object>) fn).accept(a, b);
        case THREE -> ((TriConsumer<Object, Object, Object>) fn).accept(a, b, c);
        default -> {
          Object[] args = switch (n) {
            case 0 -> NO_ARGS;
            case 1 -> new Object[] {a};
            case 2 -> new Object[] {a, b};
            default -> new Object[] {a, b, c};
          };
          ((Listener) fn).call(args);
        }
      }
    }
  }

  /** An immutable map from name to listeners; emitters have a handful of names, so arrays win. */
  private static final class Table {
    static final Table EMPTY = new Table(new String[0], new Entry[0][]);

    final String[] names;
    final Entry[][] lists;

    Table(String[] names, Entry[][] lists) {
      this.names = names;
      this.lists = lists;
    }

    Entry[] get(String name) {
      String[] ns = names;
      for (int i = 0; i < ns.length; i++) {
        // Keys are constants, so identity usually matches before equals is needed.
        if (ns[i] == name || ns[i].equals(name)) {
          return lists[i];
        }
      }
      return null;
    }

    Table with(String name, Entry[] list) {
      int i = indexOf(name);
      boolean empty = list == null || list.length == 0;
      if (i < 0) {
        if (empty) {
          return this;
        }
        String[] ns = Arrays.copyOf(names, names.length + 1);
        Entry[][] ls = Arrays.copyOf(lists, lists.length + 1);
        ns[names.length] = name;
        ls[lists.length] = list;
        return new Table(ns, ls);
      }
      if (empty) {
        String[] ns = new String[names.length - 1];
        Entry[][] ls = new Entry[lists.length - 1][];
        System.arraycopy(names, 0, ns, 0, i);
        System.arraycopy(names, i + 1, ns, i, names.length - i - 1);
        System.arraycopy(lists, 0, ls, 0, i);
        System.arraycopy(lists, i + 1, ls, i, lists.length - i - 1);
        return new Table(ns, ls);
      }
      Entry[][] ls = lists.clone();
      ls[i] = list;
      return new Table(names, ls);
    }

    private int indexOf(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    List<String> names() {
      return List.of(names);
    }
  }
}
