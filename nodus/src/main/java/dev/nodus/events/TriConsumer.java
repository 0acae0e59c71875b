package dev.nodus.events;

/**
 * A listener of three arguments, for {@link Event3} keys.
 *
 * @param <A> the type of the first argument
 * @param <B> the type of the second argument
 * @param <C> the type of the third argument
 */
@FunctionalInterface
public interface TriConsumer<A, B, C> {
  /**
   * Handles the event.
   *
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   */
  void accept(A a, B b, C c);
}
