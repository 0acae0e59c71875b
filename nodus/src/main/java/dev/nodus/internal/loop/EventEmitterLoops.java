package dev.nodus.internal.loop;

import dev.nodus.events.EventEmitter;
import java.util.function.BiConsumer;

/**
 * Binds an {@link EventEmitter} to a loop without a public method for it (the JDK's
 * SharedSecrets pattern): loop-bound emitters, such as streams, hand listener changes and
 * emissions made on other threads to their loop. {@code EventEmitter} installs the
 * implementation when its class initializes, which happens before any subclass constructor runs.
 */
public final class EventEmitterLoops {
  private static volatile BiConsumer<EventEmitter, Loop> binder;

  private EventEmitterLoops() {}

  /**
   * Called once by EventEmitter's static initializer.
   *
   * @param b the implementation
   */
  public static void install(BiConsumer<EventEmitter, Loop> b) {
    binder = b;
  }

  /**
   * Binds {@code emitter} to {@code loop}; called from the emitter's constructor, before it is
   * shared with any other thread.
   *
   * @param emitter the emitter
   * @param loop its loop, or null to leave it unbound
   */
  public static void bind(EventEmitter emitter, Loop loop) {
    if (loop != null) {
      binder.accept(emitter, loop);
    }
  }
}
