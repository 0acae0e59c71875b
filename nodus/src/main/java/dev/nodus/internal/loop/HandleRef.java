package dev.nodus.internal.loop;

/**
 * Whether a handle (socket, server) keeps its loop alive: Node's {@code handle.ref()} /
 * {@code unref()} on top of "the handle is open". The loop is held while the handle is active
 * and ref'd; the handle releases it when its close has completed. Loop thread only.
 */
public final class HandleRef {
  private final Loop loop;
  private boolean refd = true;
  private boolean active;
  private boolean held;

  /** A ref for a handle on {@code loop}, not active yet. */
  public HandleRef(Loop loop) {
    this.loop = loop;
  }

  /** The handle became active (open, listening): hold the loop unless unref'd. */
  public void activate() {
    active = true;
    sync();
  }

  /** The handle closed for good: release the loop. */
  public void deactivate() {
    active = false;
    sync();
  }

  /** Node: {@code handle.ref()}. */
  public void ref() {
    refd = true;
    sync();
  }

  /** Node: {@code handle.unref()}. */
  public void unref() {
    refd = false;
    sync();
  }

  /** Node: {@code handle.hasRef()}. */
  public boolean hasRef() {
    return refd;
  }

  private void sync() {
    boolean want = active && refd;
    if (want && !held) {
      held = true;
      loop.ref();
    } else if (!want && held) {
      held = false;
      loop.unref();
    }
  }
}
