package dev.nodus.internal.loop;

/**
 * One timer in a loop's heap: Node's {@code Timeout} internals ({@code lib/internal/timers.js}).
 * Owned by its loop; changed on the loop thread only ({@link #hasRef()} may be read anywhere).
 */
public final class LoopTimer {
  final Loop loop;
  final Runnable callback;
  final long delayMs;
  final boolean repeat;
  long dueMs;
  long seq;
  int heapIndex = -1;
  volatile boolean ref = true;
  /** Node's {@code _idleTimeout = -1}: cleared by clearTimeout, never fires again. */
  boolean cleared;

  LoopTimer(Loop loop, Runnable callback, long delayMs, boolean repeat) {
    this.loop = loop;
    this.callback = callback;
    this.delayMs = delayMs;
    this.repeat = repeat;
  }

  /** The loop that owns this timer. */
  public Loop loop() {
    return loop;
  }

  /** Whether the timer is waiting to fire. */
  public boolean active() {
    return heapIndex >= 0;
  }

  /** Whether the timer keeps its loop alive. Node: {@code timeout.hasRef()}. */
  public boolean hasRef() {
    return ref;
  }

  /** Makes the timer keep (or stop keeping) the loop alive. Node: {@code ref()}/{@code unref()}. */
  public void setRef(boolean on) {
    if (ref == on) {
      return;
    }
    ref = on;
    if (active()) {
      if (on) {
        loop.ref();
      } else {
        loop.unref();
      }
    }
  }

  /**
   * Stops the timer for good. Node: {@code clearTimeout(t)}; inside its own callback it stops
   * an interval from repeating, and a later {@code refresh()} does nothing.
   */
  public void cancel() {
    cleared = true;
    loop.timers.remove(this);
  }

  /**
   * Restarts the timer from now with its original delay. Node: {@code timeout.refresh()}, which
   * also brings back a timeout that has already fired, but not a cleared one.
   */
  public void refresh() {
    if (cleared) {
      return;
    }
    loop.timers.remove(this);
    loop.timers.add(this, loop.nowMs() + delayMs);
  }

  /** The delay in milliseconds, after Node's coercion. */
  public long delayMs() {
    return delayMs;
  }
}
