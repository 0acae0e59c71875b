package dev.nodus;

import dev.nodus.internal.loop.LoopImmediate;

/**
 * A pending {@link Timers#setImmediate(Runnable)}. Node: the {@code Immediate} object.
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
    immediate.setRef(true);
    return this;
  }

  /**
   * Lets the program end before this immediate runs. Node: {@code immediate.unref()}.
   *
   * @return this immediate
   */
  public Immediate unref() {
    immediate.setRef(false);
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
