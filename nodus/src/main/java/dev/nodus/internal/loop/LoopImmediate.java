package dev.nodus.internal.loop;

/**
 * One queued {@code setImmediate} callback. Changed on its loop only ({@link #hasRef()} may be
 * read anywhere).
 */
public final class LoopImmediate {
  final Loop loop;
  final Runnable callback;
  volatile boolean ref = true;
  /** Ran or cleared: nothing left to do. */
  boolean cleared;

  LoopImmediate(Loop loop, Runnable callback) {
    this.loop = loop;
    this.callback = callback;
  }

  /** The loop that owns this immediate. */
  public Loop loop() {
    return loop;
  }

  /** Node: {@code clearImmediate(immediate)}. */
  public void cancel() {
    if (cleared) {
      return;
    }
    cleared = true;
    if (ref) {
      loop.unref();
    }
  }

  /** Node: {@code immediate.hasRef()}. */
  public boolean hasRef() {
    return ref;
  }

  /** Node: {@code immediate.ref()} / {@code immediate.unref()}. */
  public void setRef(boolean on) {
    if (ref == on) {
      return;
    }
    ref = on;
    if (!cleared) {
      if (on) {
        loop.ref();
      } else {
        loop.unref();
      }
    }
  }
}
