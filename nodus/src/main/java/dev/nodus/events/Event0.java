package dev.nodus.events;

/**
 * The key of an event whose listeners take no argument, such as Node's {@code 'end'} or
 * {@code 'listening'}. Listeners are {@link Runnable}s.
 */
public final class Event0 extends EventKey {
  private Event0(String name) {
    super(name);
  }

  /**
   * Creates a key for the event named {@code name}.
   *
   * @param name Node's event name
   * @return the key
   */
  public static Event0 of(String name) {
    return new Event0(name);
  }

  @Override
  public int arity() {
    return 0;
  }
}
