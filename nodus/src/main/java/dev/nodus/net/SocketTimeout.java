package dev.nodus.net;

import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.LoopTimer;

/**
 * A socket's idle timeout. Node refreshes an unref'd timer on every read and write
 * ({@code socket._unrefTimer}); refreshing a heap timer per chunk is costly, so activity only
 * records a time, and the timer, when it fires early, re-arms itself for the remainder.
 */
final class SocketTimeout {
  private final Socket socket;
  private final Loop loop;
  private long ms;
  private long lastActivity;
  private LoopTimer timer;

  SocketTimeout(Socket socket, Loop loop) {
    this.socket = socket;
    this.loop = loop;
  }

  long ms() {
    return ms;
  }

  void set(long ms) {
    if (!loop.inLoop()) {
      loop.execute(() -> set(ms));
      return;
    }
    clear();
    this.ms = ms;
    if (ms > 0) {
      lastActivity = loop.nowMs();
      arm(ms);
    }
  }

  void touch() {
    if (ms > 0) {
      lastActivity = loop.nowMs();
      if (timer == null) {
        arm(ms);
      }
    }
  }

  void clear() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  private void arm(long delay) {
    timer = loop.setTimer(this::fire, Math.max(1, delay), false);
    // A socket's timer never keeps the program alive by itself (Node: setUnrefTimeout).
    timer.setRef(false);
  }

  private void fire() {
    timer = null;
    if (ms <= 0 || socket.destroyed()) {
      return;
    }
    long idle = loop.nowMs() - lastActivity;
    if (idle < ms) {
      arm(ms - idle);
      return;
    }
    // Re-armed by the next activity, as Node's refresh() after the timer fired.
    socket.emitTimeout();
  }
}
