package dev.nodus.internal.loop;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * One Nodus loop: a Netty event-loop thread plus Node's per-iteration machinery that Netty
 * lacks: the {@code process.nextTick} and microtask queues drained after every callback, the
 * timer heap, the {@code setImmediate} queue, and the count of ref'd handles that decides when
 * the program ends ({@code uv_loop_alive}).
 *
 * <p>Every entry from Netty into user code goes through {@link #runCallback(Runnable)}, which
 * routes an escaped exception to the uncaught handler, drains the tick queue, and checks
 * whether the loop is still alive. Everything here is touched on the loop thread only, except
 * {@link #execute(Runnable)}.
 */
public final class Loop {
  private static final FastThreadLocal<Loop> CURRENT = new FastThreadLocal<>();

  private final Program program;
  private final EventLoop eventLoop;
  private final int index;
  private final long originNanos = System.nanoTime();

  private final ArrayDeque<Runnable> ticks = new ArrayDeque<>();
  private final ArrayDeque<Runnable> microtasks = new ArrayDeque<>();
  final TimerHeap timers = new TimerHeap(this);
  private ArrayDeque<LoopImmediate> immediates = new ArrayDeque<>();
  private boolean immediatesScheduled;

  private int depth;
  private int refs;
  private boolean exitCheckScheduled;
  private boolean exited;

  /** For the blocked-loop checker: when the running callback began (0 when idle), and which. */
  volatile long callbackStartNanos;
  volatile long callbackSeq;
  volatile Thread thread;

  Loop(Program program, EventLoop eventLoop, int index) {
    this.program = program;
    this.eventLoop = eventLoop;
    this.index = index;
  }

  /** The loop whose thread is calling, or null off any loop. */
  public static Loop current() {
    return CURRENT.getIfExists();
  }

  /** The loop whose thread is calling; throws off any loop. */
  public static Loop require() {
    Loop loop = CURRENT.getIfExists();
    if (loop == null) {
      throw new IllegalStateException(
          "not on a Nodus loop: call this from code run by Nodus.run(...) or one of its callbacks");
    }
    return loop;
  }

  /** The Netty event loop under this loop. */
  public EventLoop eventLoop() {
    return eventLoop;
  }

  /** The program this loop belongs to. */
  public Program program() {
    return program;
  }

  /** This loop's index within its program, from 0 (Node cluster's worker id minus one). */
  public int index() {
    return index;
  }

  /** Whether the calling thread is this loop's. */
  public boolean inLoop() {
    return eventLoop.inEventLoop();
  }

  /** Milliseconds since this loop started, the clock timers use. */
  public long nowMs() {
    return (System.nanoTime() - originNanos) / 1_000_000L;
  }

  void start(Runnable setup) {
    eventLoop.execute(() -> {
      CURRENT.set(this);
      thread = Thread.currentThread();
      BlockedLoopChecker.register(this);
      runCallback(setup);
      scheduleExitCheck();
    });
  }

  // ---- callbacks and ticks -----------------------------------------------------------------

  /**
   * Runs {@code cb} as a callback from the loop: an exception goes to the uncaught handler, and
   * then the nextTick and microtask queues are drained, as Node does after every callback. A
   * nested call (a callback that triggers another synchronously) just runs it; the outermost
   * call drains.
   */
  public void runCallback(Runnable cb) {
    if (depth > 0) {
      cb.run();
      return;
    }
    depth++;
    callbackSeq++;
    callbackStartNanos = System.nanoTime();
    try {
      cb.run();
    } catch (Throwable t) {
      uncaught(t);
    }
    try {
      runTicks();
    } finally {
      depth--;
      callbackStartNanos = 0;
    }
    if (refs <= 0) {
      scheduleExitCheck();
    }
  }

  /** Runs {@code cb} on this loop as a callback: now if on the loop, else handed over. */
  public void execute(Runnable cb) {
    if (eventLoop.inEventLoop()) {
      runCallback(cb);
      return;
    }
    try {
      eventLoop.execute(() -> runCallback(cb));
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the Nodus program has ended", e);
    }
  }

  /** Hands {@code cb} to this loop as a later callback, even when called on the loop. */
  public void executeLater(Runnable cb) {
    try {
      eventLoop.execute(() -> runCallback(cb));
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the Nodus program has ended", e);
    }
  }

  /** Node's {@code process.nextTick(cb)}. */
  public void nextTick(Runnable cb) {
    ticks.add(cb);
    if (depth == 0) {
      // Called outside any callback (e.g. from a Netty listener): drain soon.
      eventLoop.execute(() -> runCallback(() -> {}));
    }
  }

  /** Node's {@code queueMicrotask(cb)}: runs after the nextTick queue is empty. */
  public void queueMicrotask(Runnable cb) {
    microtasks.add(cb);
    if (depth == 0) {
      eventLoop.execute(() -> runCallback(() -> {}));
    }
  }

  private void runTicks() {
    // Node's processTicksAndRejections: all ticks, then microtasks, until both are empty.
    do {
      Runnable r;
      while ((r = ticks.poll()) != null) {
        try {
          r.run();
        } catch (Throwable t) {
          uncaught(t);
        }
      }
      while ((r = microtasks.poll()) != null) {
        try {
          r.run();
        } catch (Throwable t) {
          uncaught(t);
        }
      }
    } while (!ticks.isEmpty());
  }

  /** Sends {@code t} to the program's uncaught-exception handler. */
  public void uncaught(Throwable t) {
    program.uncaught(t);
  }

  // ---- timers and immediates -----------------------------------------------------------------

  /** Creates and starts a timer. Node: {@code setTimeout}/{@code setInterval}. */
  public LoopTimer setTimer(Runnable cb, long delayMs, boolean repeat) {
    LoopTimer t = new LoopTimer(this, cb, delayMs, repeat);
    timers.add(t, nowMs() + delayMs);
    return t;
  }

  /** Queues {@code cb} to run after this turn's I/O. Node: {@code setImmediate(cb)}. */
  public LoopImmediate setImmediate(Runnable cb) {
    LoopImmediate im = new LoopImmediate(this, cb);
    immediates.add(im);
    ref();
    if (!immediatesScheduled) {
      immediatesScheduled = true;
      // Netty runs tasks after the I/O of the current iteration: Node's check phase.
      eventLoop.execute(this::runImmediates);
    }
    return im;
  }

  private void runImmediates() {
    immediatesScheduled = false;
    ArrayDeque<LoopImmediate> batch = immediates;
    immediates = new ArrayDeque<>();
    LoopImmediate im;
    while ((im = batch.poll()) != null) {
      if (im.cleared) {
        continue;
      }
      im.cleared = true;
      if (im.ref) {
        unref();
      }
      runCallback(im.callback);
    }
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /** A handle, timer or request that keeps the loop alive started. */
  public void ref() {
    refs++;
  }

  /** One that kept the loop alive stopped; the loop ends when none is left. */
  public void unref() {
    refs--;
    if (refs <= 0) {
      scheduleExitCheck();
    }
  }

  /** How many things keep this loop alive. */
  public int refCount() {
    return refs;
  }

  /** Whether this loop has ended. */
  public boolean exited() {
    return exited;
  }

  private void scheduleExitCheck() {
    if (exitCheckScheduled || exited || refs > 0) {
      return;
    }
    exitCheckScheduled = true;
    // Checked as a later task so that work already handed to Netty (a close completing, a
    // listener about to register) runs first.
    eventLoop.execute(this::checkExit);
  }

  private void checkExit() {
    exitCheckScheduled = false;
    if (exited || refs > 0 || !ticks.isEmpty() || !immediates.isEmpty()) {
      return;
    }
    exited = true;
    BlockedLoopChecker.deregister(this);
    program.loopExited(this);
  }
}
