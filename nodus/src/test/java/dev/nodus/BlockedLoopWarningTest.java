package dev.nodus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.internal.errors.Warnings;
import dev.nodus.internal.loop.BlockedLoopChecker;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A callback that holds its loop past the threshold gets one warning with the loop's stack. */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class BlockedLoopWarningTest {
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private long previousThreshold;
  private long previousStartup;

  @BeforeEach
  void capture() {
    previousThreshold = BlockedLoopChecker.thresholdMs();
    previousStartup = BlockedLoopChecker.startupMs();
    // These tests block right at start; start-up leniency has a test of its own.
    BlockedLoopChecker.setStartupMs(0);
    Warnings.setSink((type, message) -> warnings.add(type + ": " + message));
    Nodus.setBlockedThreshold(Duration.ofMillis(200));
  }

  @AfterEach
  void restore() {
    Warnings.setSink(null);
    BlockedLoopChecker.setThresholdMs(previousThreshold);
    BlockedLoopChecker.setStartupMs(previousStartup);
  }

  /** Spins (never sleeps) so the loop thread is busy, as CPU-bound user code would be. */
  private static void busyWaitPastTheThreshold(long ms) {
    long end = System.nanoTime() + ms * 1_000_000;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  @Test
  void oneWarningPerBlockingCallbackWithTheBusyMethodInTheStack() {
    String[] loopThread = {null};
    Programs.run(Duration.ofSeconds(10), () -> {
      loopThread[0] = Thread.currentThread().getName();
      Timers.setTimeout(() -> busyWaitPastTheThreshold(700), 1);
      // Short callbacks afterwards add nothing.
      Timers.setTimeout(() -> busyWaitPastTheThreshold(20), 5);
      Timers.setImmediate(() -> {});
    });
    assertThat(warnings).hasSize(1);
    String w = warnings.get(0);
    assertThat(w)
        .startsWith("BlockedLoopWarning: Thread " + loopThread[0] + " has been blocked for ")
        .contains("limit is 200 ms")
        .contains("busyWaitPastTheThreshold");
  }

  @Test
  void callbacksUnderTheThresholdWarnNothing() {
    Programs.run(Duration.ofSeconds(10), () -> {
      for (int i = 1; i <= 5; i++) {
        Timers.setTimeout(() -> busyWaitPastTheThreshold(30), i);
      }
    });
    assertThat(warnings).isEmpty();
  }

  @Test
  void aSlowStartUpIsNotReportedButTheSameStallAfterItIs() {
    BlockedLoopChecker.setStartupMs(400);
    Programs.run(Duration.ofSeconds(10), () -> {
      // During start-up: a 700 ms stall (a cold JIT on a busy machine) is under the start-up
      // threshold; once start-up is over the same stall is reported.
      Timers.setTimeout(() -> busyWaitPastTheThreshold(700), 1);
      Timers.setTimeout(() -> busyWaitPastTheThreshold(700), 1_000);
    });
    assertThat(warnings).hasSize(1);
  }
}
