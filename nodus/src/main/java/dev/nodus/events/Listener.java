package dev.nodus.events;

/**
 * A listener of a string-named event, receiving the emitted arguments as an array, as a
 * JavaScript function receives {@code ...args}. Used for user-defined events that have no key.
 */
@FunctionalInterface
public interface Listener {
  /**
   * Handles the event.
   *
   * @param args the emitted arguments, possibly empty
   */
  void call(Object... args);
}
