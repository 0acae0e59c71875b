package dev.nodus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.events.EventEmitter;
import dev.nodus.testing.JsLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Errors nothing handled: an exception escaping a callback, a tick or a microtask, and an
 * 'error' event without listener, all go to {@link Nodus#onUncaughtException} and the loop
 * keeps running. Node programs (with {@code process.on('uncaughtException')}) and their output
 * are in the {@code // node:} / {@code // node>} comments, checked by {@code NodeSnippetsCheck}.
 */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class UncaughtExceptionTest {
  private final JsLog js = new JsLog();
  private final List<String> log = js.lines;

  private void log(Object... parts) {
    js.log(parts);
  }

  /** Runs a program whose uncaught errors are logged as "caught message", as the snippets do. */
  private void run(Runnable setup) {
    Process p = Nodus.start(() -> {
      Nodus.onUncaughtException(e -> log("caught", e.getMessage()));
      setup.run();
    });
    assertThat(p.awaitExit(Duration.ofSeconds(10))).as("program ended").isTrue();
  }

  private static RuntimeException boom(String message) {
    return new IllegalStateException(message);
  }

  @Test
  void anExceptionInACallbackGoesToTheHandlerAndLaterCallbacksRun() {
    // node: process.on('uncaughtException', (e) => log('caught', e.message));
    // node: setTimeout(() => { throw new Error('boom'); }, 50);
    // node: setTimeout(() => log('after'), 60);
    // node: setImmediate(() => { throw new Error('boom2'); });
    // node: setImmediate(() => log('next immediate'));
    // node> caught boom2
    // node> next immediate
    // node> caught boom
    // node> after
    run(() -> {
      Timers.setTimeout(() -> {
        throw boom("boom");
      }, 50);
      Timers.setTimeout(() -> log("after"), 60);
      Timers.setImmediate(() -> {
        throw boom("boom2");
      });
      Timers.setImmediate(() -> log("next immediate"));
    });
    assertThat(log).containsExactly("caught boom2", "next immediate", "caught boom", "after");
  }

  @Test
  void anExceptionInTheSetupCodeGoesToTheHandlerAndItsTimersStillRun() {
    // node: process.on('uncaughtException', (e) => log('caught', e.message));
    // node: setTimeout(() => log('timer'), 1);
    // node: throw new Error('main');
    // node> caught main
    // node> timer
    run(() -> {
      Timers.setTimeout(() -> log("timer"), 1);
      throw boom("main");
    });
    assertThat(log).containsExactly("caught main", "timer");
  }

  @Test
  void aThrowingTickLeavesTheRestForTheEndOfTheNextCallback() {
    // node: process.on('uncaughtException', (e) => log('caught', e.message));
    // node: setImmediate(() => {
    // node:   process.nextTick(() => { log('t1'); throw new Error('boom'); });
    // node:   process.nextTick(() => log('t2'));
    // node:   queueMicrotask(() => log('m1'));
    // node: });
    // node: setImmediate(() => log('imm2'));
    // node> t1
    // node> caught boom
    // node> imm2
    // node> t2
    // node> m1
    run(() -> {
      Timers.setImmediate(() -> {
        Timers.nextTick(() -> {
          log("t1");
          throw boom("boom");
        });
        Timers.nextTick(() -> log("t2"));
        Timers.queueMicrotask(() -> log("m1"));
      });
      Timers.setImmediate(() -> log("imm2"));
    });
    assertThat(log).containsExactly("t1", "caught boom", "imm2", "t2", "m1");
  }

  @Test
  void aThrowingTickWithNothingElseQueuedStillRunsTheRest() {
    // node: process.on('uncaughtException', (e) => log('caught', e.message));
    // node: process.nextTick(() => { log('t1'); throw new Error('boom'); });
    // node: process.nextTick(() => log('t2'));
    // node: queueMicrotask(() => log('m1'));
    // node: log('sync');
    // node> sync
    // node> t1
    // node> caught boom
    // node> t2
    // node> m1
    run(() -> {
      Timers.nextTick(() -> {
        log("t1");
        throw boom("boom");
      });
      Timers.nextTick(() -> log("t2"));
      Timers.queueMicrotask(() -> log("m1"));
      log("sync");
    });
    assertThat(log).containsExactly("sync", "t1", "caught boom", "t2", "m1");
  }

  @Test
  void aThrowingMicrotaskDoesNotStopTheOthers() {
    // node: process.on('uncaughtException', (e) => log('caught', e.message));
    // node: queueMicrotask(() => { log('m1'); throw new Error('mboom'); });
    // node: queueMicrotask(() => log('m2'));
    // node> m1
    // node> caught mboom
    // node> m2
    run(() -> {
      Timers.queueMicrotask(() -> {
        log("m1");
        throw boom("mboom");
      });
      Timers.queueMicrotask(() -> log("m2"));
    });
    assertThat(log).containsExactly("m1", "caught mboom", "m2");
  }

  @Test
  void anErrorEventWithoutListenerInACallbackGoesToTheHandler() {
    // node: process.on('uncaughtException', (e) => log('caught', String(e.code), e.message));
    // node: setTimeout(() => { ee.emit('error', 'str'); log('not reached'); }, 1);
    // node: setTimeout(() => { ee.emit('error', new Error('real')); }, 2);
    // node: setTimeout(() => log('after'), 10);
    // node> caught ERR_UNHANDLED_ERROR Unhandled error. ('str')
    // node> caught undefined real
    // node> after
    EventEmitter ee = new EventEmitter();
    Process p = Nodus.start(() -> {
      Nodus.onUncaughtException(
          e -> log("caught", e instanceof NodeError ne ? ne.code() : "undefined", e.getMessage()));
      Timers.setTimeout(() -> {
        ee.emit("error", "str");
        log("not reached");
      }, 1);
      Timers.setTimeout(() -> ee.emit(EventEmitter.ERROR, boom("real")), 2);
      Timers.setTimeout(() -> log("after"), 10);
    });
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(log).containsExactly(
        "caught ERR_UNHANDLED_ERROR Unhandled error. ('str')", "caught undefined real", "after");
  }

  @Test
  void aThrowingHandlerDoesNotStopTheLoop() {
    // Node would exit here (an exception inside the uncaughtException handler is fatal); a
    // library must not end the JVM, so both errors are printed and the loop carries on.
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true));
    try {
      Process p = Nodus.start(() -> {
        Nodus.onUncaughtException(e -> {
          throw boom("handler");
        });
        Timers.setTimeout(() -> {
          throw boom("first");
        }, 1);
        Timers.setTimeout(() -> log("after"), 5);
      });
      assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    } finally {
      System.setErr(err);
    }
    assertThat(log).containsExactly("after");
    assertThat(captured.toString()).contains("first").contains("handler");
  }
}
