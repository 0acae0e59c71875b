package dev.nodus;

import dev.nodus.internal.loop.LoopTimer;

/**
 * A pending {@link Timers#setTimeout(Runnable, long)} or {@link Timers#setInterval(Runnable,
 * long)}. Node: the {@code Timeout} object. While active and ref'd it keeps the program alive.
 * Methods are safe from any thread; they act on the timer's loop.
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
    timer.loop().execute(() -> timer.setRef(true));
    return this;
  }

  /**
   * Lets the program end while this timer is pending. Node: {@code timeout.unref()}.
   *
   * @return this timeout
   */
  public Timeout unref() {
    timer.loop().execute(() -> timer.setRef(false));
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
   * Restarts the timer with its original delay, counted from now. Node: {@code timeout.refresh()}.
   *
   * @return this timeout
   */
  public Timeout refresh() {
    timer.loop().execute(timer::refresh);
    return this;
  }

  /**
   * Cancels the timer. Node: {@code timeout.close()}, same as {@code clearTimeout}.
   *
   * @return this timeout
   */
  public Timeout close() {
    timer.loop().execute(timer::cancel);
    return this;
  }
}
