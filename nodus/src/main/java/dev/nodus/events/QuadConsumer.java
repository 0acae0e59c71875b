package dev.nodus.events;

/**
 * A listener of four arguments, for {@link Event4} keys.
 *
 * @param <A> the type of the first argument
 * @param <B> the type of the second argument
 * @param <C> the type of the third argument
 * @param <D> the type of the fourth argument
 */
@FunctionalInterface
public interface QuadConsumer<A, B, C, D> {
  /**
   * Handles the event.
   *
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   * @param d the fourth argument
   */
  void accept(A a, B b, C c, D d);
}
