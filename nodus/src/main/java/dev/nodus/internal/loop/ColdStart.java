package dev.nodus.internal.loop;

import io.netty.buffer.ByteBufAllocator;

/**
 * One-time initialisation that would otherwise land on a loop thread at a program's first
 * read or write, stalling it for 100-200 ms on a busy machine: Netty's adaptive allocator
 * registers its JFR events (loading {@code jdk.jfr}) and sizes its arenas on first use, which
 * fired a young program's timers late and tripped the blocked-loop check. It starts on a
 * daemon thread when this class loads and the first program waits for it before its loops
 * start, so the cost overlaps the event-loop group's own start-up instead of running on a loop.
 */
final class ColdStart {
  private static final Thread WARM_UP = start();

  private ColdStart() {}

  private static Thread start() {
    Thread t = new Thread(ColdStart::warmUp, "nodus-cold-start");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void warmUp() {
    ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
    alloc.directBuffer(256).release();
    alloc.heapBuffer(256).release();
  }

  /** Waits until the one-time initialisation has run (at once after the first time). */
  static void await() {
    try {
      WARM_UP.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
