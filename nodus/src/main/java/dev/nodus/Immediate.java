package dev.nodus;

import dev.nodus.internal.loop.LoopImmediate;

/**
 * A pending {@link Timers#setImmediate(Runnable)}. Node: the {@code Immediate} object. While
 * pending and ref'd it keeps the program alive; an unref'd one runs only if the loop goes
 * round anyway (the program may end without running it).
 *
 * <p>Threading: methods are safe from any thread; from another thread they act on the loop
 * shortly after the call returns, and do nothing once the program has ended.
 */
public final class Immediate {
  final LoopImmediate immediate;

  Immediate(LoopImmediate immediate) {
    this.immediate = immediate;
  }

  /**
   * Makes the immediate keep the program alive (the default). Node: {@code immediate.ref()}.
   *
   * @return this immediate
   */
  public Immediate ref() {
    immediate.loop().executeIfRunning(() -> immediate.setRef(true));
    return this;
  }

  /**
   * Lets the program end before this immediate runs. Node: {@code immediate.unref()}.
   *
   * @return this immediate
   */
  public Immediate unref() {
    immediate.loop().executeIfRunning(() -> immediate.setRef(false));
    return this;
  }

  /**
   * Returns whether the immediate keeps the program alive. Node: {@code immediate.hasRef()}.
   *
   * @return true if ref'd
   */
  public boolean hasRef() {
    return immediate.hasRef();
  }
}
