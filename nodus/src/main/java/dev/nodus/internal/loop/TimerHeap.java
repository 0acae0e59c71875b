package dev.nodus.internal.loop;

import io.netty.util.concurrent.Future;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A loop's timers, ordered by due time and then by creation, as Node fires them. One Netty
 * scheduled task wakes the loop for the earliest, and the loop runs the due timers in its
 * timers phase ({@link Loop}); removal is O(log n) so that clearing and refreshing timers stays
 * cheap.
 */
final class TimerHeap {
  private final Loop loop;
  private LoopTimer[] heap = new LoopTimer[16];
  private int size;
  private long seq;
  private Future<?> wake;
  private long wakeAtMs = Long.MAX_VALUE;

  TimerHeap(Loop loop) {
    this.loop = loop;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(LoopTimer t, long dueMs) {
    t.dueMs = dueMs;
    t.seq = ++seq;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = t;
    t.heapIndex = size;
    size++;
    up(t.heapIndex);
    if (t.ref) {
      loop.ref();
    }
    arm();
  }

  void remove(LoopTimer t) {
    int i = t.heapIndex;
    if (i < 0) {
      return;
    }
    size--;
    LoopTimer last = heap[size];
    heap[size] = null;
    t.heapIndex = -1;
    if (i != size) {
      heap[i] = last;
      last.heapIndex = i;
      down(i);
      up(last.heapIndex);
    }
    if (t.ref) {
      loop.unref();
    }
    if (size == 0 && wake != null) {
      wake.cancel(false);
      wake = null;
      wakeAtMs = Long.MAX_VALUE;
    }
  }

  /**
   * Node's processTimers/listOnTimeout: fires every timer due at the start of the pass, in
   * order of due time then creation, each followed by its ticks. Timers created or refreshed
   * by these callbacks are due later and wait for the next pass.
   */
  void runDue() {
    long now = loop.nowMs();
    while (size > 0 && heap[0].dueMs <= now) {
      LoopTimer t = heap[0];
      remove(t);
      // lib/internal/timers.js: an interval is re-inserted after its callback, timed from
      // getLibuvNow() taken just before the callback.
      long start = t.repeat ? loop.nowMs() : 0;
      loop.runCallback(t.callback);
      if (t.cleared) {
        continue;
      }
      if (t.repeat) {
        // Node re-inserts even an interval refreshed by its own callback, from `start`.
        remove(t);
        add(t, start + t.delayMs);
      }
      // A one-shot stays out unless its callback refreshed it; refresh() can revive it later.
    }
    arm();
  }

  /** The loop ended: nothing more fires. */
  void stop() {
    if (wake != null) {
      wake.cancel(false);
      wake = null;
    }
    wakeAtMs = Long.MAX_VALUE;
  }

  private void wake() {
    wake = null;
    wakeAtMs = Long.MAX_VALUE;
    loop.timersDue();
  }

  private void arm() {
    if (size == 0) {
      return;
    }
    long due = heap[0].dueMs;
    if (wake != null && wakeAtMs <= due) {
      return;
    }
    if (wake != null) {
      wake.cancel(false);
    }
    wakeAtMs = due;
    long delay = Math.max(0, due - loop.nowMs());
    try {
      wake = loop.eventLoop().schedule(this::wake, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      wake = null; // Process.stop() shut the loop down: timers die with it
    }
  }

  private boolean less(LoopTimer a, LoopTimer b) {
    return a.dueMs < b.dueMs || (a.dueMs == b.dueMs && a.seq < b.seq);
  }

  private void up(int i) {
    LoopTimer t = heap[i];
    while (i > 0) {
      int p = (i - 1) >>> 1;
      LoopTimer parent = heap[p];
      if (!less(t, parent)) {
        break;
      }
      heap[i] = parent;
      parent.heapIndex = i;
      i = p;
    }
    heap[i] = t;
    t.heapIndex = i;
  }

  private void down(int i) {
    LoopTimer t = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      int r = c + 1;
      if (r < size && less(heap[r], heap[c])) {
        c = r;
      }
      if (!less(heap[c], t)) {
        break;
      }
      heap[i] = heap[c];
      heap[i].heapIndex = i;
      i = c;
    }
    heap[i] = t;
    t.heapIndex = i;
  }
}
