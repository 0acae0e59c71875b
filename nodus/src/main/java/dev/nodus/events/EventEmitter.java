package dev.nodus.events;

import dev.nodus.NodeError;
import dev.nodus.internal.errors.Warnings;
import dev.nodus.internal.loop.EventEmitterLoops;
import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.ThreadCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Node's {@code EventEmitter}: named events with ordered lists of listeners.
 *
 * <p>Events are addressed by typed keys ({@link Event0} … {@link Event4}), which make listeners
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
 * as in Node. A {@code once} listener is removed before it is called and runs at most once,
 * even when its event is emitted again from inside a listener.
 *
 * <h2>Threading</h2>
 * A plain {@code EventEmitter} belongs to no loop: it works without one, and every method runs
 * on the calling thread ({@code emit} calls the listeners there); adding and removing listeners
 * is safe from any thread. An emitter bound to a loop (every stream, so every socket) follows
 * Nodus's threading contract: every method may be called from any thread and never blocks;
 * {@code on}, {@code once}, {@code prependListener}, {@code off}, {@code removeAllListeners} and
 * {@code emit} called off the loop are handed to the loop and run there, in the order they were
 * made, so listeners always run on the loop and need no locks. {@code emit} off the loop returns
 * whether the event had listeners when it was called. The getters ({@code listenerCount},
 * {@code listeners}, {@code eventNames}, ...) read the current listener table, an immutable
 * snapshot, from any thread.
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

  /** Listener lists by name ({@link ListenerTable}); replaced, never changed in place, so emit reads a snapshot. */
  private volatile Object[] table = ListenerTable.EMPTY;

  private volatile int maxListeners = -1;
  /** The loop this emitter is bound to (streams), or null: then it runs calls where they are made. */
  private Loop loop;

  static {
    EventEmitterLoops.install((e, l) -> e.loop = l);
  }

  /** Events whose list already caused a MaxListenersExceededWarning (Node: list.warned). */
  private Set<String> warned;

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
    add(event, event.name(), listener, ListenerEntry.RUN, false, false);
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
    add(event, event.name(), listener, ListenerEntry.ONE, false, false);
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
    add(event, event.name(), listener, ListenerEntry.TWO, false, false);
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
    add(event, event.name(), listener, ListenerEntry.THREE, false, false);
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
   * @param <D> the fourth argument's type
   * @return this emitter
   * @emits {@link #NEW_LISTENER} before the listener is added
   */
  public <A, B, C, D> EventEmitter on(
      Event4<A, B, C, D> event, QuadConsumer<? super A, ? super B, ? super C, ? super D> listener) {
    add(event, event.name(), listener, ListenerEntry.FOUR, false, false);
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
    add(null, event, listener, ListenerEntry.ARGS, false, false);
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
   * Same as {@link #on(Event3, TriConsumer)}. Node: {@code emitter.addListener(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @return this emitter
   */
  public <A, B, C> EventEmitter addListener(
      Event3<A, B, C> event, TriConsumer<? super A, ? super B, ? super C> listener) {
    return on(event, listener);
  }

  /**
   * Same as {@link #on(Event4, QuadConsumer)}. Node: {@code emitter.addListener(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param <D> the fourth argument's type
   * @return this emitter
   */
  public <A, B, C, D> EventEmitter addListener(
      Event4<A, B, C, D> event, QuadConsumer<? super A, ? super B, ? super C, ? super D> listener) {
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
    add(event, event.name(), listener, ListenerEntry.RUN, true, false);
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
    add(event, event.name(), listener, ListenerEntry.ONE, true, false);
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
    add(event, event.name(), listener, ListenerEntry.TWO, true, false);
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
    add(event, event.name(), listener, ListenerEntry.THREE, true, false);
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
   * @param <D> the fourth argument's type
   * @return this emitter
   */
  public <A, B, C, D> EventEmitter once(
      Event4<A, B, C, D> event, QuadConsumer<? super A, ? super B, ? super C, ? super D> listener) {
    add(event, event.name(), listener, ListenerEntry.FOUR, true, false);
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
    add(null, event, listener, ListenerEntry.ARGS, true, false);
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
    add(event, event.name(), listener, ListenerEntry.RUN, false, true);
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
    add(event, event.name(), listener, ListenerEntry.ONE, false, true);
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
    add(event, event.name(), listener, ListenerEntry.TWO, false, true);
    return this;
  }

  /**
   * Adds a listener at the front of the event's list. Node: {@code emitter.prependListener}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @return this emitter
   */
  public <A, B, C> EventEmitter prependListener(
      Event3<A, B, C> event, TriConsumer<? super A, ? super B, ? super C> listener) {
    add(event, event.name(), listener, ListenerEntry.THREE, false, true);
    return this;
  }

  /**
   * Adds a listener at the front of the event's list. Node: {@code emitter.prependListener}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param <D> the fourth argument's type
   * @return this emitter
   */
  public <A, B, C, D> EventEmitter prependListener(
      Event4<A, B, C, D> event, QuadConsumer<? super A, ? super B, ? super C, ? super D> listener) {
    add(event, event.name(), listener, ListenerEntry.FOUR, false, true);
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
    add(null, event, listener, ListenerEntry.ARGS, false, true);
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
    add(event, event.name(), listener, ListenerEntry.RUN, true, true);
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
    add(event, event.name(), listener, ListenerEntry.ONE, true, true);
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
    add(event, event.name(), listener, ListenerEntry.TWO, true, true);
    return this;
  }

  /**
   * Adds a one-time listener at the front of the list. Node: {@code emitter.prependOnceListener}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @return this emitter
   */
  public <A, B, C> EventEmitter prependOnceListener(
      Event3<A, B, C> event, TriConsumer<? super A, ? super B, ? super C> listener) {
    add(event, event.name(), listener, ListenerEntry.THREE, true, true);
    return this;
  }

  /**
   * Adds a one-time listener at the front of the list. Node: {@code emitter.prependOnceListener}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param <D> the fourth argument's type
   * @return this emitter
   */
  public <A, B, C, D> EventEmitter prependOnceListener(
      Event4<A, B, C, D> event, QuadConsumer<? super A, ? super B, ? super C, ? super D> listener) {
    add(event, event.name(), listener, ListenerEntry.FOUR, true, true);
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
    add(null, event, listener, ListenerEntry.ARGS, true, true);
    return this;
  }

  // ---- off / removeListener --------------------------------------------------------------

  /**
   * Removes the most recently added instance of {@code listener} from the event's list.
   * Node: {@code emitter.off(name, fn)}. A listener added with {@code once} is removed by the
   * listener that was passed to {@code once}, or by its {@link Once} from
   * {@link #rawListeners(EventKey)}. A method reference is a new object each time it is
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
    if (offLoop()) {
      loop.executeLater(() -> off(event, listener));
      return this;
    }
    ThreadCheck.confined(loop, "EventEmitter.off");
    ListenerEntry hit;
    boolean last;
    synchronized (this) {
      ListenerEntry[] list = ListenerTable.list(ListenerTable.find(table, event));
      if (list == null) {
        return this;
      }
      int i = list.length - 1;
      while (i >= 0 && !list[i].matches(listener)) {
        i--;
      }
      if (i < 0) {
        return this;
      }
      hit = list[i];
      last = list.length == 1;
      ListenerEntry[] next = new ListenerEntry[list.length - 1];
      System.arraycopy(list, 0, next, 0, i);
      System.arraycopy(list, i + 1, next, i, list.length - i - 1);
      table = ListenerTable.with(table, event, next);
      if (next.length <= 1 && warned != null) {
        // Node marks the listener array as warned; the array is gone once one listener is left.
        warned.remove(event);
      }
    }
    if (ListenerTable.find(table, REMOVE_LISTENER.name()) != null) {
      // With one listener left Node reports the original function (list.listener || listener);
      // from an array it reports what it was given, so a once-listener removed by its wrapper
      // (when it fires, or by removeAllListeners) is reported as the wrapper.
      emit(REMOVE_LISTENER, event, last ? hit.fn : listener);
    }
    return this;
  }

  /**
   * Same as {@link #off(EventKey, Object)}. Node: {@code emitter.removeListener(name, fn)}.
   *
   * @param event the event
   * @param listener the listener to remove
   * @return this emitter
   * @emits {@link #REMOVE_LISTENER} after the listener is removed
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
   * @emits {@link #REMOVE_LISTENER} after the listener is removed
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
    if (offLoop()) {
      loop.executeLater(() -> removeAllListeners(event));
      return this;
    }
    ListenerEntry[] list;
    synchronized (this) {
      list = ListenerTable.list(ListenerTable.find(table, event));
      if (list == null) {
        return this;
      }
      if (ListenerTable.find(table, REMOVE_LISTENER.name()) == null) {
        table = ListenerTable.with(table, event, null);
        if (warned != null) {
          warned.remove(event);
        }
        return this;
      }
    }
    // lib/events.js removeAllListeners: one removeListener call per listener, LIFO, so each
    // 'removeListener' sees the list as it shrinks; once-listeners are removed by their wrapper.
    for (int i = list.length - 1; i >= 0; i--) {
      off(event, list[i].raw());
    }
    return this;
  }

  /**
   * Removes every listener of every event. Node: {@code emitter.removeAllListeners()}.
   *
   * @return this emitter
   * @emits {@link #REMOVE_LISTENER} for each removed listener, event by event in
   *     {@link #eventNames()} order, {@code 'removeListener'}'s own listeners last
   */
  public EventEmitter removeAllListeners() {
    if (offLoop()) {
      loop.executeLater(() -> removeAllListeners());
      return this;
    }
    ThreadCheck.confined(loop, "EventEmitter.removeAllListeners");
    if (ListenerTable.find(table, REMOVE_LISTENER.name()) != null) {
      for (String name : eventNames()) {
        if (!name.equals(REMOVE_LISTENER.name())) {
          removeAllListeners(name);
        }
      }
      removeAllListeners(REMOVE_LISTENER.name());
    }
    // Node then resets _events, dropping listeners that handlers added meanwhile.
    synchronized (this) {
      table = ListenerTable.EMPTY;
      warned = null;
    }
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
    return dispatch(event.name(), null, 0, null, null, null);
  }

  /**
   * Calls every listener of the event with {@code a}. Node: {@code emitter.emit(name, a)}.
   *
   * <p>Emitting {@link #ERROR} with no listener throws: a {@link Throwable} is thrown as it is
   * (also a checked one, undeclared, as JavaScript throws any {@code Error}); any other value is
   * wrapped in a {@code ERR_UNHANDLED_ERROR} {@link NodeError}, {@code Unhandled error. ('x')}.
   *
   * @param event the event
   * @param a the argument
   * @param <A> the argument type
   * @return true if the event had listeners
   */
  public <A> boolean emit(Event1<A> event, A a) {
    return dispatch(event.name(), null, 1, a, null, null);
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
    return dispatch(event.name(), null, 2, a, b, null);
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
    return dispatch(event.name(), null, 3, a, b, c);
  }

  /**
   * Calls every listener of the event with {@code a, b, c, d}.
   * Node: {@code emitter.emit(name, a, b, c, d)}.
   *
   * @param event the event
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   * @param d the fourth argument
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param <D> the fourth argument's type
   * @return true if the event had listeners
   */
  public <A, B, C, D> boolean emit(Event4<A, B, C, D> event, A a, B b, C c, D d) {
    return dispatch(event.name(), new Object[] {a, b, c, d}, 4, a, b, c);
  }

  /**
   * Calls every listener of a string-named event. Node: {@code emitter.emit(name, ...args)}.
   * Typed listeners of the same name receive the first arguments; missing ones are null.
   * {@code emit("error", ...)} with no listener throws as {@link #emit(Event1, Object)} does.
   *
   * @param event the event name
   * @param args the arguments
   * @return true if the event had listeners
   */
  public boolean emit(String event, Object... args) {
    Object[] all = args == null ? NO_ARGS : args;
    return dispatch(event, all, all.length, arg(all, 0), arg(all, 1), arg(all, 2));
  }

  private static Object arg(Object[] a, int i) {
    return i < a.length ? a[i] : null;
  }

  /** lib/events.js emit: snapshot the list, call each; a throw stops the emission. */
  private boolean dispatch(String event, Object[] all, int n, Object a, Object b, Object c) {
    Object listeners = ListenerTable.find(table, event);
    if (offLoop()) {
      loop.executeLater(() -> dispatch(event, all, n, a, b, c));
      return listeners != null;
    }
    ThreadCheck.confined(loop, "EventEmitter.emit");
    if (listeners == null) {
      if (event.equals(ERROR.name())) {
        throw unhandled(n > 0, a);
      }
      return false;
    }
    if (listeners instanceof ListenerEntry e) {
      call(event, e, all, n, a, b, c);
      return true;
    }
    // The table's arrays are never changed in place, so this is Node's arrayClone.
    for (ListenerEntry e : (ListenerEntry[]) listeners) {
      call(event, e, all, n, a, b, c);
    }
    return true;
  }

  private void call(String event, ListenerEntry e, Object[] all, int n, Object a, Object b, Object c) {
    if (e.once) {
      // Node's onceWrapper: removes itself before calling, and a fired flag keeps a
      // re-entrant emission that still holds the old list from calling it twice.
      if (!e.claim()) {
        return;
      }
      // Through off(), which subclasses extend (Readable's 'readable' bookkeeping).
      off(event, e.raw());
    }
    e.invoke(this, all, n, a, b, c);
  }

  /** lib/events.js emit with no 'error' listener: throw the Error, or ERR_UNHANDLED_ERROR. */
  private static RuntimeException unhandled(boolean hasArg, Object err) {
    throw EventEmitter.<RuntimeException>sneakyThrow(asThrowable(hasArg, err));
  }

  /** The error an 'error' event carries, or Node's ERR_UNHANDLED_ERROR for a plain value. */
  static Throwable asThrowable(boolean hasArg, Object err) {
    if (err instanceof Throwable t) {
      return t;
    }
    String shown = hasArg ? Inspect.inspect(err) : "undefined";
    return new NodeError("ERR_UNHANDLED_ERROR", "Unhandled error. (" + shown + ")");
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneakyThrow(Throwable t) throws T {
    throw (T) t;
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
    return ListenerTable.size(ListenerTable.find(table, event));
  }

  /**
   * Returns how many times {@code listener} is registered for the event, with {@code on} or
   * {@code once}. Node: {@code emitter.listenerCount(name, listener)}.
   *
   * @param event the event
   * @param listener the listener to count
   * @return the count
   */
  public int listenerCount(EventKey event, Object listener) {
    return listenerCount(event.name(), listener);
  }

  /**
   * Returns how many times {@code listener} is registered for a string-named event.
   * Node: {@code emitter.listenerCount(name, listener)}.
   *
   * @param event the event name
   * @param listener the listener to count
   * @return the count
   */
  public int listenerCount(String event, Object listener) {
    Object listeners = ListenerTable.find(table, event);
    if (listeners instanceof ListenerEntry e) {
      return e.matches(listener) ? 1 : 0;
    }
    int count = 0;
    if (listeners != null) {
      for (ListenerEntry e : (ListenerEntry[]) listeners) {
        if (e.matches(listener)) {
          count++;
        }
      }
    }
    return count;
  }

  /**
   * Returns a copy of the event's listeners, as they were added (a {@code once} listener as
   * the listener passed to {@code once}). Node: {@code emitter.listeners(name)}.
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
    return copy(event, false);
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
    return copy(event, true);
  }

  private List<Object> copy(String event, boolean raw) {
    ListenerEntry[] list = ListenerTable.list(ListenerTable.find(table, event));
    if (list == null) {
      return List.of();
    }
    List<Object> out = new ArrayList<>(list.length);
    for (ListenerEntry e : list) {
      out.add(raw ? e.raw() : e.fn);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the names of the events that have listeners. Node: {@code emitter.eventNames()},
   * whose order is JavaScript's property order: names that are array indices ({@code "0"},
   * {@code "42"}) first in numeric order, then the others in the order they got their first
   * listener (a name whose listeners were all removed goes to the end when it gets one again).
   *
   * @return the names
   */
  public List<String> eventNames() {
    return ListenerTable.names(table);
  }

  /**
   * Sets how many listeners an event may have before a {@code MaxListenersExceededWarning} is
   * printed; 0 means unlimited. Node: {@code emitter.setMaxListeners(n)}.
   *
   * @param n the limit
   * @return this emitter
   * @throws NodeError {@code ERR_OUT_OF_RANGE} if {@code n} is negative
   */
  public EventEmitter setMaxListeners(int n) {
    if (n < 0) {
      throw outOfRange("setMaxListeners", n);
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
    int n = maxListeners;
    return n < 0 ? defaultMaxListeners : n;
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
   * Changes the limit used by emitters that set none, including existing ones.
   * Node: {@code EventEmitter.defaultMaxListeners = n}.
   *
   * @param n the new default, 0 for unlimited
   * @throws NodeError {@code ERR_OUT_OF_RANGE} if {@code n} is negative
   */
  public static void defaultMaxListeners(int n) {
    if (n < 0) {
      throw outOfRange("defaultMaxListeners", n);
    }
    defaultMaxListeners = n;
  }

  private static NodeError outOfRange(String name, int n) {
    // Node 20: validateNumber(n, name, 0) -> RangeError [ERR_OUT_OF_RANGE].
    return NodeError.rangeError(
        "ERR_OUT_OF_RANGE",
        "The value of \"" + name + "\" is out of range. It must be >= 0. Received " + n);
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

  /** Whether a call must be handed to the loop: the emitter is loop-bound and this thread is not it. */
  private boolean offLoop() {
    Loop l = loop;
    return l != null && !l.inLoop();
  }

  /** lib/events.js _addListener. */
  private void add(
      EventKey key, String event, Object listener, int kind, boolean once, boolean prepend) {
    Objects.requireNonNull(listener, "listener");
    if (offLoop()) {
      loop.executeLater(() -> add(key, event, listener, kind, once, prepend));
      return;
    }
    ThreadCheck.confined(loop, "EventEmitter.add");
    // 'newListener' comes first, so a listener its handler adds for the same event lands
    // before this one, as in Node.
    if (ListenerTable.find(table, NEW_LISTENER.name()) != null) {
      emit(NEW_LISTENER, event, listener);
    }
    ListenerEntry entry = ListenerEntry.of(key, listener, kind, once);
    int count;
    synchronized (this) {
      ListenerEntry[] list = ListenerTable.list(ListenerTable.find(table, event));
      ListenerEntry[] next;
      if (list == null) {
        next = new ListenerEntry[] {entry};
      } else {
        next = new ListenerEntry[list.length + 1];
        if (prepend) {
          next[0] = entry;
          System.arraycopy(list, 0, next, 1, list.length);
        } else {
          System.arraycopy(list, 0, next, 0, list.length);
          next[list.length] = entry;
        }
      }
      table = ListenerTable.with(table, event, next);
      count = next.length;
      int max = getMaxListeners();
      if (max <= 0 || count <= max) {
        return;
      }
      if (warned == null) {
        warned = new HashSet<>(2);
      }
      if (!warned.add(event)) {
        return;
      }
    }
    Warnings.emit(
        "MaxListenersExceededWarning",
        "Possible EventEmitter memory leak detected. "
            + count + " " + event + " listeners added to [" + displayName() + "]. MaxListeners is "
            + getMaxListeners() + ". Use emitter.setMaxListeners() to increase limit");
  }

  /**
   * A one-time listener as {@link #rawListeners(EventKey)} shows it: Node's wrapper function,
   * whose {@code .listener} property is the original. The same object is returned for a
   * registration each time, and {@code off(event, once)} removes exactly that registration.
   */
  public static final class Once {
    private final Object listener;

    Once(Object listener) {
      this.listener = listener;
    }

    /**
     * Returns the listener that was passed to {@code once}. Node: {@code wrapper.listener}.
     *
     * @return the original listener
     */
    public Object listener() {
      return listener;
    }

    @Override
    public String toString() {
      return "Once[" + listener + "]";
    }
  }
}
