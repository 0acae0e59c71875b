package dev.nodus;

import dev.nodus.internal.errors.Warnings;
import dev.nodus.internal.loop.Loop;

/**
 * Node's timer functions and {@code process.nextTick}, on the calling loop.
 *
 * <p>Order, as in Node: {@code nextTick} callbacks run right after the current callback, before
 * any I/O, timer or immediate, a tick queued by a tick before any microtask; then
 * {@code queueMicrotask} callbacks. Each loop iteration runs I/O callbacks, then the
 * {@code setImmediate} callbacks queued before the phase began (one queued by an immediate
 * waits for the next iteration), then the timers that are due, in order of due time and then of
 * creation; every callback is followed by the tick queue. An exception escaping a callback goes
 * to {@link Nodus#onUncaughtException} and the loop carries on; one thrown by a tick leaves the
 * remaining ticks for the end of the next callback, as Node does.
 *
 * <p>These functions must be called on a loop (from the program's code or a callback); the
 * returned objects may be used from any thread.
 */
public final class Timers {
  /** Node's {@code TIMEOUT_MAX}: larger delays become 1 ms, with a warning. */
  public static final long TIMEOUT_MAX = 2_147_483_647L;

  private Timers() {}

  /**
   * Calls {@code callback} once after {@code delayMs} milliseconds. Node:
   * {@code setTimeout(callback, delay)}; a delay below 1 or above {@link #TIMEOUT_MAX} is 1, and
   * one above also prints Node's {@code TimeoutOverflowWarning}.
   *
   * @param callback the code to run
   * @param delayMs the delay
   * @return the timer
   */
  public static Timeout setTimeout(Runnable callback, long delayMs) {
    return new Timeout(Loop.require().setTimer(callback, coerce(delayMs), false));
  }

  /**
   * Cancels a timeout; null or an already fired one is ignored. Node: {@code clearTimeout(t)}.
   *
   * @param timeout the timer
   */
  public static void clearTimeout(Timeout timeout) {
    if (timeout != null) {
      timeout.close();
    }
  }

  /**
   * Calls {@code callback} every {@code delayMs} milliseconds. Node: {@code setInterval}.
   *
   * @param callback the code to run
   * @param delayMs the period
   * @return the timer
   */
  public static Timeout setInterval(Runnable callback, long delayMs) {
    return new Timeout(Loop.require().setTimer(callback, coerce(delayMs), true));
  }

  /**
   * Cancels an interval. Node: {@code clearInterval(t)}.
   *
   * @param timeout the timer
   */
  public static void clearInterval(Timeout timeout) {
    clearTimeout(timeout);
  }

  /**
   * Calls {@code callback} after the I/O of the current loop turn. Node: {@code setImmediate}.
   *
   * @param callback the code to run
   * @return the immediate
   */
  public static Immediate setImmediate(Runnable callback) {
    return new Immediate(Loop.require().setImmediate(callback));
  }

  /**
   * Cancels an immediate. Node: {@code clearImmediate(i)}.
   *
   * @param immediate the immediate, or null
   */
  public static void clearImmediate(Immediate immediate) {
    if (immediate != null) {
      immediate.immediate.loop().executeIfRunning(immediate.immediate::cancel);
    }
  }

  /**
   * Calls {@code callback} as soon as the current callback returns, before any I/O, timer or
   * immediate. Node: {@code process.nextTick(callback)}.
   *
   * @param callback the code to run
   */
  public static void nextTick(Runnable callback) {
    Loop.require().nextTick(callback);
  }

  /**
   * Calls {@code callback} after the nextTick queue is empty. Node: {@code queueMicrotask}.
   *
   * @param callback the code to run
   */
  public static void queueMicrotask(Runnable callback) {
    Loop.require().queueMicrotask(callback);
  }

  private static long coerce(long delayMs) {
    // lib/internal/timers.js Timeout(): !(after >= 1 && after <= TIMEOUT_MAX) -> 1
    if (delayMs > TIMEOUT_MAX) {
      Warnings.emit(
          "TimeoutOverflowWarning",
          delayMs + " does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.");
      return 1;
    }
    return delayMs >= 1 ? delayMs : 1;
  }
}
