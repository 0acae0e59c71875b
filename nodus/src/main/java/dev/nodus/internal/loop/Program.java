package dev.nodus.internal.loop;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A running program: one or more loops, each running its own copy of the setup code (Node's
 * cluster workers, inside one JVM). The program ends when every loop has ended; its event-loop
 * group is then shut down.
 */
public final class Program {
  private static final AtomicInteger PROGRAMS = new AtomicInteger();

  private final int id;
  private final EventLoopGroup group;
  private final List<Loop> loops;
  private final AtomicInteger live;
  private final CompletableFuture<Void> exit = new CompletableFuture<>();
  private final boolean fatalUncaught;
  private volatile Consumer<Throwable> uncaughtHandler;
  /** The first error nothing handled, in a program run as a script; it ended the program. */
  private volatile Throwable fatal;

  private Program(int n, boolean fatalUncaught) {
    this.id = PROGRAMS.incrementAndGet();
    this.fatalUncaught = fatalUncaught;
    // DefaultThreadFactory makes FastThreadLocalThreads; each loop renames its thread when it
    // starts (threadName), since the factory's own names carry a pool counter.
    this.group =
        new MultiThreadIoEventLoopGroup(
            n, new DefaultThreadFactory("nodus-loop", false), Transports.ioHandlerFactory());
    List<Loop> list = new ArrayList<>(n);
    int i = 0;
    for (var executor : group) {
      list.add(new Loop(this, (EventLoop) executor, i++));
    }
    this.loops = Collections.unmodifiableList(list);
    this.live = new AtomicInteger(n);
  }

  /**
   * Starts {@code loops} loops, each running {@code setup} first.
   *
   * @param fatalUncaught true for a program run as a script ({@code Nodus.run}): an error
   *     nothing handled ends it, as it ends Node's process; false for an embedded program
   *     ({@code Nodus.start}), which reports such errors and goes on
   */
  public static Program start(int loops, Runnable setup, boolean fatalUncaught) {
    if (loops < 1) {
      throw new IllegalArgumentException("loops must be at least 1, got " + loops);
    }
    Program p = new Program(loops, fatalUncaught);
    ColdStart.await();
    for (Loop loop : p.loops) {
      loop.start(p.threadName(loop.index()), setup);
    }
    return p;
  }

  /**
   * The name of loop {@code index}'s thread: {@code nodus-loop-0}, {@code nodus-loop-1}... for
   * the JVM's first program, {@code nodus-loop-p2-0}... for later ones (tests start many).
   */
  String threadName(int index) {
    return (id == 1 ? "nodus-loop-" : "nodus-loop-p" + id + "-") + index;
  }

  /** The loops, in index order. */
  public List<Loop> loops() {
    return loops;
  }

  /** The Netty group under the loops. */
  public EventLoopGroup group() {
    return group;
  }

  /** Completes when every loop has ended and the group has shut down. */
  public CompletableFuture<Void> exitFuture() {
    return exit;
  }

  /** Sets where uncaught errors go. Node: {@code process.on('uncaughtException', fn)}. */
  public void setUncaughtHandler(Consumer<Throwable> handler) {
    this.uncaughtHandler = handler;
  }

  /**
   * The error that ended a program run as a script, or null. {@code Nodus.run} rethrows it,
   * so the JVM prints it and {@code main} ends with exit status 1, as Node's process does.
   */
  public Throwable fatalError() {
    return fatal;
  }

  /** Whether an uncaught error has ended this program: no callback may run any more. */
  boolean dead() {
    return fatal != null;
  }

  void uncaught(Throwable t) {
    Consumer<Throwable> handler = uncaughtHandler;
    if (handler == null) {
      unhandled(t);
      return;
    }
    try {
      handler.accept(t);
    } catch (Throwable second) {
      // Node: an exception thrown by the 'uncaughtException' handler itself is fatal.
      second.addSuppressed(t);
      unhandled(second);
    }
  }

  private void unhandled(Throwable t) {
    if (fatalUncaught) {
      // Node prints the error and the process ends at once, running nothing else: the loops
      // stop dispatching callbacks (Loop.runCallback checks dead()) and Nodus.run rethrows.
      if (fatal == null) {
        fatal = t;
        shutdown();
      }
      return;
    }
    // Embedded: the host application owns the process; report and go on.
    System.err.print("Uncaught ");
    t.printStackTrace();
  }

  void loopExited(Loop loop) {
    if (live.decrementAndGet() == 0) {
      shutdown();
    }
  }

  /** Ends the program now, whatever is still open, as {@code process.exit()} ends Node's. */
  public void stop() {
    shutdown();
  }

  private void shutdown() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS)
        .addListener(f -> exit.complete(null));
  }
}
