package dev.nodus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.MustCall;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The threading contract: public methods called from other threads act on the loop, several
 * loops run one program, and blocking work runs off the loop and calls back on it.
 */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopThreadsTest {
  private static final String LOOP_THREAD = "nodus-loop-(p\\d+-)?\\d";

  @RegisterExtension final MustCall calls = new MustCall();

  private final List<String> log = new CopyOnWriteArrayList<>();

  private static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  @Test
  void processExecuteFromAnotherThreadRunsOnTheLoopAsACallback() throws Exception {
    CompletableFuture<Timeout> keepAlive = new CompletableFuture<>();
    Process p = Nodus.start(() -> keepAlive.complete(Timers.setTimeout(() -> {}, 10_000)));
    Timeout t = await(keepAlive);
    assertThat(p.inLoop()).isFalse();
    p.execute(calls.mustCall(() -> {
      log.add(Thread.currentThread().getName() + " " + Nodus.inLoop() + " " + p.inLoop());
      Timers.nextTick(() -> log.add("tick"));
      Timers.clearTimeout(t);
    }));
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(log).hasSize(2);
    assertThat(log.get(0)).matches(LOOP_THREAD + " true true");
    assertThat(log.get(1)).isEqualTo("tick");
  }

  @Test
  void timeoutCloseFromAnotherThreadCancelsItOnTheLoop() throws Exception {
    CompletableFuture<Timeout> timer = new CompletableFuture<>();
    Process p = Nodus.start(() -> timer.complete(Timers.setTimeout(calls.mustNotCall(), 10_000)));
    long start = System.nanoTime();
    await(timer).close();
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    // After the program has ended there is nothing left to do, and no error either.
    await(timer).close().refresh().unref().ref();
    Timers.clearTimeout(await(timer));
  }

  @Test
  void timeoutUnrefFromAnotherThreadLetsTheProgramEnd() throws Exception {
    CompletableFuture<Timeout> timer = new CompletableFuture<>();
    Process p = Nodus.start(() -> timer.complete(Timers.setTimeout(calls.mustNotCall(), 10_000)));
    await(timer).unref();
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(await(timer).hasRef()).isFalse();
  }

  @Test
  void timeoutRefreshFromAnotherThreadRestartsItFromThen() throws Exception {
    CompletableFuture<Timeout> timer = new CompletableFuture<>();
    CountDownLatch halfway = new CountDownLatch(1);
    long[] firedAfterRefresh = {-1};
    long[] refreshedAt = {0};
    Process p = Nodus.start(() -> {
      timer.complete(Timers.setTimeout(
          calls.mustCall(() -> firedAfterRefresh[0] = (System.nanoTime() - refreshedAt[0]) / 1_000_000),
          300));
      Timers.setTimeout(halfway::countDown, 100);
    });
    assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
    refreshedAt[0] = System.nanoTime();
    await(timer).refresh();
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(firedAfterRefresh[0]).isGreaterThanOrEqualTo(295);
  }

  @Test
  void clearImmediateFromAnotherThreadActsOnTheLoop() throws Exception {
    CompletableFuture<Immediate> im = new CompletableFuture<>();
    CountDownLatch release = new CountDownLatch(1);
    Process p = Nodus.start(() -> Timers.setTimeout(() -> {
      im.complete(Timers.setImmediate(calls.mustNotCall()));
      // Hold the loop until the test thread has handed clearImmediate over; the immediate is
      // due in the next iteration's check phase, after the handed-over task.
      awaitQuietly(release);
    }, 1));
    Immediate i = await(im);
    Timers.clearImmediate(i);
    release.countDown();
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(i.hasRef()).isTrue();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void severalLoopsRunTheSetupOnceEachAndTheProgramEndsWhenAllAreEmpty() throws Exception {
    List<String> setups = new CopyOnWriteArrayList<>();
    List<String> fired = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    Process p = Nodus.start(2, () -> {
      int i = Nodus.loopIndex();
      setups.add(i + " " + Thread.currentThread().getName());
      Timers.setTimeout(() -> fired.add(i + " " + Nodus.loopIndex()), i == 0 ? 10 : 150);
    });
    assertThat(p.loopCount()).isEqualTo(2);
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
    assertThat(setups).hasSize(2);
    assertThat(setups.stream().map(s -> s.split(" ")[0])).containsExactlyInAnyOrder("0", "1");
    Set<String> threads = Set.copyOf(setups.stream().map(s -> s.split(" ")[1]).toList());
    assertThat(threads).hasSize(2).allMatch(n -> n.matches(LOOP_THREAD));
    assertThat(setups).allMatch(s -> s.split(" ")[1].endsWith("-" + s.split(" ")[0]));
    assertThat(fired).containsExactlyInAnyOrder("0 0", "1 1");
  }

  @Test
  void processExecuteOnEachLoopOfSeveral() throws Exception {
    CountDownLatch ready = new CountDownLatch(2);
    Timeout[] keep = new Timeout[2];
    Process p = Nodus.start(2, () -> {
      keep[Nodus.loopIndex()] = Timers.setTimeout(() -> {}, 10_000);
      ready.countDown();
    });
    assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 2; i++) {
      int idx = i;
      p.execute(i, calls.mustCall(() -> {
        log.add(idx + " " + Nodus.loopIndex());
        keep[idx].close();
      }));
    }
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(log).containsExactlyInAnyOrder("0 0", "1 1");
  }

  @Test
  void runBlockingRunsOffTheLoopKeepsTheProgramAliveAndCallsBackOnTheLoop() throws Exception {
    CountDownLatch working = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Process p = Nodus.start(() -> Nodus.runBlocking(
        () -> {
          log.add("work on loop: " + Nodus.inLoop());
          working.countDown();
          assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
          return 42;
        },
        calls.mustCall((err, v) -> log.add(
            "callback on loop: " + Nodus.inLoop() + " " + err + " " + v))));
    assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
    // Nothing but the blocking work is pending, and the program waits for it.
    assertThat(p.awaitExit(Duration.ofMillis(100))).isFalse();
    release.countDown();
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(log).containsExactly("work on loop: false", "callback on loop: true null 42");
  }

  @Test
  void runBlockingPassesTheWorksExceptionToTheCallback() {
    IllegalStateException bad = new IllegalStateException("bad");
    Process p = Nodus.start(() -> Nodus.<Integer>runBlocking(
        () -> {
          throw bad;
        },
        calls.mustCall((err, v) -> log.add((err == bad) + " " + v))));
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(log).containsExactly("true null");
  }

  @Test
  void stopEndsAProgramWithPendingTimersQuietly() throws Exception {
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    CountDownLatch ticking = new CountDownLatch(3);
    Process p = Nodus.start(() -> {
      Nodus.onUncaughtException(errors::add);
      Timers.setInterval(() -> {
        ticking.countDown();
        Timers.setImmediate(() -> {});
        Timers.nextTick(() -> {});
      }, 1);
      Timers.setTimeout(() -> {}, 60_000);
    });
    assertThat(ticking.await(10, TimeUnit.SECONDS)).isTrue();
    p.stop();
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(errors).isEmpty();
  }
}
