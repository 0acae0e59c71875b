package dev.nodus.events;

/**
 * The key of an event whose listeners take three arguments, such as http's {@code 'upgrade'}
 * (req, socket, head). Listeners are {@link TriConsumer}s.
 *
 * @param <A> the type of the first argument
 * @param <B> the type of the second argument
 * @param <C> the type of the third argument
 */
public final class Event3<A, B, C> extends EventKey {
  private Event3(String name) {
    super(name);
  }

  /**
   * Creates a key for the event named {@code name}.
   *
   * @param name Node's event name
   * @param <A> the type of the first argument
   * @param <B> the type of the second argument
   * @param <C> the type of the third argument
   * @return the key
   */
  public static <A, B, C> Event3<A, B, C> of(String name) {
    return new Event3<>(name);
  }

  @Override
  public int arity() {
    return 3;
  }
}
