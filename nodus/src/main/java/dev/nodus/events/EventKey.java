package dev.nodus.events;

import java.util.Objects;

/**
 * The identity of an event: Node's event name plus, in the subclasses, the Java types of the
 * listener's arguments.
 *
 * <p>Two keys with the same {@link #name()} address the same listener list: a listener added with
 * {@code Socket.DATA} is called by {@code emit("data", chunk)}, exactly as in Node, where events
 * are named by strings. The subclass chosen for a key ({@link Event0} … {@link Event4}) fixes the
 * listener's shape, so listeners are type-checked lambdas.
 *
 * <p>Keys are immutable and safe to share between threads.
 */
public abstract sealed class EventKey permits Event0, Event1, Event2, Event3, Event4 {
  private final String name;

  EventKey(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * Returns Node's name for this event, such as {@code "data"}.
   *
   * @return the event name
   */
  public final String name() {
    return name;
  }

  /**
   * Returns how many arguments listeners of this key receive.
   *
   * @return 0, 1, 2 or 3
   */
  public abstract int arity();

  /**
   * Converts an emitted argument into the view this key's listeners expect.
   *
   * <p>Only {@link Event1} keys may define a view (for example {@code Readable.TEXT} sees a
   * {@code Buffer} chunk as a String); the default passes the value through.
   *
   * @param source the emitter emitting it
   * @param value the emitted value
   * @return the value as listeners of this key receive it
   */
  Object view(EventEmitter source, Object value) {
    return value;
  }

  @Override
  public final String toString() {
    return name;
  }
}
