package dev.nodus.events;

/**
 * The key of an event whose listeners take four arguments, such as net's
 * {@code 'connectionAttemptFailed'} (address, port, family, error). Listeners are
 * {@link QuadConsumer}s.
 *
 * @param <A> the type of the first argument
 * @param <B> the type of the second argument
 * @param <C> the type of the third argument
 * @param <D> the type of the fourth argument
 */
public final class Event4<A, B, C, D> extends EventKey {
  private Event4(String name) {
    super(name);
  }

  /**
   * Creates a key for the event named {@code name}.
   *
   * @param name Node's event name
   * @param <A> the type of the first argument
   * @param <B> the type of the second argument
   * @param <C> the type of the third argument
   * @param <D> the type of the fourth argument
   * @return the key
   */
  public static <A, B, C, D> Event4<A, B, C, D> of(String name) {
    return new Event4<>(name);
  }

  @Override
  public int arity() {
    return 4;
  }
}
