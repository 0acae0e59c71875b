package dev.nodus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.JsLog;
import dev.nodus.testing.MustCall;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * process.nextTick, queueMicrotask and setImmediate: their order, the loop iterations they run
 * in, clearImmediate and unref'd immediates. Node programs and their output are in the
 * {@code // node:} / {@code // node>} comments, checked by {@code NodeSnippetsCheck}.
 */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class TicksAndImmediatesTest {
  @RegisterExtension final MustCall calls = new MustCall();

  private final JsLog js = new JsLog();
  private final List<String> log = js.lines;

  private void log(Object... parts) {
    js.log(parts);
  }

  private static void run(Runnable setup) {
    Programs.run(Duration.ofSeconds(10), setup);
  }

  /** Holds the loop, as a CPU-bound callback does; never sleeps. */
  static void spin(long ms) {
    long end = System.nanoTime() + ms * 1_000_000;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  @Test
  void ticksRunBeforeMicrotasksAndBothBeforeImmediates() {
    // node: setImmediate(() => log('immediate'));
    // node: queueMicrotask(() => {
    // node:   log('micro1');
    // node:   process.nextTick(() => log('tick-from-micro'));
    // node:   queueMicrotask(() => log('micro-from-micro'));
    // node: });
    // node: process.nextTick(() => { log('tick1'); process.nextTick(() => log('tick-from-tick')); });
    // node: process.nextTick(() => log('tick2'));
    // node: log('main');
    // node> main
    // node> tick1
    // node> tick2
    // node> tick-from-tick
    // node> micro1
    // node> micro-from-micro
    // node> tick-from-micro
    // node> immediate
    run(() -> {
      Timers.setImmediate(() -> log("immediate"));
      Timers.queueMicrotask(() -> {
        log("micro1");
        Timers.nextTick(() -> log("tick-from-micro"));
        Timers.queueMicrotask(() -> log("micro-from-micro"));
      });
      Timers.nextTick(() -> {
        log("tick1");
        Timers.nextTick(() -> log("tick-from-tick"));
      });
      Timers.nextTick(() -> log("tick2"));
      log("main");
    });
    assertThat(log).containsExactly(
        "main", "tick1", "tick2", "tick-from-tick", "micro1", "micro-from-micro",
        "tick-from-micro", "immediate");
  }

  @Test
  void eachImmediateIsFollowedByItsTicks() {
    // node: setImmediate(() => { log('a'); process.nextTick(() => log('tick-a')); queueMicrotask(() => log('micro-a')); });
    // node: setImmediate(() => log('b'));
    // node> a
    // node> tick-a
    // node> micro-a
    // node> b
    run(() -> {
      Timers.setImmediate(() -> {
        log("a");
        Timers.nextTick(() -> log("tick-a"));
        Timers.queueMicrotask(() -> log("micro-a"));
      });
      Timers.setImmediate(() -> log("b"));
    });
    assertThat(log).containsExactly("a", "tick-a", "micro-a", "b");
  }

  @Test
  void anImmediateQueuedByAnImmediateRunsOnALaterIterationAfterDueTimers() {
    // node: setImmediate(() => {
    // node:   log('A');
    // node:   setTimeout(() => log('timeout'), 1);
    // node:   setImmediate(() => log('B'));
    // node:   const s = Date.now(); while (Date.now() - s < 5);
    // node: });
    // node: setImmediate(() => log('A2'));
    // node> A
    // node> A2
    // node> timeout
    // node> B
    run(() -> {
      Timers.setImmediate(() -> {
        log("A");
        Timers.setTimeout(() -> log("timeout"), 1);
        Timers.setImmediate(() -> log("B"));
        spin(5);
      });
      Timers.setImmediate(() -> log("A2"));
    });
    assertThat(log).containsExactly("A", "A2", "timeout", "B");
  }

  @Test
  void anImmediateQueuedByATimerWaitsForTheNextIteration() {
    // node: setTimeout(() => {
    // node:   log('T1'); setImmediate(() => log('immediate'));
    // node:   const s = Date.now(); while (Date.now() - s < 5);
    // node:   setTimeout(() => log('T3'), 1);
    // node: }, 1);
    // node: setTimeout(() => log('T2'), 1);
    // node: const s = Date.now(); while (Date.now() - s < 10);
    // node> T1
    // node> T2
    // node> immediate
    // node> T3
    run(() -> {
      Timers.setTimeout(() -> {
        log("T1");
        Timers.setImmediate(() -> log("immediate"));
        spin(5);
        Timers.setTimeout(() -> log("T3"), 1);
      }, 1);
      Timers.setTimeout(() -> log("T2"), 1);
      // Both are due when the first timers pass starts, even if their creation straddled a
      // millisecond (then T2 is due 1 ms after T1, and Node would run it a pass later too).
      spin(10);
    });
    assertThat(log).containsExactly("T1", "T2", "immediate", "T3");
  }

  @Test
  void clearImmediateSkipsOneStillQueuedEvenInTheSameBatch() {
    // node: const b = setImmediate(() => log('b'));
    // node: setImmediate(() => { log('a'); clearImmediate(c); clearImmediate(b); });
    // node: const c = setImmediate(() => log('c'));
    // node: clearImmediate(b); clearImmediate(null);
    // node> a
    run(() -> {
      Immediate b = Timers.setImmediate(calls.mustNotCall());
      Immediate[] c = new Immediate[1];
      Timers.setImmediate(calls.mustCall(() -> {
        log("a");
        Timers.clearImmediate(c[0]);
        Timers.clearImmediate(b);
      }));
      c[0] = Timers.setImmediate(calls.mustNotCall());
      Timers.clearImmediate(b);
      Timers.clearImmediate(null);
    });
    assertThat(log).containsExactly("a");
  }

  @Test
  void anUnrefdImmediateAloneDoesNotRun() {
    // node: setImmediate(() => log('immediate')).unref(); log('main');
    // node> main
    run(() -> {
      Timers.setImmediate(calls.mustNotCall()).unref();
      log("main");
    });
    assertThat(log).containsExactly("main");
  }

  @Test
  void anUnrefdImmediateRunsWhenTheLoopGoesRoundAnyway() {
    // node: setTimeout(() => log('timeout'), 100); setImmediate(() => log('immediate')).unref();
    // node: setImmediate(() => { log('A'); setImmediate(() => log('B')).unref(); });
    // node> immediate
    // node> A
    // node> B
    // node> timeout
    run(() -> {
      Timers.setTimeout(() -> log("timeout"), 100);
      Timers.setImmediate(() -> log("immediate")).unref();
      Timers.setImmediate(() -> {
        log("A");
        Timers.setImmediate(() -> log("B")).unref();
      });
    });
    assertThat(log).containsExactly("immediate", "A", "B", "timeout");
  }

  @Test
  void anUnrefdImmediateQueuedByTheLastImmediateDoesNotRun() {
    // node: setImmediate(() => { log('A'); setImmediate(() => log('B')).unref(); });
    // node> A
    run(() -> Timers.setImmediate(() -> {
      log("A");
      Timers.setImmediate(calls.mustNotCall()).unref();
    }));
    assertThat(log).containsExactly("A");
  }

  @Test
  void anUnrefdImmediateQueuedByTheLastTimerDoesNotRun() {
    // node: setTimeout(() => { log('T'); setImmediate(() => log('X')).unref(); }, 5);
    // node> T
    run(() -> Timers.setTimeout(() -> {
      log("T");
      Timers.setImmediate(calls.mustNotCall()).unref();
    }, 5));
    assertThat(log).containsExactly("T");
  }

  @Test
  void refAgainKeepsAnImmediate() {
    // node: const i = setImmediate(() => log('immediate')); i.unref(); i.ref();
    // node> immediate
    run(() -> {
      Immediate i = Timers.setImmediate(() -> log("immediate"));
      i.unref();
      i.ref();
    });
    assertThat(log).containsExactly("immediate");
  }

  @Test
  void ticksQueuedOutsideAnyCallbackRunSoonInOrderBeforeTheProgramEnds() {
    // Netty-level code (a channel listener) runs outside runCallback; ticks it queues must
    // still run, once drained as a callback, and keep the loop from ending meanwhile.
    run(() -> {
      dev.nodus.internal.loop.Loop loop = dev.nodus.internal.loop.Loop.require();
      loop.eventLoop().execute(() -> {
        loop.queueMicrotask(() -> log("micro"));
        loop.nextTick(() -> log("tick1"));
        loop.nextTick(() -> {
          log("tick2");
          Timers.nextTick(() -> log("tick3"));
        });
        log("netty task");
      });
    });
    assertThat(log).containsExactly("netty task", "tick1", "tick2", "tick3", "micro");
  }
}
