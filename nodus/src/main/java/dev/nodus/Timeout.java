package dev.nodus;

import dev.nodus.internal.loop.LoopTimer;

/**
 * A pending {@link Timers#setTimeout(Runnable, long)} or {@link Timers#setInterval(Runnable,
 * long)}. Node: the {@code Timeout} object. While active and ref'd it keeps the program alive.
 *
 * <p>Threading: methods are safe from any thread. On the timer's loop they act at once; from
 * another thread they are handed to the loop and act shortly after the call returns (so
 * {@link #hasRef()} may still show the old value for a moment). Once the program has ended they
 * do nothing.
 */
public final class Timeout {
  final LoopTimer timer;

  Timeout(LoopTimer timer) {
    this.timer = timer;
  }

  /**
   * Makes the timer keep the program alive (the default). Node: {@code timeout.ref()}.
   *
   * @return this timeout
   */
  public Timeout ref() {
    timer.loop().executeIfRunning(() -> timer.setRef(true));
    return this;
  }

  /**
   * Lets the program end while this timer is pending. Node: {@code timeout.unref()}.
   *
   * @return this timeout
   */
  public Timeout unref() {
    timer.loop().executeIfRunning(() -> timer.setRef(false));
    return this;
  }

  /**
   * Returns whether the timer keeps the program alive. Node: {@code timeout.hasRef()}.
   *
   * @return true if ref'd
   */
  public boolean hasRef() {
    return timer.hasRef();
  }

  /**
   * Restarts the timer with its original delay, counted from now. Node: {@code timeout.refresh()}:
   * it also re-arms a timeout that has already fired (not one that was cleared); inside an
   * interval's own callback it changes nothing, as the interval is re-armed after the callback.
   *
   * @return this timeout
   */
  public Timeout refresh() {
    timer.loop().executeIfRunning(timer::refresh);
    return this;
  }

  /**
   * Cancels the timer. Node: {@code timeout.close()}, same as {@code clearTimeout}.
   *
   * @return this timeout
   */
  public Timeout close() {
    timer.loop().executeIfRunning(timer::cancel);
    return this;
  }
}
