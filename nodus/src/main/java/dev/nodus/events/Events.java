package dev.nodus.events;

import dev.nodus.internal.loop.Loop;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Functions of Node's {@code events} module that are not methods of {@link EventEmitter}.
 *
 * <p>{@code once} bridges an event to a {@link CompletableFuture}, as Node's
 * {@code events.once(emitter, name)} bridges it to a Promise: the future completes with the
 * event's arguments the first time the event fires, or fails with the error if
 * {@code 'error'} fires first; either way both listeners are removed. On a loop the future is
 * completed as a microtask after the emitting listener list has run, as a Promise resolves, so
 * stages chained with {@code thenAccept} run after {@code emit} returns, still on the loop.
 */
public final class Events {
  private Events() {}

  /**
   * Waits for one emission of a string-named event. Node: {@code events.once(emitter, name)}.
   *
   * @param emitter the emitter
   * @param name the event name
   * @return a future of the emitted arguments; fails with the error if {@code 'error'} is
   *     emitted first (a value that is not a Throwable as an {@code ERR_UNHANDLED_ERROR}
   *     NodeError)
   */
  public static CompletableFuture<Object[]> once(EventEmitter emitter, String name) {
    Waiter<Object[]> w = new Waiter<>(emitter, name);
    Listener resolver = args -> w.resolve(args.clone());
    emitter.once(name, resolver);
    return w.start(resolver);
  }

  /**
   * Waits for one emission of the event, whatever its shape. Node:
   * {@code events.once(emitter, name)}.
   *
   * @param emitter the emitter
   * @param event the event
   * @return a future of the emitted arguments; fails if {@code 'error'} is emitted first
   */
  public static CompletableFuture<Object[]> once(EventEmitter emitter, EventKey event) {
    return once(emitter, event.name());
  }

  /**
   * Waits for one emission of an event without arguments. Node: {@code events.once}.
   *
   * @param emitter the emitter
   * @param event the event
   * @return a future completed with null when the event fires; fails if {@code 'error'} is
   *     emitted first
   */
  public static CompletableFuture<Void> once(EventEmitter emitter, Event0 event) {
    Waiter<Void> w = new Waiter<>(emitter, event.name());
    Runnable resolver = () -> w.resolve(null);
    emitter.once(event, resolver);
    return w.start(resolver);
  }

  /**
   * Waits for one emission of a one-argument event. Node: {@code events.once}, whose promise
   * resolves to {@code [arg]}; here the future carries the argument itself, seen through the
   * key's view.
   *
   * @param emitter the emitter
   * @param event the event
   * @param <A> the argument type
   * @return a future of the argument; fails if {@code 'error'} is emitted first (unless
   *     {@code event} is {@code 'error'}, which then completes normally with the error)
   */
  public static <A> CompletableFuture<A> once(EventEmitter emitter, Event1<A> event) {
    Waiter<A> w = new Waiter<>(emitter, event.name());
    Consumer<A> resolver = w::resolve;
    emitter.once(event, resolver);
    return w.start(resolver);
  }

  /** lib/events.js once(): a resolver on the event and, unless it is 'error', an error listener. */
  private static final class Waiter<T> {
    private final EventEmitter emitter;
    private final String name;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private Object resolver;
    private Listener onError;

    Waiter(EventEmitter emitter, String name) {
      this.emitter = emitter;
      this.name = name;
    }

    CompletableFuture<T> start(Object resolver) {
      this.resolver = resolver;
      if (!name.equals(EventEmitter.ERROR.name())) {
        onError = args -> fail(args);
        emitter.once(EventEmitter.ERROR.name(), onError);
      }
      return future;
    }

    void resolve(Object value) {
      if (onError != null) {
        emitter.removeListener(EventEmitter.ERROR.name(), onError);
      }
      settle(value, null);
    }

    private void fail(Object[] args) {
      emitter.removeListener(name, resolver);
      settle(null, EventEmitter.asThrowable(args.length > 0, args.length > 0 ? args[0] : null));
    }

    @SuppressWarnings("unchecked")
    private void settle(Object value, Throwable error) {
      Runnable complete =
          () -> {
            if (error != null) {
              future.completeExceptionally(error);
            } else {
              future.complete((T) value);
            }
          };
      // A Promise settles in a microtask; on a loop so does this, so stages run after emit.
      Loop loop = Loop.current();
      if (loop != null) {
        loop.queueMicrotask(complete);
      } else {
        complete.run();
      }
    }
  }
}
