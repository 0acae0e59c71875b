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
  private volatile Consumer<Throwable> uncaughtHandler = Program::printUncaught;

  private Program(int n) {
    this.id = PROGRAMS.incrementAndGet();
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

  /** Starts {@code loops} loops, each running {@code setup} first. */
  public static Program start(int loops, Runnable setup) {
    if (loops < 1) {
      throw new IllegalArgumentException("loops must be at least 1, got " + loops);
    }
    Program p = new Program(loops);
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
    this.uncaughtHandler = handler == null ? Program::printUncaught : handler;
  }

  void uncaught(Throwable t) {
    try {
      uncaughtHandler.accept(t);
    } catch (Throwable second) {
      // Node: an exception inside the handler itself is fatal there; we print both and go on.
      printUncaught(t);
      printUncaught(second);
    }
  }

  private static void printUncaught(Throwable t) {
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
