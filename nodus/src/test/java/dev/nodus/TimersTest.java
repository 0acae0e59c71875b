package dev.nodus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;


@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimersTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Test
  void programWithOneTimerEndsRightAfterItFires() {
    long start = System.nanoTime();
    Programs.run(Duration.ofSeconds(5), () -> Timers.setTimeout(() -> log.add("fired"), 50));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(log).containsExactly("fired");
    assertThat(ms).isBetween(45L, 2000L);
  }

  @Test
  void unrefdTimerDoesNotKeepTheProgramAlive() {
    Programs.run(Duration.ofSeconds(5), () -> Timers.setTimeout(() -> log.add("fired"), 10_000).unref());
    assertThat(log).isEmpty();
  }

  @Test
  void orderMatchesNode() {
    // Node prints: sync, tick1, tick2, micro, t0-a, t0-b, tick-in-timer, t5, immediate-from-timer
    Programs.run(Duration.ofSeconds(5), () -> {
      Timers.setTimeout(() -> {
        log.add("t5");
        Timers.setImmediate(() -> log.add("immediate-from-timer"));
      }, 5);
      Timers.setTimeout(() -> {
        log.add("t0-a");
        Timers.nextTick(() -> log.add("tick-in-timer"));
      }, 0);
      Timers.setTimeout(() -> log.add("t0-b"), 0);
      Timers.queueMicrotask(() -> log.add("micro"));
      Timers.nextTick(() -> log.add("tick1"));
      Timers.nextTick(() -> log.add("tick2"));
      log.add("sync");
    });
    assertThat(log).containsExactly(
        "sync", "tick1", "tick2", "micro", "t0-a", "tick-in-timer", "t0-b", "t5",
        "immediate-from-timer");
  }

  @Test
  void intervalRepeatsUntilCleared() {
    Programs.run(Duration.ofSeconds(5), () -> {
      int[] n = {0};
      Timeout[] t = new Timeout[1];
      t[0] = Timers.setInterval(() -> {
        log.add("tick" + (++n[0]));
        if (n[0] == 3) {
          Timers.clearInterval(t[0]);
        }
      }, 5);
    });
    assertThat(log).containsExactly("tick1", "tick2", "tick3");
  }

  @Test
  void clearedTimeoutNeverFiresAndReleasesTheLoop() {
    Programs.run(Duration.ofSeconds(5), () -> {
      Timeout t = Timers.setTimeout(() -> log.add("fired"), 10_000);
      Timers.clearTimeout(t);
    });
    assertThat(log).isEmpty();
  }

  @Test
  void uncaughtExceptionGoesToHandlerAndLoopContinues() {
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    Process p = Nodus.start(() -> {
      Nodus.onUncaughtException(errors::add);
      Timers.setTimeout(() -> {
        throw new IllegalStateException("boom");
      }, 1);
      Timers.setTimeout(() -> log.add("after"), 20);
    });
    assertThat(p.awaitExit(Duration.ofSeconds(5))).isTrue();
    assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessage("boom"));
    assertThat(log).containsExactly("after");
  }
}
