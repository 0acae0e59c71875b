package dev.nodus.events;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The key of an event whose listeners take one argument, such as Node's {@code 'data'}
 * (a chunk) or {@code 'error'} (the error). Listeners are {@link java.util.function.Consumer}s.
 *
 * @param <A> the type of the argument
 */
public final class Event1<A> extends EventKey {
  private final BiFunction<? super EventEmitter, Object, ? extends A> view;

  private Event1(String name, BiFunction<? super EventEmitter, Object, ? extends A> view) {
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
    Objects.requireNonNull(view, "view");
    return new Event1<>(name, (source, value) -> view.apply(value));
  }

  /**
   * Creates a key whose listeners receive the emitted argument through {@code view}, which also
   * sees the emitter, for payloads whose meaning depends on the emitter's state:
   * {@code Readable.DATA} turns a string chunk back into bytes with the stream's own encoding
   * (the one {@code setEncoding} set).
   *
   * @param name Node's event name
   * @param view converts an emitted value, given the emitter, into the listener's type
   * @param <A> the type of the argument
   * @return the key
   */
  public static <A> Event1<A> of(
      String name, BiFunction<? super EventEmitter, Object, ? extends A> view) {
    return new Event1<>(name, Objects.requireNonNull(view, "view"));
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  Object view(EventEmitter source, Object value) {
    return view == null ? value : view.apply(source, value);
  }
}
