package dev.nodus.internal.loop;

/** One queued {@code setImmediate} callback. Touched on its loop only. */
public final class LoopImmediate {
  final Loop loop;
  final Runnable callback;
  boolean ref = true;
  boolean cleared;

  LoopImmediate(Loop loop, Runnable callback) {
    this.loop = loop;
    this.callback = callback;
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
