package dev.nodus.internal.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A loop-confinement checker for tests: loop-only state changes (the streams' states, a
 * loop-bound emitter's listeners and emissions, a TCP handle's writes) call {@link #confined}, which,
 * when checking is on, records a violation if the calling thread is not the owner's loop.
 * Off by default (one volatile read per call); {@code -Dnodus.checkThreads=true} or
 * {@link #enable(boolean)} turns it on. Nothing is thrown: the state change goes on, so a test can
 * list every violation a run caused instead of stopping at the first.
 */
public final class ThreadCheck {
  private static volatile boolean enabled = Boolean.getBoolean("nodus.checkThreads");
  private static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();

  private ThreadCheck() {}

  /**
   * Turns checking on or off.
   *
   * @param on whether to check
   */
  public static void enable(boolean on) {
    enabled = on;
  }

  /**
   * Whether checking is on.
   *
   * @return the flag
   */
  public static boolean enabled() {
    return enabled;
  }

  /**
   * Records a violation if checking is on, {@code loop} is not null and the caller is not on it.
   *
   * @param loop the loop that owns the state, or null for state bound to no loop
   * @param what the state change, for the report
   */
  public static void confined(Loop loop, String what) {
    if (enabled && loop != null && !loop.inLoop()) {
      record(what);
    }
  }

  private static void record(String what) {
    StringBuilder sb = new StringBuilder(what).append(" on thread ")
        .append(Thread.currentThread().getName()).append(" via");
    // The first frames outside the library's internals name the public method that leaked.
    int shown = 0;
    for (StackTraceElement e : new Throwable().getStackTrace()) {
      String c = e.getClassName();
      if (c.equals(ThreadCheck.class.getName())) {
        continue;
      }
      sb.append(' ').append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName());
      if (++shown == 6) {
        break;
      }
    }
    VIOLATIONS.add(sb.toString());
  }

  /**
   * Returns the violations recorded since the last call, and forgets them.
   *
   * @return the violations, oldest first
   */
  public static List<String> drain() {
    List<String> out = new ArrayList<>();
    String s;
    while ((s = VIOLATIONS.poll()) != null) {
      out.add(s);
    }
    return out;
  }
}
