package dev.nodus.events;

import java.util.Objects;
import java.util.function.Function;

/**
 * The key of an event whose listeners take one argument, such as Node's {@code 'data'}
 * (a chunk) or {@code 'error'} (the error). Listeners are {@link java.util.function.Consumer}s.
 *
 * @param <A> the type of the argument
 */
public final class Event1<A> extends EventKey {
  private final Function<Object, ? extends A> view;

  private Event1(String name, Function<Object, ? extends A> view) {
    super(name);
    this.view = view;
  }

  /**
   * Creates a key for the event named {@code name}.
   *
   * @param name Node's event name
   * @param <A> the type of the argument
   * @return the key
   */
  public static <A> Event1<A> of(String name) {
    return new Event1<>(name, null);
  }

  /**
   * Creates a key whose listeners receive the emitted argument through {@code view}.
   *
   * <p>This is how one Node event can carry state-dependent payloads with type-safe listeners:
   * {@code Readable.DATA} and {@code Readable.TEXT} are both {@code "data"}; the first gives
   * listeners Buffers, the second Strings, whatever the stream emitted.
   *
   * @param name Node's event name
   * @param view converts an emitted value into the listener's type
   * @param <A> the type of the argument
   * @return the key
   */
  public static <A> Event1<A> of(String name, Function<Object, ? extends A> view) {
    return new Event1<>(name, Objects.requireNonNull(view, "view"));
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  Object view(Object value) {
    return view == null ? value : view.apply(value);
  }
}
