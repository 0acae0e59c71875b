package dev.nodus.testing;

import dev.nodus.Nodus;
import dev.nodus.Process;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a Nodus program inside a test: uncaught errors become test failures, and a program that
 * does not end within the limit fails the test (and is stopped).
 */
public final class Programs {
  private Programs() {}

  /**
   * Runs {@code setup} on one loop and waits for the program to end by itself.
   *
   * @param limit how long it may take
   * @param setup the program
   */
  public static void run(Duration limit, Runnable setup) {
    run(1, limit, setup);
  }

  /**
   * Runs {@code setup} on {@code loops} loops and waits for the program to end by itself.
   *
   * @param loops the loop count
   * @param limit how long it may take
   * @param setup the program
   */
  public static void run(int loops, Duration limit, Runnable setup) {
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    Process p =
        Nodus.start(
            loops,
            () -> {
              Nodus.onUncaughtException(errors::add);
              setup.run();
            });
    boolean ended = p.awaitExit(limit);
    if (!ended) {
      p.stop();
      p.awaitExit(Duration.ofSeconds(5));
    }
    if (!errors.isEmpty()) {
      AssertionError e = new AssertionError("uncaught error in the program: " + errors.get(0), errors.get(0));
      errors.stream().skip(1).forEach(e::addSuppressed);
      throw e;
    }
    if (!ended) {
      throw new AssertionError("the program did not end within " + limit);
    }
  }
}
