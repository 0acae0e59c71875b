package dev.nodus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.internal.errors.Warnings;
import dev.nodus.testing.JsLog;
import dev.nodus.testing.MustCall;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timers and the program lifecycle they drive: setTimeout, setInterval, clear*, refresh, ref,
 * unref, hasRef, Node's delay coercion. Node programs and their output are in the
 * {@code // node:} / {@code // node>} comments, checked by {@code NodeSnippetsCheck}.
 */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimersTest {
  @RegisterExtension final MustCall calls = new MustCall();

  private final JsLog js = new JsLog();
  private final List<String> log = js.lines;

  private void log(Object... parts) {
    js.log(parts);
  }

  private static void run(Runnable setup) {
    Programs.run(Duration.ofSeconds(10), setup);
  }

  @AfterEach
  void restore() {
    Warnings.setSink(null);
  }

  @Test
  void programWithOneTimerEndsRightAfterItFires() {
    // node: setTimeout(() => log('fired'), 50);
    // node> fired
    long start = System.nanoTime();
    long[] firedAt = {0};
    run(() -> Timers.setTimeout(() -> {
      log("fired");
      firedAt[0] = System.nanoTime();
    }, 50));
    long end = System.nanoTime();
    assertThat(log).containsExactly("fired");
    assertThat((firedAt[0] - start) / 1_000_000).isGreaterThanOrEqualTo(50);
    // "Right after": the program ends within a moment of the callback, not at some poll.
    assertThat((end - firedAt[0]) / 1_000_000).isLessThan(1000);
  }

  @Test
  void unrefdTimerDoesNotKeepTheProgramAlive() {
    // node: setTimeout(() => log('fired'), 10000).unref(); log('main');
    // node> main
    run(() -> {
      Timers.setTimeout(calls.mustNotCall(), 10_000).unref();
      log("main");
    });
    assertThat(log).containsExactly("main");
  }

  @Test
  void refAgainKeepsItAlive() {
    // node: const t = setTimeout(() => log('fired'), 20); t.unref(); t.ref();
    // node> fired
    run(() -> {
      Timeout t = Timers.setTimeout(() -> log("fired"), 20);
      t.unref();
      t.ref();
    });
    assertThat(log).containsExactly("fired");
  }

  @Test
  void hasRefFollowsRefAndUnrefAtOnceOnTheLoop() {
    // node: const t = setTimeout(() => {}, 1); log(t.hasRef()); t.unref(); log(t.hasRef());
    // node: t.ref(); log(t.hasRef()); log(setImmediate(() => {}).unref().hasRef());
    // node> true
    // node> false
    // node> true
    // node> false
    run(() -> {
      Timeout t = Timers.setTimeout(() -> {}, 1);
      log(t.hasRef());
      t.unref();
      log(t.hasRef());
      t.ref();
      log(t.hasRef());
      log(Timers.setImmediate(() -> {}).unref().hasRef());
    });
    assertThat(log).containsExactly("true", "false", "true", "false");
  }

  @Test
  void intervalRepeatsUntilClearedInItsCallback() {
    // node: let n = 0; const t = setInterval(() => { log('tick', ++n); if (n === 3) clearInterval(t); }, 5);
    // node> tick 1
    // node> tick 2
    // node> tick 3
    run(() -> {
      int[] n = {0};
      Timeout[] t = new Timeout[1];
      t[0] = Timers.setInterval(calls.mustCall(3, () -> {
        log("tick", ++n[0]);
        if (n[0] == 3) {
          Timers.clearInterval(t[0]);
        }
      }), 5);
    });
    assertThat(log).containsExactly("tick 1", "tick 2", "tick 3");
  }

  @Test
  void clearedTimeoutNeverFiresAndReleasesTheLoop() {
    // node: const t = setTimeout(() => log('fired'), 10000); clearTimeout(t); clearTimeout(null); log('main');
    // node> main
    long start = System.nanoTime();
    run(() -> {
      Timeout t = Timers.setTimeout(calls.mustNotCall(), 10_000);
      Timers.clearTimeout(t);
      Timers.clearTimeout(null);
      log("main");
    });
    assertThat(log).containsExactly("main");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
  }

  @Test
  void clearTimeoutInsideItsOwnCallbackThenRefreshDoesNothing() {
    // node: const t = setTimeout(() => { log('cb'); clearTimeout(t); t.refresh(); }, 5);
    // node: setTimeout(() => log('end'), 40);
    // node> cb
    // node> end
    run(() -> {
      Timeout[] t = new Timeout[1];
      t[0] = Timers.setTimeout(() -> {
        log("cb");
        Timers.clearTimeout(t[0]);
        t[0].refresh();
      }, 5);
      Timers.setTimeout(() -> log("end"), 40);
    });
    assertThat(log).containsExactly("cb", "end");
  }

  @Test
  void refreshRestartsTheDelayFromNow() {
    // node: const start = Date.now();
    // node: const t = setTimeout(() => log('fired', Date.now() - start >= 60), 40);
    // node: setTimeout(() => t.refresh(), 20);
    // node> fired true
    long[] start = {0};
    run(() -> {
      start[0] = System.nanoTime();
      Timeout t = Timers.setTimeout(
          () -> log("fired", (System.nanoTime() - start[0]) / 1_000_000 >= 60), 40);
      Timers.setTimeout(t::refresh, 20);
    });
    assertThat(log).containsExactly("fired true");
  }

  @Test
  void refreshInsideItsCallbackFiresAgain() {
    // node: let n = 0; const u = setTimeout(() => { log('u', ++n); if (n < 3) u.refresh(); }, 5);
    // node> u 1
    // node> u 2
    // node> u 3
    run(() -> {
      int[] n = {0};
      Timeout[] u = new Timeout[1];
      u[0] = Timers.setTimeout(() -> {
        log("u", ++n[0]);
        if (n[0] < 3) {
          u[0].refresh();
        }
      }, 5);
    });
    assertThat(log).containsExactly("u 1", "u 2", "u 3");
  }

  @Test
  void refreshAfterATimeoutFiredRearmsIt() {
    // node: let n = 0; const t = setTimeout(() => { log('fired', ++n); if (n === 1) setTimeout(() => t.refresh(), 10); }, 10);
    // node> fired 1
    // node> fired 2
    run(() -> {
      int[] n = {0};
      Timeout[] t = new Timeout[1];
      t[0] = Timers.setTimeout(() -> {
        log("fired", ++n[0]);
        if (n[0] == 1) {
          Timers.setTimeout(() -> t[0].refresh(), 10);
        }
      }, 10);
    });
    assertThat(log).containsExactly("fired 1", "fired 2");
  }

  @Test
  void refreshInsideAnIntervalCallbackChangesNothing() {
    // node: let n = 0; const t = setInterval(() => { log('iv', ++n); if (n === 1) t.refresh(); if (n === 3) clearInterval(t); }, 10);
    // node> iv 1
    // node> iv 2
    // node> iv 3
    run(() -> {
      int[] n = {0};
      Timeout[] t = new Timeout[1];
      t[0] = Timers.setInterval(() -> {
        log("iv", ++n[0]);
        if (n[0] == 1) {
          t[0].refresh();
        }
        if (n[0] == 3) {
          Timers.clearInterval(t[0]);
        }
      }, 10);
    });
    assertThat(log).containsExactly("iv 1", "iv 2", "iv 3");
  }

  @Test
  void outOfRangeDelaysBecomeOneMillisecondAndEqualDueTimesFireInCreationOrder() {
    // node: process.on('warning', (w) => log(w.name + ': ' + w.message.replace('\n', ' / ')));
    // node: setTimeout(() => log('max+1'), 2 ** 31); setTimeout(() => log('negative'), -5);
    // node: setTimeout(() => log('zero'), 0); setTimeout(() => log('one'), 1);
    // node: setTimeout(() => log('two'), 2);
    // node> TimeoutOverflowWarning: 2147483648 does not fit into a 32-bit signed integer. / Timeout duration was set to 1.
    // node> max+1
    // node> negative
    // node> zero
    // node> one
    // node> two
    Warnings.setSink((type, message) -> log(type + ": " + message.replace("\n", " / ")));
    run(() -> {
      Timeout t = Timers.setTimeout(() -> log("max+1"), Timers.TIMEOUT_MAX + 1);
      Timers.setTimeout(() -> log("negative"), -5);
      Timers.setTimeout(() -> log("zero"), 0);
      Timers.setTimeout(() -> log("one"), 1);
      Timers.setTimeout(() -> log("two"), 2);
      // TIMEOUT_MAX itself is kept (and unref'd here, so the program does not wait 24 days).
      Timers.setTimeout(calls.mustNotCall(), Timers.TIMEOUT_MAX).unref();
      assertThat(t.hasRef()).isTrue();
    });
    assertThat(log)
        .containsExactly(
            "TimeoutOverflowWarning: 2147483648 does not fit into a 32-bit signed integer. /"
                + " Timeout duration was set to 1.",
            "max+1",
            "negative",
            "zero",
            "one",
            "two");
  }

  @Test
  void timersAndTheirTicksInterleaveAsInNode() {
    // node: setTimeout(() => { log('t20'); setImmediate(() => log('immediate-from-timer')); }, 20);
    // node: setTimeout(() => { log('t0-a'); process.nextTick(() => log('tick-in-timer')); }, 0);
    // node: setTimeout(() => log('t0-b'), 0);
    // node: queueMicrotask(() => log('micro'));
    // node: process.nextTick(() => log('tick1')); process.nextTick(() => log('tick2'));
    // node: log('sync');
    // node> sync
    // node> tick1
    // node> tick2
    // node> micro
    // node> t0-a
    // node> tick-in-timer
    // node> t0-b
    // node> t20
    // node> immediate-from-timer
    run(() -> {
      Timers.setTimeout(() -> {
        log("t20");
        Timers.setImmediate(() -> log("immediate-from-timer"));
      }, 20);
      Timers.setTimeout(() -> {
        log("t0-a");
        Timers.nextTick(() -> log("tick-in-timer"));
      }, 0);
      Timers.setTimeout(() -> log("t0-b"), 0);
      Timers.queueMicrotask(() -> log("micro"));
      Timers.nextTick(() -> log("tick1"));
      Timers.nextTick(() -> log("tick2"));
      log("sync");
    });
    assertThat(log).containsExactly(
        "sync", "tick1", "tick2", "micro", "t0-a", "tick-in-timer", "t0-b", "t20",
        "immediate-from-timer");
  }

  @Test
  void timerFunctionsNeedALoop() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Timers.setTimeout(() -> {}, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not on a Nodus loop");
  }
}
