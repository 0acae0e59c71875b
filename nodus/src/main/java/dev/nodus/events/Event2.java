package dev.nodus.events;

/**
 * The key of an event whose listeners take two arguments, such as dgram's {@code 'message'}
 * (msg, rinfo) or http's {@code 'request'} (req, res). Listeners are
 * {@link java.util.function.BiConsumer}s.
 *
 * @param <A> the type of the first argument
 * @param <B> the type of the second argument
 */
public final class Event2<A, B> extends EventKey {
  private Event2(String name) {
    super(name);
  }

  /**
   * Creates a key for the event named {@code name}.
   *
   * @param name Node's event name
   * @param <A> the type of the first argument
   * @param <B> the type of the second argument
   * @return the key
   */
  public static <A, B> Event2<A, B> of(String name) {
    return new Event2<>(name);
  }

  @Override
  public int arity() {
    return 2;
  }
}
