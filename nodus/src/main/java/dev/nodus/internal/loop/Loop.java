package dev.nodus.internal.loop;

import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * One Nodus loop: a Netty event-loop thread plus Node's per-iteration machinery that Netty
 * lacks: the {@code process.nextTick} and microtask queues drained after every callback, the
 * timer heap, the {@code setImmediate} queue, and the count of ref'd handles that decides when
 * the program ends ({@code uv_loop_alive}).
 *
 * <h2>Phases</h2>
 * A Netty iteration runs I/O, then queued tasks, then "tail" tasks. Nodus maps libuv's
 * iteration (Node 20, libuv 1.46: pending, poll, check, closing, timers, then the alive check)
 * onto it: I/O callbacks are the poll phase; tasks handed over with {@link #execute} are the
 * pending phase; and one tail task per iteration ({@link #endOfIteration}) runs the check phase
 * (immediates), then the closing phase (handle close callbacks, {@link #closing}), then the
 * timers that are due, then decides whether the loop is still alive. So,
 * as in Node, an immediate set by an I/O callback runs before any timer, an immediate set by an
 * immediate or a timer runs on the next iteration (after the next I/O poll), and the loop ends
 * right after the iteration in which nothing ref'd is left, without running unref'd immediates.
 * After the setup code (Node's main script) the alive check comes first, as {@code uv_run}
 * does before its first iteration.
 *
 * <h2>Rules for handles</h2>
 * Every entry from Netty into user code goes through {@link #runCallback(Runnable)}, which
 * routes an escaped exception to the uncaught handler, drains the tick queue, and checks
 * whether the loop is still alive. A handle {@link #ref()}s the loop while it is active and
 * {@link #unref()}s it only once its close has completed, as libuv counts closing handles
 * alive. Everything here is touched on the loop thread only, except {@link #execute(Runnable)},
 * {@link #executeLater(Runnable)} and the read-only accessors.
 */
public final class Loop {
  private static final FastThreadLocal<Loop> CURRENT = new FastThreadLocal<>();
  private static final Runnable NOTHING = () -> {};

  private final Program program;
  private final EventLoop eventLoop;
  private final int index;
  private final long originNanos = System.nanoTime();

  private final ArrayDeque<Runnable> ticks = new ArrayDeque<>();
  private final ArrayDeque<Runnable> microtasks = new ArrayDeque<>();
  final TimerHeap timers = new TimerHeap(this);
  private ArrayDeque<LoopImmediate> immediates = new ArrayDeque<>();
  /** libuv's closing_handles: pushed at the front, so the last closed runs first. */
  private ArrayDeque<Runnable> closing = new ArrayDeque<>();

  private int depth;
  private int refs;
  private boolean drainQueued;
  private boolean endQueued;
  private boolean inEnd;
  private boolean firstIteration = true;
  private volatile boolean exited;
  /** Callbacks handed over from other threads and not yet run: they keep the loop alive. */
  private final java.util.concurrent.atomic.AtomicInteger handedOver =
      new java.util.concurrent.atomic.AtomicInteger();

  /** For the blocked-loop checker: when the running callback began (0 when idle), and which. */
  volatile long callbackStartNanos;
  volatile long callbackSeq;
  volatile Thread thread;
  /** When this loop began running its setup code, for the blocked-loop checker. */
  volatile long startNanos;

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

  void start(String threadName, Runnable setup) {
    eventLoop.execute(
        () -> {
          CURRENT.set(this);
          thread = Thread.currentThread();
          startNanos = System.nanoTime();
          thread.setName(threadName);
          BlockedLoopChecker.register(this);
          runCallback(setup);
          requestEndOfIteration();
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
    if (program.dead()) {
      return;
    }
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
      requestEndOfIteration();
    }
  }

  /** Runs {@code cb} on this loop as a callback: now if on the loop, else handed over. */
  public void execute(Runnable cb) {
    if (eventLoop.inEventLoop()) {
      runCallback(cb);
      return;
    }
    executeLater(cb);
  }

  /**
   * Hands {@code cb} to this loop as a later callback, even when called on the loop. A callback
   * handed over from another thread keeps the loop alive until it has run (libuv's ref'd async
   * handle): a call a thread hands to a stream is never dropped because the loop found nothing
   * else to do.
   */
  public void executeLater(Runnable cb) {
    if (eventLoop.inEventLoop()) {
      try {
        eventLoop.execute(() -> runCallback(cb));
      } catch (RejectedExecutionException e) {
        throw new IllegalStateException("the Nodus program has ended", e);
      }
      return;
    }
    handedOver.incrementAndGet();
    try {
      eventLoop.execute(() -> {
        handedOver.decrementAndGet();
        runCallback(cb);
      });
    } catch (RejectedExecutionException e) {
      handedOver.decrementAndGet();
      throw new IllegalStateException("the Nodus program has ended", e);
    }
  }

  /**
   * Like {@link #execute(Runnable)}, but does nothing once the program has ended; for methods
   * such as {@code clearTimeout} that have nothing left to do then.
   */
  public void executeIfRunning(Runnable cb) {
    if (eventLoop.inEventLoop()) {
      runCallback(cb);
      return;
    }
    try {
      eventLoop.execute(() -> runCallback(cb));
    } catch (RejectedExecutionException e) {
      // The program has ended: the timer or handle is gone with it.
    }
  }

  /** Node's {@code process.nextTick(cb)}. */
  public void nextTick(Runnable cb) {
    ThreadCheck.confined(this, "Loop.nextTick");
    ticks.add(cb);
    if (depth == 0) {
      // Called outside any callback (e.g. from a Netty listener): drain soon, as a callback.
      queueDrain();
    }
  }

  /** Node's {@code queueMicrotask(cb)}: runs after the nextTick queue is empty. */
  public void queueMicrotask(Runnable cb) {
    microtasks.add(cb);
    if (depth == 0) {
      queueDrain();
    }
  }

  private void queueDrain() {
    if (drainQueued) {
      return;
    }
    drainQueued = true;
    try {
      eventLoop.execute(
          () -> {
            drainQueued = false;
            runCallback(NOTHING);
          });
    } catch (RejectedExecutionException e) {
      // Process.stop() shut the loop down: the queued ticks die with it, as at process.exit().
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
          // Node: the throw leaves processTicksAndRejections; after the uncaught handler the
          // remaining ticks and microtasks run at the end of the next callback, or, if none
          // comes first, right after (test/parallel/test-next-tick-errors.js).
          uncaught(t);
          if (!ticks.isEmpty() || !microtasks.isEmpty()) {
            queueDrain();
          }
          return;
        }
      }
      while ((r = microtasks.poll()) != null) {
        try {
          r.run();
        } catch (Throwable t) {
          // V8 reports a throwing microtask and carries on with the queue.
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

  /** Queues {@code cb} for this iteration's check phase. Node: {@code setImmediate(cb)}. */
  public LoopImmediate setImmediate(Runnable cb) {
    LoopImmediate im = new LoopImmediate(this, cb);
    immediates.add(im);
    ref();
    requestEndOfIteration();
    return im;
  }

  /** Node's processImmediate: the queue as it was when the phase began, each then its ticks. */
  private void runImmediates() {
    if (immediates.isEmpty()) {
      return;
    }
    ArrayDeque<LoopImmediate> batch = immediates;
    immediates = new ArrayDeque<>();
    LoopImmediate im;
    while ((im = batch.poll()) != null) {
      if (im.cleared) {
        continue;
      }
      im.cleared = true;
      if (im.ref) {
        refs--; // not unref(): the alive check comes at the end of the iteration anyway
      }
      runCallback(im.callback);
    }
  }

  /**
   * Queues a handle's close callback for this iteration's closing phase, libuv's
   * {@code uv_close}: it runs after the check phase (so after the immediates already queued), the
   * last closed handle's first, and a close queued while the phase runs waits for the next
   * iteration. Node emits a destroyed socket's {@code 'close'} from there.
   */
  public void closing(Runnable cb) {
    ThreadCheck.confined(this, "Loop.closing");
    closing.push(cb);
    requestEndOfIteration();
  }

  /** libuv's uv__run_closing_handles: the list as it was when the phase began. */
  private void runClosing() {
    if (closing.isEmpty()) {
      return;
    }
    ArrayDeque<Runnable> batch = closing;
    closing = new ArrayDeque<>();
    Runnable cb;
    while ((cb = batch.pollFirst()) != null) {
      runCallback(cb);
    }
  }

  /** The timer heap's wake-up fired: run the due timers in this iteration's timers phase. */
  void timersDue() {
    requestEndOfIteration();
  }

  /**
   * Makes sure {@link #endOfIteration()} runs at the end of the current Netty iteration, or of
   * the next one when asked from inside it (Netty would otherwise run it again in the same
   * pass, before the next I/O poll).
   */
  private void requestEndOfIteration() {
    if (endQueued || exited) {
      return;
    }
    endQueued = true;
    try {
      if (inEnd || !(eventLoop instanceof SingleThreadEventLoop tail)) {
        eventLoop.execute(this::queueEndOfIteration);
      } else {
        tail.executeAfterEventLoopIteration(this::endOfIteration);
      }
    } catch (RejectedExecutionException e) {
      // Process.stop() shut the loop down: there is no next iteration.
    }
  }

  private void queueEndOfIteration() {
    if (eventLoop instanceof SingleThreadEventLoop tail) {
      tail.executeAfterEventLoopIteration(this::endOfIteration);
    } else {
      endOfIteration();
    }
  }

  /** libuv's check phase, closing phase, timers phase and alive check. */
  private void endOfIteration() {
    endQueued = false;
    if (exited) {
      return;
    }
    inEnd = true;
    try {
      if (firstIteration) {
        // uv_run checks uv_loop_alive once before its first iteration: a program whose main
        // script leaves nothing ref'd ends without running its unref'd immediates.
        firstIteration = false;
        if (!alive()) {
          exit();
          return;
        }
      }
      runImmediates();
      runClosing();
      timers.runDue();
    } finally {
      inEnd = false;
    }
    if (!alive()) {
      exit();
    }
  }

  private boolean alive() {
    return refs > 0 || !ticks.isEmpty() || !microtasks.isEmpty() || drainQueued
        || handedOver.get() > 0;
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
      requestEndOfIteration();
    }
  }

  /** Whether this loop has ended. */
  public boolean exited() {
    return exited;
  }

  private void exit() {
    exited = true;
    timers.stop();
    immediates.clear();
    closing.clear();
    BlockedLoopChecker.deregister(this);
    program.loopExited(this);
  }
}
