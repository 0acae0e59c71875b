package dev.nodus.internal.loop;

import io.netty.util.concurrent.Future;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A loop's timers, ordered by due time and then by creation, as Node fires them. One Netty
 * scheduled task wakes the loop for the earliest; removal is O(log n) so that clearing and
 * refreshing timers stays cheap.
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

  /** Fires every timer that is due, each followed by the tick queue, then re-arms. */
  void run() {
    wake = null;
    wakeAtMs = Long.MAX_VALUE;
    long now = loop.nowMs();
    while (size > 0 && heap[0].dueMs <= now) {
      LoopTimer t = heap[0];
      remove(t);
      loop.runCallback(t.callback);
      if (t.heapIndex >= 0 || t.destroyed) {
        continue; // refreshed or cleared by its own callback
      }
      if (t.repeat) {
        // Node re-inserts an interval after its callback, timed from when this pass started.
        add(t, now + t.delayMs);
      } else {
        t.destroyed = true;
      }
    }
    arm();
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
    wake = loop.eventLoop().schedule(this::run, delay, TimeUnit.MILLISECONDS);
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
