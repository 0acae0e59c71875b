package dev.nodus;

import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.Program;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running Nodus program, as returned by {@link Nodus#start(Runnable)}: what Node calls the
 * process, seen from outside. Safe to use from any thread.
 */
public final class Process {
  private final Program program;

  Process(Program program) {
    this.program = program;
  }

  /**
   * Returns a future completed when the program has ended (every loop empty).
   *
   * @return the exit future
   */
  public CompletableFuture<Void> exitFuture() {
    return program.exitFuture();
  }

  /** Waits until the program has ended. */
  public void awaitExit() {
    try {
      program.exitFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the program to end", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Waits up to {@code timeout} for the program to end.
   *
   * @param timeout how long to wait
   * @return true if it ended, false on timeout
   */
  public boolean awaitExit(Duration timeout) {
    try {
      program.exitFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Runs {@code task} on the program's first loop as a callback.
   *
   * @param task the code to run
   */
  public void execute(Runnable task) {
    execute(0, task);
  }

  /**
   * Runs {@code task} on the loop with index {@code loop} as a callback.
   *
   * @param loop the loop index
   * @param task the code to run
   */
  public void execute(int loop, Runnable task) {
    program.loops().get(loop).executeLater(task);
  }

  /**
   * Returns how many loops the program runs.
   *
   * @return the loop count
   */
  public int loopCount() {
    return program.loops().size();
  }

  /**
   * Ends the program now, closing whatever is still open. Node: {@code process.exit()}, without
   * ending the JVM.
   */
  public void stop() {
    program.stop();
  }

  /**
   * Returns whether the calling thread is one of this program's loops.
   *
   * @return true on one of its loops
   */
  public boolean inLoop() {
    Loop l = Loop.current();
    return l != null && l.program() == program;
  }
}
