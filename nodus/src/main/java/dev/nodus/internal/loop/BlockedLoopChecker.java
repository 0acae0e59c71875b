package dev.nodus.internal.loop;

import dev.nodus.internal.errors.Warnings;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports a callback that holds its loop longer than a threshold (default 2 s, property
 * {@code nodus.blockedThresholdMs}), once per callback, with the loop thread's stack trace, as
 * Vert.x's blocked-thread checker does. Node has no such check; blocking a loop is the bug it
 * finds.
 */
public final class BlockedLoopChecker {
  private static final Set<Loop> LOOPS = ConcurrentHashMap.newKeySet();
  private static volatile long thresholdMs = Long.getLong("nodus.blockedThresholdMs", 2000L);

  /**
   * A loop's start-up (default 5 s): its first seconds load and link most of the classes it
   * will ever use and run them interpreted, which on a busy machine holds a callback far longer
   * than it will once warm. Callbacks that begin then are held to {@link #STARTUP_THRESHOLD_MS} at least, so
   * start-up does not print false warnings, while a loop truly stuck at start is still reported.
   */
  private static volatile long startupMs = Long.getLong("nodus.blockedStartupMs", 5_000L);

  static final long STARTUP_THRESHOLD_MS = 10_000;

  /** Sets how long a loop's start-up lasts for this check (property {@code nodus.blockedStartupMs}). */
  public static void setStartupMs(long ms) {
    startupMs = ms;
  }

  /** How long a loop's start-up lasts for this check, in milliseconds. */
  public static long startupMs() {
    return startupMs;
  }

  private static Thread thread;

  private BlockedLoopChecker() {}

  /** Sets the threshold in milliseconds; 0 turns the check off. */
  public static void setThresholdMs(long ms) {
    thresholdMs = ms;
  }

  /** The threshold in milliseconds. */
  public static long thresholdMs() {
    return thresholdMs;
  }

  static synchronized void register(Loop loop) {
    LOOPS.add(loop);
    if (thread == null) {
      thread = new Thread(BlockedLoopChecker::watch, "nodus-blocked-loop-checker");
      thread.setDaemon(true);
      thread.start();
    }
  }

  static void deregister(Loop loop) {
    LOOPS.remove(loop);
  }

  private static void watch() {
    java.util.Map<Loop, Long> reported = new java.util.WeakHashMap<>();
    while (true) {
      long limit = thresholdMs;
      try {
        Thread.sleep(Math.max(10, Math.min(limit <= 0 ? 500 : limit / 4, 500)));
      } catch (InterruptedException e) {
        return;
      }
      if (limit <= 0) {
        continue;
      }
      long now = System.nanoTime();
      for (Loop loop : LOOPS) {
        // Read seq around start so that a callback that ended (and another that began) between
        // the two reads is not reported under the wrong callback.
        long seq = loop.callbackSeq;
        long start = loop.callbackStartNanos;
        long loopLimit = start - loop.startNanos < startupMs * 1_000_000L
            ? Math.max(limit, STARTUP_THRESHOLD_MS) : limit;
        if (start == 0 || seq != loop.callbackSeq || (now - start) / 1_000_000L < loopLimit) {
          continue;
        }
        Long last = reported.get(loop);
        if (last != null && last == seq) {
          continue;
        }
        reported.put(loop, seq);
        Thread t = loop.thread;
        StringBuilder sb = new StringBuilder();
        sb.append("Thread ").append(t == null ? "?" : t.getName())
            .append(" has been blocked for ").append((now - start) / 1_000_000L)
            .append(" ms, limit is ").append(loopLimit).append(" ms");
        if (t != null) {
          for (StackTraceElement e : t.getStackTrace()) {
            sb.append("\n    at ").append(e);
          }
        }
        Warnings.emit("BlockedLoopWarning", sb.toString());
      }
    }
  }
}
