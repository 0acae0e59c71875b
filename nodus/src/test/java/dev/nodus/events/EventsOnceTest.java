package dev.nodus.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.Timers;
import dev.nodus.testing.JsLog;
import dev.nodus.testing.MustCall;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Events#once}: Node's {@code events.once(emitter, name)} as a CompletableFuture. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EventsOnceTest {
  static final Event0 READY = Event0.of("ready");
  static final Event1<String> DATA = Event1.of("data");
  static final Event2<String, Integer> PAIR = Event2.of("x");

  @RegisterExtension final MustCall calls = new MustCall();

  private final JsLog js = new JsLog();
  private final List<String> log = js.lines;
  private final EventEmitter ee = new EventEmitter();

  @Test
  void resolvesWithTheArgumentsAfterEmitReturnsAndRemovesBothListeners() {
    // node: const { once } = require('events');
    // node: once(ee, 'x').then((v) => log('resolved', JSON.stringify(v)));
    // node: log('count', ee.listenerCount('x'), ee.listenerCount('error'));
    // node: ee.emit('x', 'a', 2);
    // node: log('after emit', ee.listenerCount('x'), ee.listenerCount('error'));
    // node> count 1 1
    // node> after emit 0 0
    // node> resolved ["a",2]
    Programs.run(
        Duration.ofSeconds(5),
        () -> {
          Events.once(ee, PAIR)
              .thenAccept(
                  calls.mustCall(
                      v -> js.log("resolved", JsLog.json(Arrays.asList(v)))));
          js.log("count", ee.listenerCount(PAIR), ee.listenerCount(EventEmitter.ERROR));
          ee.emit(PAIR, "a", 2);
          js.log(
              "after emit", ee.listenerCount(PAIR), ee.listenerCount(EventEmitter.ERROR));
        });
    assertThat(log).containsExactly("count 1 1", "after emit 0 0", "resolved [\"a\",2]");
  }

  @Test
  void rejectsOnErrorAndRemovesTheEventListener() {
    // node: const { once } = require('events');
    // node: once(ee, 'y').catch((e) => log('rejected', e.message, ee.listenerCount('y'), ee.listenerCount('error')));
    // node: ee.emit('error', new Error('bad'));
    // node> rejected bad 0 0
    Programs.run(
        Duration.ofSeconds(5),
        () -> {
          Events.once(ee, "y")
              .whenComplete(
                  calls.mustCall(
                      (v, e) ->
                          js.log(
                              "rejected",
                              e.getMessage(),
                              ee.listenerCount("y"),
                              ee.listenerCount("error"))));
          ee.emit(EventEmitter.ERROR, new IllegalStateException("bad"));
        });
    assertThat(log).containsExactly("rejected bad 0 0");
  }

  @Test
  void onceForErrorResolvesWithTheError() {
    // node: const { once } = require('events');
    // node: once(ee, 'error').then(([e]) => log('error resolved', e.message, ee.listenerCount('error')));
    // node: ee.emit('error', new Error('bad2'));
    // node> error resolved bad2 0
    CompletableFuture<Throwable> f = Events.once(ee, EventEmitter.ERROR);
    ee.emit(EventEmitter.ERROR, new IllegalStateException("bad2"));
    js.log("error resolved", f.join().getMessage(), ee.listenerCount("error"));
    assertThat(log).containsExactly("error resolved bad2 0");
  }

  @Test
  void typedVariantsCarryTheValueItself() {
    CompletableFuture<Void> ready = Events.once(ee, READY);
    CompletableFuture<String> data = Events.once(ee, DATA);
    assertThat(ready).isNotDone();
    ee.emit(READY);
    ee.emit("data", "chunk", "ignored");
    // Off any loop there is no microtask queue: the future completes inside emit.
    assertThat(ready).isCompletedWithValue(null);
    assertThat(data).isCompletedWithValue("chunk");
    assertThat(ee.eventNames()).isEmpty();
  }

  @Test
  void aValueThatIsNotAThrowableFailsWithErrUnhandledError() {
    // Node rejects with the value itself ('plain'); a future needs a Throwable, so it gets
    // the error emit('error', 'plain') would have thrown.
    CompletableFuture<Object[]> f = Events.once(ee, "z");
    ee.emit("error", "plain");
    assertThat(f)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            NodeError.class,
            e -> {
              assertThat(e.code()).isEqualTo("ERR_UNHANDLED_ERROR");
              assertThat(e.getMessage()).isEqualTo("Unhandled error. ('plain')");
            });
    assertThat(ee.eventNames()).isEmpty();
  }

  @Test
  void awaitsAnEventFiredByATimer() {
    Programs.run(
        Duration.ofSeconds(5),
        () -> {
          Events.once(ee, DATA).thenAccept(calls.mustCall(v -> js.log("got", v)));
          Timers.setTimeout(() -> ee.emit(DATA, "later"), 5);
        });
    assertThat(log).containsExactly("got later");
  }
}
