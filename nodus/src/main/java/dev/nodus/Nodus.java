package dev.nodus;

import dev.nodus.internal.loop.BlockedLoopChecker;
import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.Program;
import dev.nodus.internal.loop.Transports;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The runtime entry point: runs a program on a loop, with Node's process lifecycle.
 *
 * <pre>{@code
 * Nodus.run(() -> {
 *   Server server = Net.createServer(socket -> socket.pipe(socket));
 *   server.listen(8124, () -> System.out.println("server bound"));
 * });
 * }</pre>
 *
 * <p>The setup code runs on the loop; so does every callback it registers, one at a time, so
 * programs need no locks, exactly as in Node. No event fires before the code that registered
 * its listener has returned. The program ends by itself when nothing ref'd is left: no
 * listening server, open socket, pending timer or immediate (Node: the process exits when the
 * event loop is empty). Blocking inside a callback blocks the loop, as in Node; use
 * {@link #runBlocking(Callable, BiConsumer)} for blocking work.
 *
 * <p>Beyond Node: {@link #run(int, Runnable)} runs the same program on several loops, one per
 * core (Node's {@code cluster} inside one JVM). Each loop runs its own copy of the setup code and
 * owns the state that code creates; servers listening on the same port share it.
 */
public final class Nodus {
  private static final ExecutorService BLOCKING =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "nodus-blocking");
            t.setDaemon(true);
            return t;
          });

  private Nodus() {}

  /**
   * Runs {@code setup} on a new loop and returns when the program has ended. Runs it as Node
   * runs a script: an error nothing handled (an exception escaping a callback, an
   * {@code 'error'} event without listener), unless {@link #onUncaughtException} is set, ends
   * the program at once and is rethrown here, so the JVM prints it and {@code main} ends with
   * exit status 1, as Node's process does.
   *
   * @param setup the program's main code
   */
  public static void run(Runnable setup) {
    run(1, setup);
  }

  /**
   * Runs {@code setup} on {@code loops} loops, each its own copy, and returns when all have
   * ended. Node: {@code cluster.fork()} once per worker, with the workers sharing ports. An
   * error nothing handled ends the whole program and is rethrown, as in {@link #run(Runnable)}.
   *
   * @param loops how many loops (one per core is the usual choice)
   * @param setup the program's main code, run once per loop
   */
  public static void run(int loops, Runnable setup) {
    Program program = Program.start(loops, setup, true);
    new Process(program).awaitExit();
    Throwable fatal = program.fatalError();
    if (fatal != null) {
      throw Nodus.<RuntimeException>rethrow(fatal);
    }
  }

  /** Throws {@code t} as it is, checked or not, so {@code main} ends with the original error. */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T rethrow(Throwable t) throws T {
    throw (T) t;
  }

  /**
   * Starts {@code setup} on a new loop and returns at once with a handle on the program. For
   * embedding in an application: an error nothing handled is printed to stderr (or goes to
   * {@link #onUncaughtException}) and the program goes on; nothing ever calls
   * {@code System.exit}.
   *
   * @param setup the program's main code
   * @return the running program
   */
  public static Process start(Runnable setup) {
    return start(1, setup);
  }

  /**
   * Starts {@code setup} on {@code loops} loops and returns at once.
   *
   * @param loops how many loops
   * @param setup the program's main code, run once per loop
   * @return the running program
   */
  public static Process start(int loops, Runnable setup) {
    return new Process(Program.start(loops, setup, false));
  }

  /**
   * Sets the handler for errors nothing else handled: an exception escaping a callback, an
   * {@code 'error'} event without listener. Node: {@code process.on('uncaughtException', fn)}.
   * With a handler the program keeps running, as Node's does. Without one, a program run by
   * {@link #run(Runnable)} ends and the error is rethrown (Node's default: print and exit 1); a
   * program started by {@link #start(Runnable)} prints it to stderr and goes on. An exception
   * thrown by the handler itself is treated as unhandled. Call it from the program's code; it
   * applies to the calling program.
   *
   * @param handler the handler, or null for the default
   */
  public static void onUncaughtException(Consumer<Throwable> handler) {
    Loop.require().program().setUncaughtHandler(handler);
  }

  /**
   * Returns the program's standard input as a Readable stream. Node: {@code process.stdin}.
   * Reading starts with the first {@code 'data'} listener (or {@code read()}); while it reads,
   * stdin keeps the program alive, until end of input.
   *
   * @return the stdin stream
   */
  public static dev.nodus.stream.Readable stdin() {
    return dev.nodus.internal.stdio.StdinStream.get();
  }

  /**
   * Returns whether the calling thread is a Nodus loop.
   *
   * @return true on a loop thread
   */
  public static boolean inLoop() {
    return Loop.current() != null;
  }

  /**
   * Returns the calling loop's index within its program, from 0 (Node: {@code cluster.worker.id
   * - 1}; always 0 with one loop).
   *
   * @return the index
   */
  public static int loopIndex() {
    return Loop.require().index();
  }

  /**
   * Returns the name of the Netty transport in use: {@code "epoll"} or {@code "nio"}. The system
   * property {@code nodus.transport} forces one.
   *
   * @return the transport name
   */
  public static String transport() {
    return Transports.name();
  }

  /**
   * Sets how long a callback may hold its loop before a warning with the loop's stack trace is
   * printed (default 2 s; the system property {@code nodus.blockedThresholdMs} sets it too).
   *
   * @param threshold the threshold; zero turns the check off
   */
  public static void setBlockedThreshold(Duration threshold) {
    BlockedLoopChecker.setThresholdMs(threshold.toMillis());
  }

  /**
   * Runs blocking {@code work} on a worker thread and calls {@code callback(err, result)} back
   * on the calling loop. The loop stays alive until the callback has run. Node has no direct
   * equivalent (its thread pool serves fs, dns and crypto).
   *
   * @param work the blocking work
   * @param callback receives (null, result) or (error, null), on the loop
   * @param <T> the result type
   */
  public static <T> void runBlocking(Callable<T> work, BiConsumer<Throwable, T> callback) {
    Loop loop = Loop.require();
    loop.ref();
    BLOCKING.execute(
        () -> {
          T result = null;
          Throwable error = null;
          try {
            result = work.call();
          } catch (Throwable t) {
            error = t;
          }
          Throwable e = error;
          T r = result;
          loop.executeLater(
              () -> {
                loop.unref();
                callback.accept(e, r);
              });
        });
  }
}
